/**
 * zone-ns-address — an NS target written as an IP address.
 *
 * RFC 1035 §3.3.11: NSDNAME is a domain name. An address there becomes a name such as
 * `192.0.2.1.example.com.` that has no address records, so the delegation is lame.
 * BIND refuses the zone ("NS record '192.0.2.9' appears to be an address") and adds
 * that the name has no address records; Knot reports only missing glue. We name the
 * real mistake once, on the target token (zone-missing-glue stays quiet for it).
 */
import type { Problem } from '../../diagnostics/types';
import { SemanticsCodes } from './codes';
import type { SemanticContext } from './context';
import { checkTargetAddress } from './targetAddress';
import { NS_TARGET } from './targets';

export function checkNsAddress(ctx: SemanticContext): Problem[] {
  return checkTargetAddress(ctx, NS_TARGET, SemanticsCodes.nsAddress);
}
