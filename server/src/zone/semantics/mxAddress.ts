/**
 * zone-mx-address — an MX exchange written as an IP address.
 *
 * RFC 1035 §3.3.9: EXCHANGE is a domain name; RFC 5321 §5.1 forbids addresses there.
 * BIND's `check-mx` (named-checkzone -m, default warn) warns "'192.0.2.1': MX is an address";
 * Knot does not check it. The diagnostic sits on the exchange token.
 */
import type { Problem } from '../../diagnostics/types';
import { SemanticsCodes } from './codes';
import type { SemanticContext } from './context';
import { checkTargetAddress } from './targetAddress';
import { MX_TARGET } from './targets';

export function checkMxAddress(ctx: SemanticContext): Problem[] {
  return checkTargetAddress(ctx, MX_TARGET, SemanticsCodes.mxAddress);
}
