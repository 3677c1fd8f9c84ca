/**
 * Diagnostic: dmarc-policy-none
 *
 * RFC 9989 §4.7: p=none expresses no preference, so failing mail is delivered as
 * if there were no DMARC; quarantine asks receivers to treat it as suspicious,
 * reject to refuse it. Also reported for sp=/np=none under a stronger p=, which
 * leaves subdomains unprotected.
 */
import type { Problem } from '../../diagnostics/types';
import { problemIn } from '../../dkim/records';
import { DmarcCodes } from '../codes';
import { policyOf } from '../parse';
import type { DmarcContext } from '../context';

export function checkPolicyNone(ctx: DmarcContext): Problem[] {
  if (ctx.placement !== 'policy' || !ctx.dmarc.isDmarc) return [];
  const out: Problem[] = [];
  const p = ctx.dmarc.tag('p');
  const main = policyOf(p);
  for (const name of ['p', 'sp', 'np']) {
    const tag = ctx.dmarc.tag(name);
    if (!tag || policyOf(tag) !== 'none') continue;
    if (name !== 'p' && (main === undefined || main === 'none')) continue;
    out.push(problemIn(ctx.txt, DmarcCodes.policyNone.code, tag.start, tag.end, { tag: name }));
  }
  return out;
}
