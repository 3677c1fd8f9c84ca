/** Folding: records written across lines (parentheses), `$ORIGIN` blocks, runs of comment lines. */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { ParsedDocument } from './context';
import { ownDirectives, ownRecords } from './spans';

export function getFoldingRanges({ document, zone }: ParsedDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  const line = (offset: number): number => document.positionAt(offset).line;
  for (const r of ownRecords(zone)) {
    const start = line(r.span.offset);
    const end = line(r.span.offset + r.span.length);
    if (end > start) out.push({ startLine: start, endLine: end });
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
  const text = document.getText();
  for (const c of zone.comments) {
    if (c.file !== undefined) continue;
    const l = line(c.offset);
    const lineStart = document.offsetAt({ line: l, character: 0 });
    if (text.slice(lineStart, c.offset).trim() !== '') continue;
    if (l === runEnd + 1) runEnd = l;
    else {
      flush();
      runStart = runEnd = l;
    }
  }
  flush();
  return out.sort((a, b) => a.startLine - b.startLine);
}

function lastContentLine(document: ParsedDocument['document']): number {
  const lines = document.getText().split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i].trim() !== '') return i;
  return 0;
}
