/**
 * Record-level edit helpers over the zone text (RFC 1035 §5.1 master files): find
 * the record at an offset, delete a record's lines, insert a new line after an
 * owner's records, and write a name as the origin in effect there expects it.
 */
import type { ResourceRecord, Zone } from '../zone/ast';
import { nameKey, parseName, relativize } from '../zone/names';
import type { TextEditOffsets } from './types';
import { firstAtOrAbove, lastAtOrBelow } from '../sorted';
import { perPart, zoneParts, type PartValue } from '../zone/parts';

/** One part's own records (zone/parts.ts) with their places as read, and how far they moved since. */
interface OwnPart {
  readonly records: readonly ResourceRecord[];
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** Add to `starts` and `ends` for the places in this zone. */
  readonly moved: number;
}

/**
 * A zone's own records with their places, made once per zone from what is kept per part:
 * an editor asks at every keystroke. Searches go to the part first, then into it: after an
 * edit of a large zone only the parts parsed again are read, and nothing the size of the
 * zone is made (a list of places of a million records took about 50 ms per change).
 */
interface OwnIndex {
  readonly zone: Zone;
  /** The parts with own records, in document order. */
  readonly parts: readonly OwnPart[];
  /** Each part's first start and last end, in this zone. */
  readonly firstStarts: Float64Array;
  readonly lastEnds: Float64Array;
  /** Every part's records are its own: the zone's list is the list. */
  readonly all: boolean;
  flat?: readonly ResourceRecord[];
}

const ownIndexes = new WeakMap<Zone, OwnIndex>();

/** A part's own records and their places as they were when it was read (zone/parts.ts). */
interface PartIndex {
  readonly records: readonly ResourceRecord[];
  readonly starts: Float64Array;
  readonly ends: Float64Array;
}

const partIndexes = new WeakMap<readonly ResourceRecord[], PartValue<PartIndex>>();

function partIndex(records: readonly ResourceRecord[]): PartIndex {
  const all = records.every((r) => r.file === undefined && !r.generated);
  const own = all ? records : records.filter((r) => r.file === undefined && !r.generated);
  const starts = new Float64Array(own.length);
  const ends = new Float64Array(own.length);
  for (let i = 0; i < own.length; i++) {
    const span = own[i].span;
    starts[i] = span.offset;
    ends[i] = span.offset + span.length;
  }
  return { records: own, starts, ends };
}

function ownIndex(zone: Zone): OwnIndex {
  let index = ownIndexes.get(zone);
  if (index) return index;
  const parts: OwnPart[] = [];
  let all = true;
  for (const part of zoneParts(zone)) {
    const kept = perPart(partIndexes, part, partIndex);
    const { records, starts, ends } = kept.value;
    all &&= records === part.records;
    if (records.length > 0) parts.push({ records, starts, ends, moved: part.shift - kept.shift });
  }
  const firstStarts = new Float64Array(parts.length);
  const lastEnds = new Float64Array(parts.length);
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    firstStarts[k] = p.starts[0] + p.moved;
    lastEnds[k] = p.ends[p.ends.length - 1] + p.moved;
  }
  ownIndexes.set(zone, (index = { zone, parts, firstStarts, lastEnds, all }));
  return index;
}

/** Records of the document itself (not $INCLUDEd, not $GENERATEd), in text order (shared: do not modify). */
export function ownRecords(zone: Zone): readonly ResourceRecord[] {
  const index = ownIndex(zone);
  if (index.flat === undefined) {
    if (index.all) index.flat = zone.records;
    else {
      const flat: ResourceRecord[] = [];
      for (const p of index.parts) for (const r of p.records) flat.push(r);
      index.flat = flat;
    }
  }
  return index.flat;
}

/**
 * The document's own records part by part (each list in text order, the lists in order),
 * without making one list of them all (shared: do not modify).
 */
export function ownRecordLists(zone: Zone): readonly (readonly ResourceRecord[])[] {
  return ownIndex(zone).parts.map((p) => p.records);
}

/** The document's own records whose spans reach into [from, to], in document order. */
export function ownRecordsIn(zone: Zone, from: number, to: number): ResourceRecord[] {
  const { parts, firstStarts, lastEnds } = ownIndex(zone);
  const out: ResourceRecord[] = [];
  // The first part ending at or after `from`: ends grow with starts (spans do not overlap).
  for (let k = firstAtOrAbove(lastEnds, from); k < parts.length && firstStarts[k] <= to; k++) {
    const { records, starts, ends, moved } = parts[k];
    for (let i = firstAtOrAbove(ends, from - moved); i < records.length && starts[i] + moved <= to; i++) {
      if (ends[i] + moved >= from) out.push(records[i]);
    }
  }
  return out;
}

/** The document's record whose span holds `offset` (the end included). */
export function recordAt(zone: Zone, offset: number): ResourceRecord | undefined {
  const { parts, firstStarts } = ownIndex(zone);
  // The last record starting at or before the offset, and the one before it (the first wins).
  const k = lastAtOrBelow(firstStarts, offset);
  if (k < 0) return undefined;
  const part = parts[k];
  const found = lastAtOrBelow(part.starts, offset - part.moved);
  const holds = (p: OwnPart, i: number): boolean => offset >= p.starts[i] + p.moved && offset <= p.ends[i] + p.moved;
  if (found > 0 && holds(part, found - 1)) return part.records[found - 1];
  if (found === 0 && k > 0) {
    const before = parts[k - 1];
    if (holds(before, before.records.length - 1)) return before.records[before.records.length - 1];
  }
  return holds(part, found) ? part.records[found] : undefined;
}

/**
 * The start of the line holding `offset`. A carriage return alone ends a line too, as the
 * zone scanner, BIND and editors read it.
 */
export function lineStart(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) i--;
  return i + 1;
}

/**
 * The offset just past the line break ending the line at `offset` (or the text's end):
 * `\n`, `\r\n` or a lone `\r`; a comment runs to a newline, as the scanner reads it.
 */
export function nextLineStart(text: string, offset: number): number {
  return lineBreakAt(text, offset).next;
}

/** The line break new lines take beside the line at `offset`: `\r\n` where that line ends so. */
export function eolOf(text: string, offset: number): string {
  return text.startsWith('\r\n', lineBreakAt(text, offset).at) ? '\r\n' : '\n';
}

/** The line break ending the line at `offset`: where it starts, where the next line starts. */
function lineBreakAt(text: string, offset: number): { at: number; next: number } {
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === SEMI) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) return { at: text.length, next: text.length };
      return { at: nl > i && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl, next: nl + 1 };
    }
    if (c === LF) return { at: i, next: i + 1 };
    if (c === CR) return { at: i, next: text.charCodeAt(i + 1) === LF ? i + 2 : i + 1 };
  }
  return { at: text.length, next: text.length };
}

const LF = 0x0a;
const CR = 0x0d;
const SEMI = 0x3b;

/**
 * Where the record's text really ends: after the `)` closing a parenthesised RDATA
 * when that stands after the last token (on its own line, or after a comment).
 */
export function recordEnd(text: string, rr: ResourceRecord): number {
  let depth = 0;
  let i = rr.span.offset;
  const end = rr.span.offset + rr.span.length;
  const step = (): void => {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === ';') {
      while (i < text.length && text[i] !== '\n') i++;
      return;
    } else if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    i++;
  };
  while (i < end) step();
  while (depth > 0 && i < text.length) step();
  return Math.max(i, end);
}

/** The text after the record on its last line, up to the newline: blanks, `)` and a comment only? */
function restOfLineIsQuiet(text: string, end: number): boolean {
  const rest = text.slice(end, lineBreakAt(text, end).at);
  // `.` stops at a carriage return: a comment holding one (a line break to editors) is not quiet.
  return /^[ \t)]*(;.*)?$/.test(rest);
}

/**
 * Edits deleting a record's whole lines. When the next record inherits its owner
 * from this one, the owner is written on the next record. Undefined when the record
 * shares a line with something else.
 */
export function deleteRecord(text: string, zone: Zone, rr: ResourceRecord): TextEditOffsets[] | undefined {
  const start = lineStart(text, rr.span.offset);
  if (text.slice(start, rr.span.offset).trim() !== '') return undefined;
  const end = recordEnd(text, rr);
  if (!restOfLineIsQuiet(text, end)) return undefined;
  const edits: TextEditOffsets[] = [{ offset: start, length: nextLineStart(text, end) - start, newText: '' }];
  const records = ownRecords(zone);
  const next = records[records.indexOf(rr) + 1];
  if (rr.ownerSpan && next && !next.ownerSpan) {
    const owner = text.slice(rr.ownerSpan.offset, rr.ownerSpan.offset + rr.ownerSpan.length);
    edits.push({ offset: lineStart(text, next.span.offset), length: 0, newText: owner });
  }
  // Without $TTL a record with no TTL takes the last one written (RFC 1035 §5.1): keep the next one's.
  const hasTtlDirective = zone.directives.some((d) => d.name === '$TTL' && d.span.offset < rr.span.offset);
  if (rr.ttlSpan && next && !next.ttlSpan && !hasTtlDirective) {
    const ttl = text.slice(rr.ttlSpan.offset, rr.ttlSpan.offset + rr.ttlSpan.length);
    edits.push({ offset: Math.min(next.classSpan?.offset ?? Infinity, next.typeSpan.offset), length: 0, newText: ttl + ' ' });
  }
  return edits;
}

/** The origin in effect at `offset` of the document: the last $ORIGIN before it, else the zone's. */
export function originAt(zone: Zone, offset: number): string {
  let origin = zone.origin;
  for (const d of zone.directives) {
    if (d.file !== undefined || d.name !== '$ORIGIN' || d.span.offset >= offset || !d.args[0]) continue;
    const r = parseName(d.args[0].text, origin);
    if (r.ok) origin = r.name;
  }
  return origin;
}

/** How to write absolute `name` on a new line at `offset`: relative to the origin there when below it. */
export function nameForInsert(zone: Zone, offset: number, name: string): string {
  const abs = name.endsWith('.') ? name : name + '.';
  return relativize(abs, originAt(zone, offset));
}

/** The last record of the document at `owner` (absolute or not, any case). */
export function lastRecordOf(zone: Zone, owner: string): ResourceRecord | undefined {
  const key = nameKey(owner.endsWith('.') ? owner : owner + '.');
  return ownRecords(zone)
    .filter((r) => nameKey(r.owner) === key)
    .pop();
}

/**
 * An edit inserting whole lines after the line where `after` ends. A line after the
 * owner's last record never makes a following record change owner: the next record
 * either writes its owner or inherits one that is not this owner.
 */
export function insertLinesAfter(text: string, after: ResourceRecord, lines: readonly string[]): TextEditOffsets {
  const end = lineBreakAt(text, recordEnd(text, after));
  // The new lines end as the record's line does (`\r\n` in a CRLF file).
  const eol = eolOf(text, end.at);
  const lead = end.next === text.length && end.at === text.length && text.length > 0 ? eol : '';
  return { offset: end.next, length: 0, newText: lead + lines.map((l) => l + eol).join('') };
}

/** The field separator the record's line uses (a tab when it has one). */
export function separatorOf(text: string, rr: ResourceRecord): string {
  const start = lineStart(text, rr.span.offset);
  return text.slice(start, rr.span.offset + rr.span.length).includes('\t') ? '\t' : ' ';
}
