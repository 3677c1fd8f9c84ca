/**
 * The zone formatter: aligned columns (owner, TTL, class, type, RDATA), upper-case
 * types and classes, comments and blank lines kept, parenthesised records kept on
 * their lines and indented to the RDATA column, character-strings over 255 octets
 * split (RFC 1035 §3.3: a <character-string> holds at most 255 octets; TXT and SPF
 * data is the concatenation, RFC 7208 §3.3).
 *
 * It never changes data: every token is written back as it was typed (only the case
 * of types and classes and the blanks between tokens change), and any line it does not
 * fully understand — directives, lexical errors, records the parser rejected, heads
 * split over lines — is left exactly as written.
 */
import type { CharString, ResourceRecord, Span, Zone } from '../zone/ast';
import { type Item, type LogicalLine, logicalLines, lineContentEnd, lineStarts } from './lines';
import { splitCharString } from './strings';

export interface FormatOptions {
  /** Split TXT/SPF character-strings longer than 255 octets. Default true. */
  readonly splitLongStrings?: boolean;
  /** Owners longer than this do not widen the owner column. Default 24. */
  readonly maxOwnerWidth?: number;
}

/** A replacement of `length` characters at `offset` (UTF-16) with `newText`. */
export interface FormatEdit {
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
}

const MAX_TTL_WIDTH = 10;
const MAX_TYPE_WIDTH = 10;
const STRING_TYPES: ReadonlySet<string> = new Set(['TXT', 'SPF']);

/** A logical line understood as one record: its head words and RDATA items. */
interface RecordLine {
  readonly line: LogicalLine;
  readonly record: ResourceRecord;
  readonly owner?: Item;
  readonly ttl?: Item;
  readonly cls?: Item;
  readonly type: Item;
  /** Everything after the type: RDATA tokens, parentheses, comments. */
  readonly rest: readonly Item[];
}

interface Columns {
  readonly owner: number;
  readonly ttl: number;
  readonly cls: number;
  readonly type: number;
}

/** Edits that format the whole document. */
export function formatZone(text: string, zone: Zone, options: FormatOptions = {}): FormatEdit[] {
  return formatLines(text, zone, options, () => true);
}

/** Edits that format the logical lines touching `range`; columns follow the whole document. */
export function formatRange(text: string, zone: Zone, range: Span, options: FormatOptions = {}): FormatEdit[] {
  const from = range.offset;
  const to = range.offset + range.length;
  return formatLines(text, zone, options, (l) => l.start <= to && l.end >= from);
}

/** Applies non-overlapping edits (any order) to a text. */
export function applyEdits(text: string, edits: readonly FormatEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}

function formatLines(text: string, zone: Zone, options: FormatOptions, wanted: (l: LogicalLine) => boolean): FormatEdit[] {
  const lines = logicalLines(text);
  const byType = new Map<number, ResourceRecord>();
  for (const r of zone.records) if (r.file === undefined && !r.generated) byType.set(r.typeSpan.offset, r);
  const understood = lines.map((l) => asRecordLine(l, byType));
  const columns = measure(understood, options.maxOwnerWidth ?? 24);
  const starts = lineStarts(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const edits: FormatEdit[] = [];
  lines.forEach((line, i) => {
    if (!wanted(line)) return;
    const rec = understood[i];
    const lineTexts = rec ? formatRecord(text, rec, columns, options) : keepLine(text, line, starts);
    const newText = lineTexts.join(eol);
    const old = text.slice(line.start, line.end);
    if (newText !== old) edits.push({ offset: line.start, length: line.end - line.start, newText });
  });
  return edits;
}

/** A line kept as written, except that blank and comment-only lines lose trailing blanks. */
function keepLine(text: string, line: LogicalLine, starts: readonly number[]): string[] {
  const onlyComments = line.items.every((it) => it.kind === 'comment');
  const out: string[] = [];
  for (let l = line.firstLine; l <= line.lastLine; l++) {
    const from = l === line.firstLine ? line.start : starts[l];
    const physical = text.slice(from, lineContentEnd(text, starts, l));
    out.push(!line.failed && onlyComments ? physical.replace(/[ \t]+$/, '') : physical);
  }
  return out;
}

/** The record a logical line holds, when its words are exactly that record's tokens. */
function asRecordLine(line: LogicalLine, byType: ReadonlyMap<number, ResourceRecord>): RecordLine | undefined {
  if (line.failed) return undefined;
  const items = line.items;
  const typeIndex = items.findIndex((it) => it.kind === 'word' && byType.has(it.offset));
  if (typeIndex < 0 || typeIndex > 3) return undefined;
  const record = byType.get(items[typeIndex].offset)!;
  const head = items.slice(0, typeIndex);
  const type = items[typeIndex];
  if (head.some((it) => it.kind !== 'word' || it.line !== type.line)) return undefined;
  const at = (span: Span | undefined) => (span ? head.find((it) => it.offset === span.offset && it.length === span.length) : undefined);
  const owner = at(record.ownerSpan);
  const ttl = at(record.ttlSpan);
  const cls = at(record.classSpan);
  const written = [record.ownerSpan, record.ttlSpan, record.classSpan].filter((s) => s !== undefined).length;
  if (head.length !== written || [owner, ttl, cls].filter((x) => x).length !== written) return undefined;
  if (owner ? owner !== head[0] || line.blankOwner : !line.blankOwner) return undefined;
  const rest = items.slice(typeIndex + 1);
  const tokens = rest.filter((it) => it.kind === 'word' || it.kind === 'quoted');
  if (tokens.length !== record.tokens.length) return undefined;
  if (tokens.some((it, k) => it.offset !== record.tokens[k].offset || it.length !== record.tokens[k].length)) return undefined;
  return { line, record, owner, ttl, cls, type, rest };
}

function measure(recs: readonly (RecordLine | undefined)[], maxOwner: number): Columns {
  let owner = 1;
  let ttl = 0;
  let cls = 0;
  let type = 0;
  for (const r of recs) {
    if (!r) continue;
    if (r.owner && r.owner.length <= maxOwner) owner = Math.max(owner, r.owner.length);
    if (r.ttl) ttl = Math.max(ttl, Math.min(r.ttl.length, MAX_TTL_WIDTH));
    if (r.cls) cls = Math.max(cls, r.cls.length);
    type = Math.max(type, Math.min(r.type.length, MAX_TYPE_WIDTH));
  }
  return { owner, ttl, cls, type };
}

const slice = (text: string, it: Item) => text.slice(it.offset, it.offset + it.length);

/**
 * Tokens written without a blank between them stay that way: SVCB/HTTPS read
 * `alpn="h2,h3"` as one key=value parameter (RFC 9460 §2.1), though it is two tokens.
 */
function glued(a: Item | undefined, b: Item): boolean {
  const token = (it: Item) => it.kind === 'word' || it.kind === 'quoted';
  return a !== undefined && token(a) && token(b) && a.offset + a.length === b.offset;
}

/** The record's physical lines, formatted. */
function formatRecord(text: string, r: RecordLine, cols: Columns, options: FormatOptions): string[] {
  const pad = (s: string, w: number) => (s.length >= w ? s : s + ' '.repeat(w - s.length));
  let head = pad(r.owner ? slice(text, r.owner) : '', cols.owner);
  if (cols.ttl > 0) head += ' ' + pad(r.ttl ? slice(text, r.ttl) : '', cols.ttl);
  if (cols.cls > 0) head += ' ' + pad(r.cls ? slice(text, r.cls).toUpperCase() : '', cols.cls);
  head += ' ' + pad(slice(text, r.type).toUpperCase(), cols.type);
  const indent = ' '.repeat(head.length + 1);

  const strings = new Map<number, CharString>();
  if (options.splitLongStrings !== false && STRING_TYPES.has(r.record.type)) {
    for (const s of r.record.rdata.strings ?? []) if (s.value.length > 255) strings.set(s.span.offset, s);
  }
  // Physical lines of the record: content words and the comment ending each.
  const rows: { words: string[]; comment?: string }[] = [];
  for (let l = r.line.firstLine; l <= r.line.lastLine; l++) rows.push({ words: [] });
  let previous: Item | undefined;
  for (const it of r.rest) {
    const row = rows[it.line - r.line.firstLine];
    if (it.kind === 'comment') row.comment = slice(text, it);
    else if (strings.has(it.offset)) row.words.push(...splitCharString(text, strings.get(it.offset)!));
    else if (glued(previous, it) && row.words.length > 0) row.words[row.words.length - 1] += slice(text, it);
    else row.words.push(slice(text, it));
    previous = it;
  }
  const contents = rows.map((row, k) => {
    // Not trimEnd on the words: the last may end in an escaped blank (`a\ `), which is data.
    if (k === 0) return row.words.length > 0 ? head + ' ' + row.words.join(' ') : head.trimEnd();
    return row.words.length > 0 ? indent + row.words.join(' ') : '';
  });
  // Comments of a multi-line record line up; a lone comment sits at the RDATA column.
  const commented = contents.filter((c, k) => c !== '' && rows[k].comment !== undefined);
  const commentColumn = rows.length > 1 && commented.length > 0 ? Math.max(...commented.map((c) => c.length)) + 1 : 0;
  return contents.map((c, k) => {
    const comment = rows[k].comment;
    if (comment === undefined) return c;
    if (c === '') return indent + comment;
    return pad(c, commentColumn - 1) + ' ' + comment;
  });
}
