/**
 * Fixes for DMARC diagnostics (RFC 9989 §4.7, §4.10): publish a monitoring policy
 * where none exists (a rejecting one for a parked domain), move a `none` policy up
 * to `quarantine`, and write full-width text in a DMARC or DKIM tag list in ASCII.
 */
import type { Zone } from '../zone/ast';
import { recordsOfTypes } from '../zone/checks/owners';
import { isSubdomain, namesEqual } from '../zone/names';
import { organizationalDomain } from '../dmarc/rules/missing';
import { looksLikeSpf, sendsNoMail } from '../spf/detect';
import { recordAt, insertLinesAfter, lastRecordOf, nameForInsert, separatorOf } from './records';
import { editTxt, joinedValue, octetRange } from './txtEdit';
import { halfWidthFromOctets } from '../zone/lookalike';
import type { DomainFix, FixInput } from './types';

const MX = 15;
const TXT = 16;

function display(name: string): string {
  return name.endsWith('.') && name.length > 1 ? name.slice(0, -1) : name;
}

/**
 * dmarc-missing: `_dmarc.<organizational domain>` TXT "v=DMARC1; p=none; rua=mailto:…"
 * (the organizational domain's policy covers its subdomains), after that domain's
 * records — else after the sender's — with a comment saying what p=none does. For a
 * parked domain (the organizational domain says with `v=spf1 -all` that it sends no mail,
 * and no name of the zone below it authorises a sender or takes mail) `p=reject` comes
 * first: there is no mail of its own to watch, and reject is what makes receivers refuse
 * mail forged in its name (M3AAWG's parked-domain advice).
 */
export function fixDmarcMissing({ text, zone, problem }: FixInput): DomainFix[] {
  const sender = recordAt(zone, problem.offset);
  if (!sender) return [];
  const org = organizationalDomain(sender.owner) ?? sender.owner;
  const after = lastRecordOf(zone, org) ?? lastRecordOf(zone, sender.owner);
  if (!after) return [];
  const domain = display(org).toLowerCase();
  const name = nameForInsert(zone, after.span.offset, '_dmarc.' + org);
  const sep = separatorOf(text, after);
  const monitor = `v=DMARC1; p=none; rua=mailto:dmarc-reports@${domain}`;
  const none: DomainFix = {
    title: {
      en: `Add a DMARC record at _dmarc.${domain} (p=none, reports to dmarc-reports@${domain})`,
      ja: `_dmarc.${domain} に DMARC レコードを追加する（p=none、レポートの宛先 dmarc-reports@${domain}）`,
    },
    kind: 'quickfix',
    edits: [
      insertLinesAfter(text, after, [
        `; DMARC (added by Zonelint): p=none only asks for reports at dmarc-reports@${domain}; once they show your mail passes, change it to p=quarantine`,
        `${name}${sep}TXT${sep}"${monitor}"`,
      ]),
    ],
    preferred: true,
  };
  if (!parked(zone, org)) return [none];
  const reject: DomainFix = {
    title: {
      en: `Add a DMARC record at _dmarc.${domain} that rejects all mail in its name (p=reject: ${domain} sends no mail)`,
      ja: `_dmarc.${domain} に、この名前のメールをすべて拒否させる DMARC レコードを追加する（p=reject。${domain} はメールを送りません）`,
    },
    kind: 'quickfix',
    edits: [insertLinesAfter(text, after, [`${name}${sep}TXT${sep}"v=DMARC1; p=reject"`])],
    preferred: true,
  };
  return [reject, { ...none, preferred: false }];
}

/**
 * Whether the organizational domain `org` is parked: its SPF record authorises no host,
 * and no name at or below it authorises one or takes mail (an MX other than the null MX).
 */
function parked(zone: Zone, org: string): boolean {
  let saysSo = false;
  for (const r of recordsOfTypes(zone.records, [TXT, MX])) {
    if (!isSubdomain(r.owner, org)) continue;
    if (r.typeCode === MX) {
      if (r.rdata.fields.exchange !== '.') return false;
      continue;
    }
    const value = joinedValue(r);
    if (!looksLikeSpf(value)) continue;
    if (!sendsNoMail(value)) return false;
    if (namesEqual(r.owner, org)) saysSo = true;
  }
  return saysSo;
}

/** dmarc-policy-none: `p=none` (or sp=/np=) → `quarantine`. */
export function fixDmarcPolicyNone({ text, zone, problem }: FixInput): DomainFix[] {
  const rr = recordAt(zone, problem.offset);
  const range = rr && octetRange(rr, problem.offset, problem.length);
  if (!rr || !range) return [];
  const tagText = joinedValue(rr).slice(range.from, range.to);
  const m = /^([a-z]+)(\s*=\s*)none\s*$/i.exec(tagText);
  if (!m) return [];
  const from = range.from + m[1].length + m[2].length;
  const tag = m[1].toLowerCase();
  return [
    {
      title: { en: `Change ${tag}=none to ${tag}=quarantine`, ja: `${tag}=none を ${tag}=quarantine に変える` },
      kind: 'quickfix',
      edits: editTxt(text, rr, from, from + 4, 'quarantine'),
      preferred: true,
    },
  ];
}

/**
 * dmarc-syntax and dkim-syntax on full-width text typed in a Japanese input method
 * (`；`, `ｒｅｊｅｃｔ`): the ASCII it stands for, read again from the record.
 */
export function fixFullWidthTag({ text, zone, problem }: FixInput): DomainFix[] {
  const rr = recordAt(zone, problem.offset);
  if (!rr || rr.typeCode !== TXT) return [];
  const range = octetRange(rr, problem.offset, problem.length);
  const ascii = range && halfWidthFromOctets(joinedValue(rr).slice(range.from, range.to));
  if (!range || ascii === undefined) return [];
  const edits = editTxt(text, rr, range.from, range.to, ascii);
  return edits.length === 0
    ? []
    : [{ title: { en: `Write '${ascii}' in ASCII (half-width)`, ja: `半角の '${ascii}' に直す` }, kind: 'quickfix', edits, preferred: true }];
}
