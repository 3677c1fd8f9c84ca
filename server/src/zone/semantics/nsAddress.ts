/**
 * zone-ns-address — an NS target written as an IP address.
 *
 * RFC 1035 §3.3.11: NSDNAME is a domain name. An address there becomes a name such as
 * `192.0.2.1.example.com.` that has no address records, so the delegation is lame.
 * BIND reports the resulting name as having no address records; Knot reports missing
 * glue. We name the real mistake, on the target token.
 */
import type { Problem } from '../../diagnostics/types';
import { SemanticsCodes } from './codes';
import type { SemanticContext } from './context';
import { checkTargetAddress } from './targetAddress';
import { NS_TARGET } from './targets';

export function checkNsAddress(ctx: SemanticContext): Problem[] {
  return checkTargetAddress(ctx, NS_TARGET, SemanticsCodes.nsAddress);
}
