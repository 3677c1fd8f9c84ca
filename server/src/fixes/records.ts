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

/** A zone's own records with their places, made once per zone: an editor asks at every keystroke. */
interface OwnIndex {
  readonly records: readonly ResourceRecord[];
  readonly starts: Float64Array;
  readonly ends: Float64Array;
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

/**
 * Made from the zone's parts: after an edit of a large zone only the parts parsed again are
 * read (filtering a million records and reading their places took about 0.2 s per change).
 */
function ownIndex(zone: Zone): OwnIndex {
  let index = ownIndexes.get(zone);
  if (index) return index;
  const parts = zoneParts(zone).map((part) => ({ part, kept: perPart(partIndexes, part, partIndex) }));
  let n = 0;
  // Every record the document's own (no $INCLUDE, no $GENERATE): the zone's list is the list.
  let all = true;
  for (const { part, kept } of parts) {
    n += kept.value.records.length;
    all &&= kept.value.records === part.records;
  }
  const copy = all ? undefined : new Array<ResourceRecord>(n);
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  let at = 0;
  for (const { part, kept } of parts) {
    const { records: own, starts: s, ends: e } = kept.value;
    const moved = part.shift - kept.shift;
    if (moved === 0) {
      starts.set(s, at);
      ends.set(e, at);
      if (copy) for (let i = 0; i < own.length; i++) copy[at + i] = own[i];
      at += own.length;
      continue;
    }
    for (let i = 0; i < own.length; i++, at++) {
      if (copy) copy[at] = own[i];
      starts[at] = s[i] + moved;
      ends[at] = e[i] + moved;
    }
  }
  ownIndexes.set(zone, (index = { records: copy ?? zone.records, starts, ends }));
  return index;
}

/** Records of the document itself (not $INCLUDEd, not $GENERATEd), in text order (shared: do not modify). */
export function ownRecords(zone: Zone): readonly ResourceRecord[] {
  return ownIndex(zone).records;
}

/** The document's own records whose spans reach into [from, to], in document order. */
export function ownRecordsIn(zone: Zone, from: number, to: number): ResourceRecord[] {
  const { records, starts, ends } = ownIndex(zone);
  // The first record ending at or after `from`: ends grow with starts (spans do not overlap).
  const lo = firstAtOrAbove(ends, from);
  const out: ResourceRecord[] = [];
  for (let i = lo; i < records.length && starts[i] <= to; i++) if (ends[i] >= from) out.push(records[i]);
  return out;
}

/** The document's record whose span holds `offset` (the end included). */
export function recordAt(zone: Zone, offset: number): ResourceRecord | undefined {
  const { records, starts, ends } = ownIndex(zone);
  // The last record starting at or before the offset, and the one before it (the first wins).
  const found = lastAtOrBelow(starts, offset);
  for (let i = Math.max(0, found - 1); i <= found; i++) if (offset <= ends[i] && offset >= starts[i]) return records[i];
  return undefined;
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just past the line's newline (or the text's end). */
export function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

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
  const nl = text.indexOf('\n', end);
  const rest = text.slice(end, nl < 0 ? text.length : nl);
  return /^[\s)]*(;.*)?$/.test(rest);
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
  const at = nextLineStart(text, recordEnd(text, after));
  const lead = at === text.length && !text.endsWith('\n') && text.length > 0 ? '\n' : '';
  return { offset: at, length: 0, newText: lead + lines.map((l) => l + '\n').join('') };
}

/** The field separator the record's line uses (a tab when it has one). */
export function separatorOf(text: string, rr: ResourceRecord): string {
  const start = lineStart(text, rr.span.offset);
  return text.slice(start, rr.span.offset + rr.span.length).includes('\t') ? '\t' : ' ';
}
