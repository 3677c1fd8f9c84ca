/**
 * Diagnostic: mtasts-no-policy-host
 *
 * RFC 8461 §3.2: the policy itself is fetched from
 * `https://mta-sts.<domain>/.well-known/mta-sts.txt`. When this zone holds
 * `mta-sts.<domain>` and has no address for it (A, AAAA, CNAME, a delegation or a
 * covering wildcard), senders cannot fetch the policy. Names above the zone or
 * below a delegation are not judged.
 */
import type { Problem } from '../../diagnostics/types';
import { problemOnText } from '../../dkim/records';
import { isSubdomain, nameKey, parentName } from '../../zone/names';
import { MailPolicyCodes } from '../codes';
import type { MailPolicyView } from '../collect';

const ADDRESS_TYPES = new Set(['A', 'AAAA', 'CNAME', 'NS', 'DNAME']);

export function checkMtaStsPolicyHost(view: MailPolicyView): Problem[] {
  const withAddress = new Set<string>();
  const cuts = new Set<string>();
  for (const r of view.zone.records) {
    if (ADDRESS_TYPES.has(r.type)) withAddress.add(nameKey(r.owner));
    if (r.type === 'NS' && nameKey(r.owner) !== nameKey(view.zone.origin)) cuts.add(nameKey(r.owner));
  }
  const out: Problem[] = [];
  for (const ctx of view.contexts) {
    if (ctx.kind.id !== 'mtasts' || !ctx.record.isRecord) continue;
    const host = 'mta-sts.' + (ctx.domain === '.' ? '' : ctx.domain);
    if (!isSubdomain(host, view.zone.origin) || belowCut(host, view.zone.origin, cuts)) continue;
    const key = nameKey(host);
    const wildcard = nameKey('*.' + parentName(host));
    if (withAddress.has(key) || withAddress.has(wildcard)) continue;
    out.push({
      ...problemOnText(ctx.txt, MailPolicyCodes.mtastsNoPolicyHost.code, { host: host.slice(0, -1) }),
      data: { host },
    });
  }
  return out;
}

function belowCut(name: string, origin: string, cuts: ReadonlySet<string>): boolean {
  for (let n = parentName(name); isSubdomain(n, origin) && nameKey(n) !== nameKey(origin); n = parentName(n)) {
    if (cuts.has(nameKey(n))) return true;
  }
  return false;
}
