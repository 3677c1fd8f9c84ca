/** Folding: records written across lines (parentheses), `$ORIGIN` blocks, runs of comment lines. */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { ParsedDocument } from './context';
import type { ResourceRecord } from '../zone/ast';
import { perPart, zoneParts, type PartValue } from '../zone/parts';
import { ownDirectives } from './spans';

/**
 * The records of one part of the zone (zone/parts.ts) written across lines, kept with the
 * part: a record's text does not change while its part lives, so neither does that. After
 * an edit of a large zone only the parts parsed again are read.
 */
const partMultiLine = new WeakMap<readonly ResourceRecord[], PartValue<readonly ResourceRecord[]>>();

/**
 * The document's own records among `records` that end on a later line than they start. The
 * records come in document order: a line cursor moves along with them, where two line
 * searches per record took half a second on a million records.
 */
function multiLine(document: ParsedDocument['document'], records: readonly ResourceRecord[]): ResourceRecord[] {
  const out: ResourceRecord[] = [];
  const lineCount = document.lineCount;
  const lineStart = (l: number): number => (l < lineCount ? document.offsetAt({ line: l, character: 0 }) : Number.MAX_SAFE_INTEGER);
  let at = -1;
  let next = 0;
  for (const r of records) {
    if (r.file !== undefined || r.generated) continue;
    const span = r.span;
    if (at < 0) {
      at = document.positionAt(span.offset).line;
      next = lineStart(at + 1);
    }
    while (span.offset >= next) next = lineStart(++at + 1);
    if (span.offset + span.length >= next) out.push(r);
  }
  return out;
}

export function getFoldingRanges({ document, zone }: ParsedDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  const line = (offset: number): number => document.positionAt(offset).line;
  for (const part of zoneParts(zone)) {
    for (const r of perPart(partMultiLine, part, (records) => multiLine(document, records)).value) {
      const span = r.span;
      const start = line(span.offset);
      const end = line(span.offset + span.length);
      if (end > start) out.push({ startLine: start, endLine: end });
    }
  }
  const origins = ownDirectives(zone).filter((d) => d.name === '$ORIGIN').map((d) => line(d.span.offset));
  const lastLine = lastContentLine(document);
  origins.forEach((start, i) => {
    const end = i + 1 < origins.length ? origins[i + 1] - 1 : lastLine;
    if (end > start) out.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Region });
  });
  let runStart = -2;
  let runEnd = -2;
  const flush = (): void => {
    if (runEnd > runStart) out.push({ startLine: runStart, endLine: runEnd, kind: FoldingRangeKind.Comment });
  };
  for (const c of zone.comments) {
    if (c.file !== undefined) continue;
    const l = line(c.offset);
    const lineStart = document.offsetAt({ line: l, character: 0 });
    // The line's text before the comment, not the whole text: a large document's whole
    // text is put together from its chunks at the first getText() of each version (a tenth
    // of a second and the text's size at 1M records).
    if (document.getText({ start: { line: l, character: 0 }, end: { line: l, character: c.offset - lineStart } }).trim() !== '') continue;
    if (l === runEnd + 1) runEnd = l;
    else {
      flush();
      runStart = runEnd = l;
    }
  }
  flush();
  return out.sort((a, b) => a.startLine - b.startLine);
}

/** The last line with something other than blanks on it (0 for a blank document), read line by line from the end. */
function lastContentLine(document: ParsedDocument['document']): number {
  for (let l = document.lineCount - 1; l >= 0; l--) {
    if (document.getText({ start: { line: l, character: 0 }, end: { line: l + 1, character: 0 } }).trim() !== '') return l;
  }
  return 0;
}
