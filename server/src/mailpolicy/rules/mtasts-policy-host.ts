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
import type { MailPolicyView, PolicyContext } from '../collect';

/** A, AAAA, CNAME, NS and DNAME by type code. */
const ADDRESS_TYPES = new Set([1, 28, 5, 2, 39]);
const NS = 2;

export function checkMtaStsPolicyHost(view: MailPolicyView): Problem[] {
  const origin = view.zone.origin;
  const hosts: { ctx: PolicyContext; host: string }[] = [];
  for (const ctx of view.contexts) {
    if (ctx.kind.id !== 'mtasts' || !ctx.record.isRecord) continue;
    const host = 'mta-sts.' + (ctx.domain === '.' ? '' : ctx.domain);
    if (isSubdomain(host, origin)) hosts.push({ ctx, host });
  }
  // Most zones publish no MTA-STS record: then no pass over the records is needed, and
  // otherwise only the names asked about are kept, not every owner with an address.
  if (hosts.length === 0) return [];
  const wanted = new Set<string>();
  for (const { host } of hosts) {
    wanted.add(nameKey(host));
    wanted.add(nameKey('*.' + parentName(host)));
  }
  const withAddress = new Set<string>();
  const cuts = new Set<string>();
  const originKey = nameKey(origin);
  for (const r of view.zone.records) {
    if (!ADDRESS_TYPES.has(r.typeCode)) continue;
    const key = nameKey(r.owner);
    if (wanted.has(key)) withAddress.add(key);
    if (r.typeCode === NS && key !== originKey) cuts.add(key);
  }
  const out: Problem[] = [];
  for (const { ctx, host } of hosts) {
    if (belowCut(host, origin, cuts)) continue;
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
