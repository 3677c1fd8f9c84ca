/**
 * zone-srv-cname — an SRV target that is an alias.
 *
 * RFC 2782 ("Target … must not be an alias") and RFC 2181 §10.3. BIND's
 * `check-srv-cname` (named-checkzone -S, default warn) reports "SRV 'x' is a CNAME
 * (illegal)"; Knot does not check it. The diagnostic sits on the target token.
 */
import type { Problem } from '../../diagnostics/types';
import { SemanticsCodes } from './codes';
import type { SemanticContext } from './context';
import { checkTargetCname } from './targetCname';
import { SRV_TARGET } from './targets';

export function checkSrvCname(ctx: SemanticContext): Problem[] {
  return checkTargetCname(ctx, SRV_TARGET, SemanticsCodes.srvCname);
}
