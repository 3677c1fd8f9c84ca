/**
 * Fixes for DMARC diagnostics (RFC 9989 §4.7, §4.10): publish a monitoring policy
 * where none exists, and move a `none` policy up to `quarantine`.
 */
import { organizationalDomain } from '../dmarc/rules/missing';
import { recordAt, insertLinesAfter, lastRecordOf, nameForInsert, separatorOf } from './records';
import { editTxt, joinedValue, octetRange } from './txtEdit';
import type { DomainFix, FixInput } from './types';

function display(name: string): string {
  return name.endsWith('.') && name.length > 1 ? name.slice(0, -1) : name;
}

/**
 * dmarc-missing: `_dmarc.<organizational domain>` TXT "v=DMARC1; p=none; rua=mailto:…"
 * (the organizational domain's policy covers its subdomains), after that domain's
 * records — else after the sender's — with a comment saying what p=none does.
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
  const value = `v=DMARC1; p=none; rua=mailto:dmarc-reports@${domain}`;
  const lines = [
    `; DMARC (added by Zonelint): p=none only asks for reports at dmarc-reports@${domain}; once they show your mail passes, change it to p=quarantine`,
    `${name}${sep}TXT${sep}"${value}"`,
  ];
  return [
    {
      title: {
        en: `Add a DMARC record at _dmarc.${domain} (p=none, reports to dmarc-reports@${domain})`,
        ja: `_dmarc.${domain} に DMARC レコードを追加する（p=none、レポートの宛先 dmarc-reports@${domain}）`,
      },
      kind: 'quickfix',
      edits: [insertLinesAfter(text, after, lines)],
      preferred: true,
    },
  ];
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
