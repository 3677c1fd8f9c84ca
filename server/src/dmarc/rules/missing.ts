/**
 * Diagnostic: dmarc-missing
 *
 * RFC 9989 §4.10: receivers find a DMARC policy at `_dmarc.<domain>` or, walking
 * up, at a parent up to the organizational domain (RFC 7489 §3.2: the public
 * suffix list's registrable domain). A name that sends mail (SPF) or handles it
 * (MX, other than the null MX of RFC 7505) with no policy anywhere on that walk
 * is reported (a broken record counts as present: its own diagnostics say what
 * is wrong; so does a `_dmarc` CNAME to a hosted record). Only what the zone shows is judged: when the organizational domain
 * lies above this zone (a zone for sub.example.com cannot see example.com's
 * records), nothing is claimed.
 */
import { getDomain } from 'tldts';
import type { Problem } from '../../diagnostics/types';
import type { ResourceRecord } from '../../zone/ast';
import { recordsOfTypes } from '../../zone/checks/owners';
import { isSubdomain, nameKey, parentName } from '../../zone/names';
import { ownerSpan, problem } from '../../dkim/records';
import { looksLikeSpf, sendsNoMail } from '../../spf/detect';
import { DmarcCodes } from '../codes';
import { display, type DmarcView } from '../collect';

const MX = 15;
const TXT = 16;

interface Sender {
  readonly name: string;
  readonly record: ResourceRecord;
  /** `none`: an SPF record that authorises no host (a parked name). */
  readonly evidence: 'spf' | 'mx' | 'none';
}

export function checkMissing(view: DmarcView): Problem[] {
  const origin = view.zone.origin;
  const senders = new Map<string, Sender>();
  const note = (record: ResourceRecord, evidence: Sender['evidence']) => {
    const key = nameKey(record.owner);
    if (senders.has(key) || !isSubdomain(record.owner, origin)) return;
    // `_spf.example.com` (include targets) and wildcards are not mail domains.
    if (/(^|\.)[_*]/.test(record.owner)) return;
    senders.set(key, { name: record.owner, record, evidence });
  };
  const spf = new Map(view.txts.filter((t) => looksLikeSpf(t.text.value)).map((t) => [t.record, t.text.value]));
  for (const record of recordsOfTypes(view.zone.records, [TXT, MX])) {
    const type = record.typeCode;
    const text = type === TXT ? spf.get(record) : undefined;
    if (text !== undefined) note(record, sendsNoMail(text) ? 'none' : 'spf');
    // RFC 7505 null MX (`MX 0 .`): the name takes no mail. The exchange as parsed, not the
    // token: reading tokens scans the record's line again, for each of a zone's MX records.
    else if (type === MX && record.rdata.fields.exchange !== '.') note(record, 'mx');
  }
  const out: Problem[] = [];
  for (const sender of senders.values()) {
    const org = organizationalDomain(sender.name);
    if (!org || !isSubdomain(org, origin)) continue;
    if (coveredWithin(sender.name, org, view.attemptedDomains)) continue;
    const same = nameKey(org) === nameKey(sender.name);
    out.push(
      problem(
        DmarcCodes.missing.code,
        ownerSpan(sender.record),
        {
          name: display(sender.name),
          dmarcName: '_dmarc.' + display(sender.name),
          senderDetail: `dmarc-sender-${sender.evidence}`,
          orgDetail: same ? 'dmarc-missing-same' : 'dmarc-missing-org',
          orgDmarcName: '_dmarc.' + display(org),
        },
        undefined,
        sender.record.file,
      ),
    );
  }
  return out;
}

/** Host-name labels (letters, digits, `-`, `_`) or `*`, as written: no escapes. */
const HOST_NAME = /^(?:[A-Za-z0-9_-]+|\*)(?:\.(?:[A-Za-z0-9_-]+|\*))*\.?$/;

/**
 * The registrable domain (public suffix + 1 label), absolute; undefined for a suffix itself,
 * and for a name that is no host name (an escaped dot or blank, a raw octet: `a\.b.example.`),
 * which no mail address holds and which the public suffix list would cut at the wrong place.
 */
export function organizationalDomain(name: string): string | undefined {
  if (!HOST_NAME.test(name)) return undefined;
  const host = display(name);
  const org = getDomain(host);
  return org ? org + '.' : undefined;
}

/** Whether `_dmarc.<n>` holds DMARC for `name` or any parent of it down to `org`. */
function coveredWithin(name: string, org: string, policyDomains: ReadonlySet<string>): boolean {
  for (let n = name; isSubdomain(n, org); n = parentName(n)) {
    if (policyDomains.has(nameKey(n))) return true;
    if (nameKey(n) === nameKey(org)) break;
  }
  return false;
}
