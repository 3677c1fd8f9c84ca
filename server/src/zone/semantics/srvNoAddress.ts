/**
 * zone-srv-no-address — an SRV target inside the zone with no address records.
 *
 * RFC 2782: a client connects to the A/AAAA addresses of the target; a target in this
 * zone without them cannot be reached. BIND's integrity checks log "SRV 'x' has no
 * address records (A or AAAA)" and load the zone. See targetNoAddress.ts.
 */
import type { Problem } from '../../diagnostics/types';
import { SemanticsCodes } from './codes';
import type { SemanticContext } from './context';
import { checkTargetNoAddress } from './targetNoAddress';
import { SRV_TARGET } from './targets';

export function checkSrvNoAddress(ctx: SemanticContext): Problem[] {
  return checkTargetNoAddress(ctx, SRV_TARGET, SemanticsCodes.srvNoAddress);
}
