/**
 * Quick-fixes for the SPF diagnostics about whole records (RFC 7208 §3.1, §4.5,
 * §4.6.4): merge several records, publish type 99 as TXT, drop includes that the
 * lookup tree reaches anyway, publish `v=spf1 -all` for a name with a null MX.
 */
import { authorisesSenders, isNullMx } from '../spf/rules/nullMx';
import { nameKey } from '../zone/names';
import { isMechanism, isModifier, type Mechanism, type SpfRecord, type Term } from '../spf/ast';
import { spfOwners } from '../spf/check';
import type { LookupNode } from '../spf/lookups';
import { termKey } from '../providers/providerMissing';
import { deleteRecord, insertLinesAfter, lastRecordOf, nameForInsert, separatorOf } from './records';
import { quickfix } from './spf';
import { spfAt, withoutTerm } from './spfContext';
import { editTxt, rewriteTxt } from './txtEdit';
import type { DomainFix, FixInput, TextEditOffsets } from './types';

/** The terms of several records as one record: senders first (deduplicated), then all or redirect, then other modifiers. */
export function mergeSpf(records: readonly SpfRecord[]): string {
  const senders: string[] = [];
  const keys = new Set<string>();
  let all: Term | undefined;
  const modifiers = new Map<string, Term>();
  for (const spf of records) {
    for (const t of spf.terms) {
      if (isMechanism(t) && t.name === 'all') all ??= t;
      else if (isModifier(t)) {
        if (!modifiers.has(t.name)) modifiers.set(t.name, t);
      } else if (!keys.has(termKey(t.text))) {
        keys.add(termKey(t.text));
        senders.push(t.text);
      }
    }
  }
  const redirect = modifiers.get('redirect');
  modifiers.delete('redirect');
  const end = all ? [all.text] : redirect ? [redirect.text] : [];
  return ['v=spf1', ...senders, ...end, ...[...modifiers.values()].map((m) => m.text)].join(' ');
}

/** spf-multiple-records: one record holding every record's terms; the others deleted. */
export function fixMultipleRecords({ text, zone, problem }: FixInput): DomainFix[] {
  const target = spfAt(zone, problem.offset);
  if (!target) return [];
  const owner = spfOwners(zone).find((o) => o.txtSpf.some((r) => r.rr === target.rr));
  const records = owner?.txtSpf.filter((r) => r.rr.file === undefined && !r.rr.generated) ?? [];
  if (records.length < 2) return [];
  const [keep, ...rest] = records;
  const edits: TextEditOffsets[] = [...rewriteTxt(text, keep.rr, mergeSpf(records.map((r) => r.spf)))];
  for (const r of rest) {
    const del = deleteRecord(text, zone, r.rr);
    if (!del) return [];
    edits.push(...del);
  }
  return [
    quickfix(
      `Merge the ${records.length} SPF records into one`,
      `${records.length} 個の SPF レコードを 1 つにまとめる`,
      edits,
      true,
    ),
  ];
}

/** spf-deprecated-rrtype: publish as TXT, or drop the copy when a TXT SPF record is already there. */
export function fixDeprecatedRrtype({ text, zone, problem }: FixInput): DomainFix[] {
  const rr = zone.records.find((r) => r.file === undefined && r.typeSpan.offset === problem.offset);
  if (!rr) return [];
  const owner = spfOwners(zone).find((o) => o.rrs.includes(rr));
  if (owner && owner.txtSpf.length > 0) {
    const del = deleteRecord(text, zone, rr);
    return del
      ? [quickfix('Remove the obsolete SPF-type record (the TXT record already publishes SPF)', '廃止された SPF 型のレコードを削除する（TXT レコードで SPF を公開済み）', del, true)]
      : [];
  }
  const edit = { offset: rr.typeSpan.offset, length: rr.typeSpan.length, newText: 'TXT' };
  return [quickfix('Publish the record as TXT', 'TXT レコードとして公開する', [edit], true)];
}

/** Top-level includes whose target the record already reaches through another term. */
function redundantIncludes(spf: SpfRecord, tree: LookupNode): { term: Mechanism; via: string }[] {
  const out: { term: Mechanism; via: string }[] = [];
  const children = tree.children;
  const below = (node: LookupNode): LookupNode[] => node.children.flatMap((c) => [c, ...below(c)]);
  for (const child of children) {
    const term = spf.terms.find((t): t is Mechanism => isMechanism(t) && t.name === 'include' && t.from === child.part.from);
    if (!term || !child.domain) continue;
    const via = children.find(
      (other) =>
        other !== child &&
        (below(other).some((n) => nameKey(n.domain) === nameKey(child.domain)) ||
          (nameKey(other.domain) === nameKey(child.domain) && other.part.from < child.part.from)),
    );
    if (via) out.push({ term, via: via.term });
  }
  return out;
}

/** spf-lookup-limit: remove includes that are reached anyway (flattening is flattenInclude, async). */
export function fixLookupLimit({ text, zone, problem }: FixInput): DomainFix[] {
  const target = spfAt(zone, problem.offset);
  const tree = (problem.data as { tree?: LookupNode } | undefined)?.tree;
  if (!target || !tree) return [];
  return redundantIncludes(target.spf, tree).map(({ term, via }) => {
    const { from, to } = withoutTerm(term);
    return quickfix(
      `Remove '${term.text}': '${via}' already includes it`,
      `'${term.text}' を削除する（'${via}' がすでに含んでいます）`,
      editTxt(text, target.rr, from, to, ''),
      true,
    );
  });
}

/** spf-null-mx-missing: a TXT record `v=spf1 -all` after the owner's records (M3AAWG's parked-domain record). */
export function fixNullMxMissing({ text, zone, problem }: FixInput): DomainFix[] {
  const owner = (problem.data as { owner?: string } | undefined)?.owner;
  const last = owner === undefined ? undefined : lastRecordOf(zone, owner);
  if (!last) return [];
  const sep = separatorOf(text, last);
  const edit = insertLinesAfter(text, last, [`${nameForInsert(zone, last.span.offset, last.owner)}${sep}TXT${sep}"v=spf1 -all"`]);
  return [
    {
      title: { en: 'Add an SPF record that authorises no sender: "v=spf1 -all"', ja: '送信サーバーを許可しない SPF レコードを追加する: "v=spf1 -all"' },
      kind: 'quickfix',
      edits: [edit],
      preferred: true,
    },
  ];
}

/**
 * spf-null-mx-sender: the name takes no mail (null MX), so it sends none either: its one SPF
 * record becomes `v=spf1 -all`. Not preferred: pointing the MX at a host that takes the
 * name's bounces is the other way out, which no edit here can guess.
 */
export function fixNullMxSender({ text, zone, problem }: FixInput): DomainFix[] {
  const mx = zone.records.find(
    (r) => r.file === undefined && isNullMx(r) && r.span.offset <= problem.offset && problem.offset < r.span.offset + r.span.length,
  );
  if (!mx) return [];
  const owner = spfOwners(zone).find((o) => o.rrs.includes(mx));
  // Several SPF records are spf-multiple-records' to merge first.
  if (!owner || owner.txtSpf.length !== 1) return [];
  const [record] = owner.txtSpf;
  if (record.rr.file !== undefined || record.rr.generated || !authorisesSenders(record.spf)) return [];
  return [
    quickfix(
      "Make the SPF record 'v=spf1 -all' (the name sends no mail)",
      "SPF レコードを 'v=spf1 -all' にする（このドメインからはメールを送らない）",
      rewriteTxt(text, record.rr, 'v=spf1 -all'),
    ),
  ];
}
