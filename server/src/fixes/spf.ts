/**
 * Quick-fixes for the SPF diagnostics about terms (RFC 7208 §4.6, §5): each edits
 * the record's text through editTxt, so no character-string passes 255 octets.
 */
import ipaddr from 'ipaddr.js';
import type { Zone } from '../zone/ast';
import { isSubdomain } from '../zone/names';
import { isMechanism } from '../spf/ast';
import { blankFromOctets, codePointHex, halfWidthFromOctets } from '../zone/lookalike';
import type { SpfInsertData, SpfReplaceData } from '../spf/codes';
import { recordAt } from './records';
import { malformedVersion } from '../spf/rules/spf-malformed-version';
import { spfAt, termAt, withoutTerm } from './spfContext';
import { editTxt, joinedValue, octetRange, rewriteTxt } from './txtEdit';
import type { DomainFix, FixInput, TextEditOffsets } from './types';

export function quickfix(en: string, ja: string, edits: readonly TextEditOffsets[], preferred = false): DomainFix {
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

/**
 * spf-stale-ip: the mail server's address in place of the address the record lists
 * (preferred: a moved server's old address), or beside it (when the old one still sends).
 */
export function fixStaleIp({ text, zone, problem }: FixInput): DomainFix[] {
  const replacement = (problem.data as { replacement?: unknown } | undefined)?.replacement;
  const target = spfAt(zone, problem.offset);
  const t = target && termAt(target, problem.offset);
  if (!target || !t || typeof replacement !== 'string') return [];
  return [
    quickfix(`Replace '${show(t.text)}' with '${replacement}'`, `'${show(t.text)}' を '${replacement}' に置き換える`, editTxt(text, target.rr, t.from, t.to, replacement), true),
    quickfix(`Add '${replacement}' before '${show(t.text)}'`, `'${show(t.text)}' の前に '${replacement}' を加える`, editTxt(text, target.rr, t.from, t.from, replacement + ' '), false),
  ];
}

/** spf-ipv6-missing: the mail server's IPv6 address as an ip6: term, before `all` (or last). */
export function fixIpv6Missing({ text, zone, problem }: FixInput): DomainFix[] {
  const insert = (problem.data as { insert?: unknown } | undefined)?.insert;
  const target = spfAt(zone, problem.offset);
  if (!target || typeof insert !== 'string') return [];
  const terms = target.spf.terms;
  const all = terms.find((t) => t.kind === 'mechanism' && t.name === 'all');
  const last = terms[terms.length - 1] ?? target.spf.version;
  const edit = all ? editTxt(text, target.rr, all.from, all.from, insert + ' ') : editTxt(text, target.rr, last.to, last.to, ' ' + insert);
  return [quickfix(`Add '${insert}'`, `'${insert}' を追加する`, edit, true)];
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

/**
 * spf-after-all: move the term before `all` (preferred: the author meant it to count), or
 * remove it; a second `all` is only removed.
 */
export function fixAfterAll(input: FixInput): DomainFix[] {
  const { text, zone, problem } = input;
  const target = spfAt(zone, problem.offset);
  const t = target && termAt(target, problem.offset);
  const all = target?.spf.terms.find((x) => isMechanism(x) && x.name === 'all');
  if (!target || !t || !all || t.from < all.to) return [];
  const remove = removeTerm(input, { en: 'it is never evaluated', ja: '評価されることがないため' });
  // A second `all`: moving it first would change the record's result (`~all +all` passing
  // every sender); the first one is what receivers apply, so the second goes.
  if (isMechanism(t) && t.name === 'all') return remove;
  const v = target.spf.text;
  const moved = v.slice(0, all.from) + t.text + ' ' + v.slice(all.from, t.from - 1) + v.slice(t.to);
  const move = quickfix(`Move '${show(t.text)}' before '${all.text}'`, `'${show(t.text)}' を '${all.text}' の前に移す`, rewriteTxt(text, target.rr, moved), true);
  return [move, ...remove.map((f) => ({ ...f, preferred: false }))];
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

/**
 * spf-non-ascii on a full-width or typographic space (an ASCII space instead), an
 * invisible character (deleted), or full-width letters and signs typed in a Japanese
 * input method (`ｉｎｃｌｕｄｅ`, `～all`: their ASCII): what it was meant to be. Other
 * characters get no fix.
 */
export function fixNonAscii({ text, zone, problem }: FixInput): DomainFix[] {
  const target = spfAt(zone, problem.offset);
  const error = target?.spf.errors.find((e) => e.code === problem.code && target.spf.spanOf(e.from, e.to).offset === problem.offset);
  const octets = error ? target!.spf.text.slice(error.from, error.to) : '';
  const halfWidth = error && halfWidthFromOctets(octets);
  if (target && error && halfWidth !== undefined) {
    return [quickfix(`Write '${halfWidth}' in ASCII (half-width)`, `半角の '${halfWidth}' に直す`, editTxt(text, target.rr, error.from, error.to, halfWidth), true)];
  }
  const blank = error && blankFromOctets(octets);
  if (!target || !error || !blank) return [];
  const code = codePointHex(blank.code);
  return [
    blank.kind === 'space'
      ? quickfix(`Replace U+${code} with an ASCII space`, `U+${code} を半角スペースに直す`, editTxt(text, target.rr, error.from, error.to, ' '), true)
      : quickfix(`Delete the invisible character U+${code}`, `見えない文字 U+${code} を削除する`, editTxt(text, target.rr, error.from, error.to, ''), true),
  ];
}

/** spf-strings-joined: a space typed where the strings meet (inside a quoted one, see the rule). */
export function fixStringsJoined({ text, problem }: FixInput): DomainFix[] {
  const data = problem.data as Partial<SpfInsertData> | undefined;
  const at = data?.offset;
  if (typeof at !== 'number' || !Number.isInteger(at) || at < 0 || at > text.length || data?.text !== ' ') return [];
  return [quickfix('Put a space where the strings meet', '文字列のつなぎ目に半角スペースを入れる', [{ offset: at, length: 0, newText: ' ' }], true)];
}

/** spf-malformed-version: `v=spf1 ` written over the version as it was meant. */
export function fixMalformedVersion({ text, zone, problem }: FixInput): DomainFix[] {
  const rr = recordAt(zone, problem.offset);
  // Read again from the record rather than from the problem's data (which a client hands back).
  const found = rr?.typeCode === 16 && rr.rdata.strings?.length ? malformedVersion(joinedValue(rr)) : undefined;
  if (!rr || !found) return [];
  const edits = rewriteTxt(text, rr, found.value);
  const shown = found.value.length > 60 ? found.value.slice(0, 57) + '…' : found.value;
  return edits.length === 0 ? [] : [quickfix(`Write the record as SPF reads it: "${shown}"`, `SPF として読める形に直す: "${shown}"`, edits, true)];
}
