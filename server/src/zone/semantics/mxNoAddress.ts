/**
 * zone-mx-no-address — an MX exchange inside the zone with no address records.
 *
 * RFC 5321 §5.1: a sender looks up the A/AAAA records of each MX host; an exchange in
 * this zone without them gets no mail delivered (and the SPF `mx` mechanism matches no
 * address for it). BIND's integrity checks log "MX 'x' has no address records (A or
 * AAAA)" and load the zone. See targetNoAddress.ts for what is and is not reported.
 */
import type { Problem } from '../../diagnostics/types';
import { SemanticsCodes } from './codes';
import type { SemanticContext } from './context';
import { checkTargetNoAddress } from './targetNoAddress';
import { MX_TARGET } from './targets';

export function checkMxNoAddress(ctx: SemanticContext): Problem[] {
  return checkTargetNoAddress(ctx, MX_TARGET, SemanticsCodes.mxNoAddress);
}
