/** Offsets ↔ LSP ranges, and finding what lies under an offset of the open document. */
import type { Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Directive, ResourceRecord, Span, Token, Zone } from '../zone/ast';

export function toRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.offset), end: document.positionAt(span.offset + span.length) };
}

/** True when `offset` lies in the span or just after its end (a cursor after a word). */
export function touches(span: Span | undefined, offset: number): span is Span {
  return span !== undefined && offset >= span.offset && offset <= span.offset + span.length;
}

/** A zone's own records with their places, made once per zone: features ask at every keystroke. */
interface OwnIndex {
  readonly records: readonly ResourceRecord[];
  readonly starts: Float64Array;
  readonly ends: Float64Array;
}

const ownIndexes = new WeakMap<Zone, OwnIndex>();

function ownIndex(zone: Zone): OwnIndex {
  let index = ownIndexes.get(zone);
  if (index) return index;
  const records = zone.records.filter((r) => r.file === undefined && !r.generated);
  const starts = new Float64Array(records.length);
  const ends = new Float64Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const span = records[i].span;
    starts[i] = span.offset;
    ends[i] = span.offset + span.length;
  }
  ownIndexes.set(zone, (index = { records, starts, ends }));
  return index;
}

/** Records written in the document itself (not read through $INCLUDE, not $GENERATE'd), in document order (shared: do not modify). */
export function ownRecords(zone: Zone): readonly ResourceRecord[] {
  return ownIndex(zone).records;
}

/** The record of the document under `offset` (touching it, see `touches`). */
export function recordAt(zone: Zone, offset: number): ResourceRecord | undefined {
  const { records, starts, ends } = ownIndex(zone);
  // The last record starting at or before the offset, and the one before it (the first wins).
  let lo = 0;
  let hi = records.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = Math.max(0, found - 1); i <= found; i++) if (offset <= ends[i] && offset >= starts[i]) return records[i];
  return undefined;
}

export function ownDirectives(zone: Zone): Directive[] {
  return zone.directives.filter((d) => d.file === undefined);
}

export function directiveAt(zone: Zone, offset: number): Directive | undefined {
  return ownDirectives(zone).find((d) => touches(d.span, offset));
}

export function tokenAt(tokens: readonly Token[], offset: number): { token: Token; index: number } | undefined {
  const index = tokens.findIndex((t) => touches(t, offset));
  return index < 0 ? undefined : { token: tokens[index], index };
}
