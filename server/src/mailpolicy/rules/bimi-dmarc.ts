/**
 * Diagnostic: bimi-dmarc-not-enforced
 *
 * BIMI draft §1 (structure, Domain Owners): the DMARC policy must be quarantine
 * applied to 100% of mail or reject, and a subdomain policy, if published, must
 * not be none; otherwise mailbox providers show no logo. The policy is looked up
 * the way receivers do (RFC 9989 §4.10): `_dmarc.<domain>`, then its parents up to
 * the organizational domain, using sp= for a parent's record. Only what this zone
 * shows is judged.
 */
import type { Problem, ProblemArgs } from '../../diagnostics/types';
import { problemOnText } from '../../dkim/records';
import { isSubdomain, nameKey, parentName } from '../../zone/names';
import { display, type DmarcView } from '../../dmarc/collect';
import type { DmarcContext } from '../../dmarc/context';
import { organizationalDomain, policyOf } from '../../dmarc/index';
import { MailPolicyCodes } from '../codes';
import type { MailPolicyView } from '../collect';

export function checkBimiDmarc(view: MailPolicyView, dmarc: DmarcView): Problem[] {
  const policies = new Map<string, DmarcContext[]>();
  for (const c of dmarc.contexts) {
    if (c.placement !== 'policy' || !c.dmarc.isDmarc) continue;
    const key = nameKey(c.domain);
    policies.set(key, [...(policies.get(key) ?? []), c]);
  }
  const out: Problem[] = [];
  for (const ctx of view.contexts) {
    if (ctx.kind.id !== 'bimi' || !ctx.record.isRecord) continue;
    // A declination (empty l=) shows no logo anyway.
    if (ctx.record.tag('l')?.value === '') continue;
    const org = organizationalDomain(ctx.domain);
    if (!org) continue;
    let args: ProblemArgs | undefined;
    let found = false;
    for (let n = ctx.domain; isSubdomain(n, org) && isSubdomain(n, view.zone.origin); n = parentName(n)) {
      // A `_dmarc` CNAME points at a record this zone cannot see.
      if (dmarc.aliasedDomains.has(nameKey(n))) {
        found = true;
        break;
      }
      const records = policies.get(nameKey(n));
      if (records?.length === 1) {
        found = true;
        args = judge(records[0], nameKey(n) === nameKey(ctx.domain));
        break;
      }
      if (records) break; // Several records: dmarc-multiple-records says it; no policy applies.
      if (nameKey(n) === nameKey(org)) break;
    }
    if (!found && isSubdomain(org, view.zone.origin)) {
      args = { detail: 'bimi-dmarc-missing', domain: display(ctx.domain), dmarcName: '_dmarc.' + display(ctx.domain) };
    }
    if (args) out.push(problemOnText(ctx.txt, MailPolicyCodes.bimiDmarcNotEnforced.code, args));
  }
  return out;
}

/** Why a DMARC record does not allow BIMI, or undefined when it does. */
function judge(c: DmarcContext, own: boolean): ProblemArgs | undefined {
  const dmarcName = '_dmarc.' + display(c.domain);
  const sp = c.dmarc.tag('sp');
  const tagName = !own && sp ? 'sp' : 'p';
  const policy = policyOf(c.dmarc.tag(tagName));
  if (!policy) return { detail: 'bimi-dmarc-no-policy', dmarcName };
  if (policy === 'none') return { detail: 'bimi-dmarc-none', dmarcName, tag: tagName };
  if (own && sp && policyOf(sp) === 'none') return { detail: 'bimi-dmarc-none', dmarcName, tag: 'sp' };
  const pct = c.dmarc.tag('pct');
  if (policy === 'quarantine' && pct && /^[0-9]+$/.test(pct.value) && Number(pct.value) < 100) {
    return { detail: 'bimi-dmarc-pct', dmarcName, pct: pct.value };
  }
  return undefined;
}
