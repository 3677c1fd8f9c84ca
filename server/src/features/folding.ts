/** Folding: records written across lines (parentheses), `$ORIGIN` blocks, runs of comment lines. */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { ParsedDocument } from './context';
import { ownDirectives, ownRecords } from './spans';

export function getFoldingRanges({ document, zone }: ParsedDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  const line = (offset: number): number => document.positionAt(offset).line;
  // The document's own records come in document order: a line cursor moves along with them,
  // where two line searches per record took half a second on a million records (editors ask
  // for folding after every change).
  const lineCount = document.lineCount;
  const lineStart = (l: number): number => (l < lineCount ? document.offsetAt({ line: l, character: 0 }) : Number.MAX_SAFE_INTEGER);
  let at = 0;
  let next = lineStart(1);
  for (const r of ownRecords(zone)) {
    const span = r.span;
    while (span.offset >= next) next = lineStart(++at + 1);
    const endOffset = span.offset + span.length;
    if (endOffset < next) continue;
    const end = line(endOffset);
    if (end > at) out.push({ startLine: at, endLine: end });
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
    // The line's text before the comment, not the whole text: a large document's text is
    // put together from its chunks on every getText() (a tenth of a second at 1M records).
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
