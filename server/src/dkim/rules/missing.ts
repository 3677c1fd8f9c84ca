/**
 * Diagnostic: dkim-missing
 *
 * RFC 6376 §3.6.2.1: a verifier finds the key of a signature made for domain D with
 * selector S at `S._domainkey.D`. A name that sends mail (an SPF record authorising some
 * host) with no record at any `<selector>._domainkey` name of its own or of a parent up
 * to its organizational domain (a signature's d= may be that domain under relaxed DMARC
 * alignment, RFC 9989 §4.4) signs no mail with a key of its own: Gmail and Yahoo ask bulk
 * senders for DKIM, and a forwarded message passes DMARC only with an aligned DKIM
 * signature. A TXT key, a CNAME to a provider's key or a delegation of `_domainkey`
 * counts. Only what the zone shows is judged: when the organizational domain lies
 * above the zone, nothing is claimed.
 */
import type { Problem } from '../../diagnostics/types';
import type { Zone } from '../../zone/ast';
import { isSubdomain, nameKey, parentName, splitLabels } from '../../zone/names';
import { organizationalDomain } from '../../dmarc/rules/missing';
import { display } from '../../dmarc/collect';
import { looksLikeSpf, sendsNoMail } from '../../spf/detect';
import { DkimCodes } from '../codes';
import { ownerSpan, problem, txtRecords } from '../records';
import { recordsOfType } from '../../zone/checks/owners';

const NS = 2;
const CNAME = 5;
const TXT = 16;

/** Name keys of the domains with a record at some `<selector>._domainkey.<domain>`. */
function keyDomains(zone: Zone): Set<string> {
  const out = new Set<string>();
  // A key is a TXT record, a hosted one a CNAME, a delegated `_domainkey` an NS: the
  // type lists are made once per zone already, where walking every record is not.
  for (const type of [TXT, CNAME, NS]) for (const r of recordsOfType(zone.records, type)) {
    const owner = r.owner;
    if (owner.indexOf('_') < 0) continue;
    const labels = splitLabels(owner);
    // `<selector>._domainkey.<domain>`, or `_domainkey.<domain>` delegated (NS).
    for (let i = r.typeCode === NS ? 0 : 1; i < labels.length; i++) {
      if (labels[i].toLowerCase() !== '_domainkey') continue;
      out.add(nameKey(labels.slice(i + 1).join('.') + '.'));
      break;
    }
  }
  return out;
}

/** Whether `key` (a name key) or a parent down to `org` (a name key) has a DKIM key. */
function signedWithin(key: string, org: string, keys: ReadonlySet<string>): boolean {
  for (let n = key; ; n = parentName(n)) {
    if (keys.has(n)) return true;
    if (n === org || n === '.' || !isSubdomain(n, org)) return false;
  }
}

export function checkMissing(zone: Zone): Problem[] {
  const origin = zone.origin;
  let keys: Set<string> | undefined;
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const txt of txtRecords(zone)) {
    const text = txt.text.value;
    if (!looksLikeSpf(text) || sendsNoMail(text)) continue;
    const name = txt.owner;
    const key = nameKey(name);
    // `_spf.example.com` (include targets) and wildcards are not mail domains.
    if (seen.has(key) || !isSubdomain(name, origin) || /(^|\.)[_*]/.test(name)) continue;
    seen.add(key);
    const org = organizationalDomain(name);
    if (!org || !isSubdomain(org, origin)) continue;
    keys ??= keyDomains(zone);
    if (keys.size > 0 && signedWithin(key, nameKey(org), keys)) continue;
    out.push(problem(DkimCodes.missing.code, ownerSpan(txt.record), { name: display(name) }, undefined, txt.record.file));
  }
  return out;
}
