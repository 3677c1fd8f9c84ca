/**
 * zone-mx-cname — an MX exchange that is an alias.
 *
 * RFC 2181 §10.3 (and RFC 5321 §5.1): the exchange named by an MX record must have
 * address records of its own, not be a CNAME. BIND's `check-mx-cname` (named-checkzone
 * -M, default warn) reports "MX 'x' is a CNAME (illegal)"; Knot does not check it. The
 * diagnostic sits on the exchange token.
 */
import type { Problem } from '../../diagnostics/types';
import { SemanticsCodes } from './codes';
import type { SemanticContext } from './context';
import { checkTargetCname } from './targetCname';
import { MX_TARGET } from './targets';

export function checkMxCname(ctx: SemanticContext): Problem[] {
  return checkTargetCname(ctx, MX_TARGET, SemanticsCodes.mxCname);
}
