/**
 * zone-ns-cname — an NS target that is an alias.
 *
 * RFC 2181 §10.3 and RFC 1034 §3.6.2: the name server named by an NS record must not be
 * a CNAME. BIND refuses it whenever it checks the NS ("NS 'x' is a CNAME (illegal)");
 * Knot does not check it. The diagnostic sits on the target token.
 */
import type { Problem } from '../../diagnostics/types';
import { SemanticsCodes } from './codes';
import type { SemanticContext } from './context';
import { checkTargetCname } from './targetCname';
import { NS_TARGET } from './targets';

export function checkNsCname(ctx: SemanticContext): Problem[] {
  return checkTargetCname(ctx, NS_TARGET, SemanticsCodes.nsCname);
}
