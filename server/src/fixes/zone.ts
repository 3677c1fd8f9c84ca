/**
 * Fixes for zone diagnostics: remove a duplicate record (RFC 2181 §5), give an
 * RRset one TTL (RFC 2181 §5.2), add a missing $TTL (RFC 2308 §4), split a
 * character-string over 255 octets (RFC 1035 §3.3), type the ASCII character a
 * look-alike stands for (zone/lookalike.ts), put a mail record written bare in quotes,
 * write a Unicode name in ASCII (zone/idn.ts), give a name that repeats its origin its
 * final dot (zone/finalDot.ts), write a CAA tag or value as CAs read it (caa/value.ts),
 * write the next SOA serial over one saved unchanged (serial/unchanged.ts).
 */
import type { SerialUnchangedData } from '../serial/unchanged';
import type { ResourceRecord } from '../zone/ast';
import { LOOKALIKE_ASCII, codePointHex, lookalikeKind } from '../zone/lookalike';
import { nameKey } from '../zone/names';
import { unicodeName } from '../zone/idn';
import { deleteRecord, eolOf, lineStart, ownRecords, recordAt } from './records';
import { quoteOctets, splitString } from './txtEdit';
import { unquotedMailTxt } from '../zone/txtUnquoted';
import type { DomainFix, FixInput, TextEditOffsets } from './types';

/** zone-duplicate-record: delete the later copy's lines. */
export function fixDuplicateRecord({ text, zone, problem }: FixInput): DomainFix[] {
  const rr = ownRecords(zone).find((r) => r.span.offset === problem.offset) ?? recordAt(zone, problem.offset);
  const edits = rr && deleteRecord(text, zone, rr);
  return edits ? [{ title: { en: 'Remove the duplicate record', ja: '重複したレコードを削除する' }, kind: 'quickfix', edits, preferred: true }] : [];
}

function sameRrset(a: ResourceRecord, b: ResourceRecord): boolean {
  return a.typeCode === b.typeCode && a.class.toUpperCase() === b.class.toUpperCase() && nameKey(a.owner) === nameKey(b.owner);
}

/**
 * zone-ttl-mismatch: every record of the RRset gets the first
 * record's TTL (what BIND keeps), written as the first record wrote it. A record
 * without a TTL field gets one only when $TTL sets the default: without it, the next
 * records would inherit the new TTL (RFC 1035 §5.1).
 */
export function fixTtlMismatch({ text, zone, problem }: FixInput): DomainFix[] {
  const rr = recordAt(zone, problem.offset);
  // An RRSIG's TTL follows the RRset it covers (RFC 4034 §3): fixed there, not here.
  if (!rr || rr.type === 'RRSIG' || rr.type === 'SIG') return [];
  const rrset = ownRecords(zone).filter((r) => sameRrset(r, rr));
  const head = rrset[0];
  const ttlText = head.ttlSpan ? text.slice(head.ttlSpan.offset, head.ttlSpan.offset + head.ttlSpan.length) : String(head.ttl);
  const hasTtlDirective = zone.directives.some((d) => d.name === '$TTL' && d.file === undefined);
  const edits: TextEditOffsets[] = [];
  for (const r of rrset) {
    if (r.ttl === head.ttl) continue;
    if (r.ttlSpan) edits.push({ offset: r.ttlSpan.offset, length: r.ttlSpan.length, newText: ttlText });
    else if (hasTtlDirective) edits.push({ offset: Math.min(r.classSpan?.offset ?? Infinity, r.typeSpan.offset), length: 0, newText: ttlText + ' ' });
    else return [];
  }
  if (edits.length === 0) return [];
  const owner = head.owner;
  return [
    {
      title: { en: `Set every ${owner} ${head.type} record's TTL to ${ttlText}`, ja: `${owner} の ${head.type} レコードの TTL をすべて ${ttlText} にそろえる` },
      kind: 'quickfix',
      edits,
      preferred: true,
    },
  ];
}

const DEFAULT_TTL = 3600;

/** zone-bad-ttl for a record with no TTL known (no-ttl, soa-minimum-ttl): `$TTL` before the first record. */
export function fixMissingTtl({ text, zone, problem }: FixInput): DomainFix[] {
  // An LSP diagnostic carries no args: the parser's own problem at the same place has them.
  const args = problem.args ?? zone.problems.find((p) => p.code === problem.code && p.offset === problem.offset && !p.file)?.args;
  const detail = args?.detail;
  if (detail !== 'no-ttl' && detail !== 'soa-minimum-ttl') return [];
  if (zone.directives.some((d) => d.name === '$TTL' && d.file === undefined)) return [];
  const ttl = detail === 'soa-minimum-ttl' && typeof args?.ttl === 'number' ? args.ttl : DEFAULT_TTL;
  const firsts = [...ownRecords(zone).map((r) => r.span.offset), ...zone.directives.filter((d) => d.file === undefined).map((d) => d.span.offset)];
  const at = lineStart(text, Math.min(...firsts, text.length));
  return [
    {
      title: { en: `Add '$TTL ${ttl}' before the first record`, ja: `最初のレコードの前に '$TTL ${ttl}' を追加する` },
      kind: 'quickfix',
      edits: [{ offset: at, length: 0, newText: `$TTL ${ttl}${eolOf(text, at)}` }],
      preferred: true,
    },
  ];
}

/** zone-txt-string-too-long: split the string into quoted strings of at most 255 octets. */
export function fixStringTooLong({ text, zone, problem }: FixInput): DomainFix[] {
  const rr = recordAt(zone, problem.offset);
  const s = rr?.rdata.strings?.find((c) => c.span.offset <= problem.offset && problem.offset < c.span.offset + c.span.length);
  const split = s && splitString(text, s);
  if (!split) return [];
  const { edit, count: n } = split;
  return [
    {
      title: { en: `Split into ${n} strings of at most 255 octets`, ja: `255 オクテット以下の ${n} 個の文字列に分ける` },
      kind: 'quickfix',
      edits: [edit],
      preferred: true,
    },
  ];
}

/** The edit turning the look-alike at `offset` into the ASCII it stands for; undefined for another character. */
function lookalikeEdit(text: string, offset: number): TextEditOffsets | undefined {
  const kind = lookalikeKind(text.charCodeAt(offset));
  return kind && { offset, length: 1, newText: LOOKALIKE_ASCII[kind] };
}

/**
 * zone-lookalike-character: the ASCII character instead (a space, `"`, `(`, `)`, `;`), or
 * nothing for an invisible one; and, when the document has more, all of them at once.
 */
export function fixLookalike({ text, zone, problem }: FixInput): DomainFix[] {
  const edit = lookalikeEdit(text, problem.offset);
  if (!edit) return [];
  const code = codePointHex(text.charCodeAt(problem.offset));
  const shown = edit.newText === ' ' ? { en: 'a space', ja: '半角スペース' } : { en: `'${edit.newText}'`, ja: `'${edit.newText}'` };
  const one: DomainFix = {
    title:
      edit.newText === ''
        ? { en: `Delete the invisible character U+${code}`, ja: `見えない文字 U+${code} を削除する` }
        : { en: `Replace U+${code} with ${shown.en}`, ja: `U+${code} を${shown.ja}に直す` },
    kind: 'quickfix',
    edits: [edit],
    preferred: true,
  };
  const all = zone.problems
    .filter((p) => p.code === problem.code && p.file === undefined)
    .map((p) => lookalikeEdit(text, p.offset))
    .filter((e): e is TextEditOffsets => e !== undefined);
  if (all.length < 2) return [one];
  return [
    one,
    {
      title: { en: `Replace all ${all.length} look-alike characters in this file`, ja: `このファイルの紛らわしい文字 ${all.length} 個をすべて直す` },
      kind: 'quickfix',
      edits: all,
    },
  ];
}

/** The edit writing the Unicode name at [offset, offset + length) in ASCII; undefined when it has no ASCII form. */
function unicodeNameEdit(text: string, offset: number, length: number): TextEditOffsets | undefined {
  const ascii = unicodeName(text.slice(offset, offset + length))?.ascii;
  return ascii === undefined ? undefined : { offset, length, newText: ascii };
}

/**
 * zone-unicode-name: the name in ASCII, each Unicode label in its IDNA form (zone/idn.ts),
 * read again from the text; and, when the document has more, all of them at once.
 */
export function fixUnicodeName({ text, zone, problem }: FixInput): DomainFix[] {
  const edit = unicodeNameEdit(text, problem.offset, problem.length);
  if (!edit) return [];
  const one: DomainFix = {
    title: { en: `Write '${edit.newText}' (the IDNA form)`, ja: `IDNA 形式の '${edit.newText}' に書き換える` },
    kind: 'quickfix',
    edits: [edit],
    preferred: true,
  };
  const all = zone.problems
    .filter((p) => p.code === problem.code && p.file === undefined)
    .map((p) => unicodeNameEdit(text, p.offset, p.length))
    .filter((e): e is TextEditOffsets => e !== undefined);
  if (all.length < 2) return [one];
  return [
    one,
    {
      title: { en: `Write all ${all.length} Unicode names of this file in ASCII`, ja: `このファイルの Unicode の名前 ${all.length} 個をすべて ASCII に書き換える` },
      kind: 'quickfix',
      edits: all,
    },
  ];
}

/**
 * zone-txt-unquoted: the record's words as written, and the tags a `;` cut off into a
 * comment, in double quotes (split at 255 octets). Not offered when the words hold what
 * quoting would change (a quote, a backslash, a parenthesis) or are not ASCII.
 */
export function fixTxtUnquoted({ text, zone, problem }: FixInput): DomainFix[] {
  const rr = recordAt(zone, problem.offset);
  const tokens = rr?.typeCode === 16 ? rr.tokens : undefined;
  const last = tokens?.[tokens.length - 1];
  if (!tokens || !last || tokens[0].offset !== problem.offset) return [];
  const end = last.offset + last.length;
  // As the parser read it: to the next newline (a comment there runs past a lone CR).
  const nl = text.indexOf('\n', end);
  const found = unquotedMailTxt(tokens, text.slice(end, nl < 0 ? text.length : nl));
  if (!found) return [];
  // A line break (a lone CR) among the words: quoting would join two lines; no fix.
  const words = text.slice(found.from, found.to).replace(/[ \t]+$/, '');
  if (!/^[\x20-\x7e\t]+$/.test(words) || /["\\()]/.test(words)) return [];
  return [
    {
      title: { en: 'Put the record in double quotes', ja: 'レコードを二重引用符で囲む' },
      kind: 'quickfix',
      edits: [{ offset: found.from, length: words.length, newText: quoteOctets(words) }],
      preferred: true,
    },
  ];
}

/** The text under the problem's range, when the range lies inside the text. */
function under(text: string, p: { offset: number; length: number }): string | undefined {
  return p.offset >= 0 && p.length >= 0 && p.offset + p.length <= text.length ? text.slice(p.offset, p.offset + p.length) : undefined;
}

/** The final dot after a name as written, at the end of the problem's range. */
function finalDot(p: { offset: number; length: number }): TextEditOffsets {
  return { offset: p.offset + p.length, length: 0, newText: '.' };
}

function addFinalDot(written: string, problem: FixInput['problem']): DomainFix {
  return {
    title: { en: `Add the final dot: '${written}.'`, ja: `末尾にドットを付けて '${written}.' にする` },
    kind: 'quickfix',
    edits: [finalDot(problem)],
    preferred: true,
  };
}

/** zone-origin-repeated: the final dot after the name as written; every such name of the file at once too. */
export function fixOriginRepeated({ text, zone, problem }: FixInput): DomainFix[] {
  // The name as written (a diagnostic carries no arguments back from the editor): relative, unquoted.
  const written = under(text, problem);
  if (problem.file !== undefined || !written || written.endsWith('.') || written.startsWith('"')) return [];
  const one = addFinalDot(written, problem);
  const all = zone.problems.filter((p) => p.code === problem.code && p.file === undefined).map(finalDot);
  if (all.length < 2) return [one];
  return [
    one,
    {
      title: { en: `Add the final dot to all ${all.length} names of this file that repeat their origin`, ja: `オリジンが二重になっている ${all.length} 個の名前すべての末尾にドットを付ける` },
      kind: 'quickfix',
      edits: all,
    },
  ];
}

/**
 * zone-cname-target-missing, zone-mx-no-address, zone-srv-no-address, zone-missing-glue: a target written without
 * its final dot as a name of the public DNS (`aspmx.l.google.com`) gets the dot.
 */
export function fixTargetFinalDot({ text, problem }: FixInput): DomainFix[] {
  const written = under(text, problem);
  if (problem.file !== undefined || !written || (problem.data as { finalDot?: unknown } | undefined)?.finalDot !== written) return [];
  return [addFinalDot(written, problem)];
}

/**
 * The text to write over the problem's range, from its data (`written`, `replacement`):
 * caa-unknown-tag, caa-bad-value (the known tag a misspelt one stands for, the CA's domain
 * name for a URL or a name with a final dot, `mailto:` before an address), zone-target-typo
 * (the zone's own domain in a target one letter off it). Only where the range still holds
 * the text as written, without escapes.
 */
export function fixWritten({ text, problem }: FixInput): DomainFix[] {
  const data = problem.data as { replacement?: unknown; written?: unknown } | undefined;
  const replacement = data?.replacement;
  if (typeof replacement !== 'string' || replacement === '' || problem.file !== undefined) return [];
  const written = under(text, problem);
  if (!written || written !== data?.written || /["\\;]/.test(replacement)) return [];
  return [
    {
      title: { en: `Write '${replacement}'`, ja: `'${replacement}' に書き換える` },
      kind: 'quickfix',
      edits: [{ offset: problem.offset, length: problem.length, newText: replacement }],
      preferred: true,
    },
  ];
}

/** zone-serial-unchanged: the next serial (serial.format setting) over the one the file was opened with. */
export function fixSerialUnchanged({ text, problem }: FixInput): DomainFix[] {
  const data = problem.data as Partial<SerialUnchangedData> | undefined;
  const replacement = data?.replacement;
  if (typeof replacement !== 'string' || !/^[0-9]{1,10}$/.test(replacement) || under(text, problem) !== data?.serial) return [];
  return [
    {
      title: { en: `Increment the serial to ${replacement}`, ja: `シリアル番号を ${replacement} に増やす` },
      kind: 'quickfix',
      edits: [{ offset: problem.offset, length: problem.length, newText: replacement }],
      preferred: true,
    },
  ];
}
