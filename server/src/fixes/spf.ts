/**
 * Quick-fixes for the SPF diagnostics (RFC 7208): each edits the record's text
 * through editTxt, so no character-string passes 255 octets.
 */
import ipaddr from 'ipaddr.js';
import type { Zone } from '../zone/ast';
import { isSubdomain, nameKey } from '../zone/names';
import { isMechanism, isModifier, type Mechanism, type SpfRecord, type Term } from '../spf/ast';
import type { SpfReplaceData } from '../spf/codes';
import { spfOwners } from '../spf/check';
import type { LookupNode } from '../spf/lookups';
import { termKey } from '../providers/providerMissing';
import { deleteRecord } from './records';
import { spfAt, termAt, withoutTerm } from './spfContext';
import { editTxt, octetRange, rewriteTxt } from './txtEdit';
import type { DomainFix, FixInput, TextEditOffsets } from './types';

function quickfix(en: string, ja: string, edits: readonly TextEditOffsets[], preferred = false): DomainFix {
  return { title: { en, ja }, kind: 'quickfix', edits, ...(preferred ? { preferred } : {}) };
}

function show(term: string): string {
  return term.length > 60 ? term.slice(0, 57) + '…' : term;
}

/** spf-unknown-mechanism: write the name the rule suggests ("did you mean"). */
export function fixUnknownMechanism({ text, zone, problem }: FixInput): DomainFix[] {
  const data = problem.data as SpfReplaceData | undefined;
  const target = spfAt(zone, problem.offset);
  if (!data?.replacement || !target) return [];
  const range = octetRange(target.rr, data.replaceSpan.offset, data.replaceSpan.length);
  if (!range) return [];
  // A modifier takes no qualifier: `~redirect:x` becomes `redirect=x`.
  const t = termAt(target, problem.offset);
  const from = data.replacement.endsWith('=') && t && /^[+\-~?]/.test(t.text) && t.from + 1 === range.from ? t.from : range.from;
  const edits = editTxt(text, target.rr, from, range.to, data.replacement);
  return [quickfix(`Change to '${data.replacement}'`, `'${data.replacement}' に直す`, edits, true)];
}

/** spf-no-all: end the record with ~all (preferred) or -all. */
export function fixNoAll({ text, zone, problem }: FixInput): DomainFix[] {
  const target = spfAt(zone, problem.offset);
  if (!target) return [];
  const last = target.spf.terms[target.spf.terms.length - 1] ?? target.spf.version;
  return (['~all', '-all'] as const).map((all, i) =>
    quickfix(
      all === '~all' ? "Add '~all' (soft fail for other hosts)" : "Add '-all' (fail for other hosts)",
      all === '~all' ? "'~all' を追加する（ほかのホストはソフトフェイル）" : "'-all' を追加する（ほかのホストは失敗）",
      editTxt(text, target.rr, last.to, last.to, ' ' + all),
      i === 0,
    ),
  );
}

/** spf-permissive-all: +all / ?all → ~all (preferred) or -all. */
export function fixPermissiveAll({ text, zone, problem }: FixInput): DomainFix[] {
  const target = spfAt(zone, problem.offset);
  const t = target && termAt(target, problem.offset);
  if (!target || !t) return [];
  return (['~all', '-all'] as const).map((all, i) =>
    quickfix(`Change '${t.text}' to '${all}'`, `'${t.text}' を '${all}' に変える`, editTxt(text, target.rr, t.from, t.to, all), i === 0),
  );
}

/** A fix that removes the term under the problem. */
function removeTerm({ text, zone, problem }: FixInput, why?: { en: string; ja: string }): DomainFix[] {
  const target = spfAt(zone, problem.offset);
  const t = target && termAt(target, problem.offset);
  if (!target || !t) return [];
  const { from, to } = withoutTerm(t);
  const en = `Remove '${show(t.text)}'` + (why ? ` (${why.en})` : '');
  const ja = `'${show(t.text)}' を削除する` + (why ? `（${why.ja}）` : '');
  return [quickfix(en, ja, editTxt(text, target.rr, from, to, ''), true)];
}

/** spf-duplicate-term, spf-redundant-ip, spf-duplicate-modifier, spf-redirect-ignored: drop the term. */
export const fixRemoveTerm = (input: FixInput): DomainFix[] => removeTerm(input);

/** spf-after-all: move the term before `all` (preferred: the author meant it to count), or remove it. */
export function fixAfterAll(input: FixInput): DomainFix[] {
  const { text, zone, problem } = input;
  const target = spfAt(zone, problem.offset);
  const t = target && termAt(target, problem.offset);
  const all = target?.spf.terms.find((x) => isMechanism(x) && x.name === 'all');
  if (!target || !t || !all || t.from < all.to) return [];
  const v = target.spf.text;
  const moved = v.slice(0, all.from) + t.text + ' ' + v.slice(all.from, t.from - 1) + v.slice(t.to);
  const move = quickfix(`Move '${show(t.text)}' before '${all.text}'`, `'${show(t.text)}' を '${all.text}' の前に移す`, rewriteTxt(text, target.rr, moved), true);
  const remove = removeTerm(input, { en: 'it is never evaluated', ja: '評価されることがないため' }).map((f) => ({ ...f, preferred: false }));
  return [move, ...remove];
}

/** The addresses of the zone's hosts at or below `domain`, as ip4:/ip6: terms. */
function hostAddresses(zone: Zone, domain: string): string[] {
  const out = new Set<string>();
  for (const rr of zone.records) {
    if ((rr.type !== 'A' && rr.type !== 'AAAA') || !isSubdomain(rr.owner, domain)) continue;
    const address = rr.rdata.fields.address;
    if (typeof address !== 'string' || !ipaddr.isValid(address)) continue;
    out.add(`${rr.type === 'A' ? 'ip4' : 'ip6'}:${ipaddr.parse(address).toString()}`);
  }
  return [...out];
}

const MAX_PTR_ADDRESSES = 16;

/** spf-ptr-deprecated: the zone's addresses under the ptr target instead (when it has some), or remove ptr. */
export function fixPtr(input: FixInput): DomainFix[] {
  const { text, zone, problem } = input;
  const target = spfAt(zone, problem.offset);
  const t = target && termAt(target, problem.offset);
  if (!target || !t || !isMechanism(t)) return [];
  const out: DomainFix[] = [];
  const literal = !t.domain || t.domain.items.every((i) => i.kind !== 'expand');
  const domain = t.domain ? t.domain.text.replace(/\.?$/, '.') : target.rr.owner;
  const addresses = literal ? hostAddresses(zone, domain) : [];
  if (addresses.length > 0 && addresses.length <= MAX_PTR_ADDRESSES) {
    const q = t.qualifierWritten && t.qualifier !== '+' ? t.qualifier : '';
    const terms = addresses.map((a) => q + a).join(' ');
    out.push(
      quickfix(
        `Replace '${t.text}' with the addresses of this zone's hosts under ${domain} (${show(terms)})`,
        `'${t.text}' を、このゾーンにある ${domain} 配下のホストのアドレス（${show(terms)}）に置き換える`,
        editTxt(text, target.rr, t.from, t.to, terms),
        true,
      ),
    );
  }
  out.push(...removeTerm(input).map((f) => ({ ...f, preferred: out.length === 0 })));
  return out;
}

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
