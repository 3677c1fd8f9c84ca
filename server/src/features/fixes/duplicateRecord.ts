/**
 * Fix for zone-duplicate-record (RFC 2181 §5: an RRset is a set, the copy has no
 * effect): delete the copy's lines. When the next record inherits its owner from the
 * deleted line, that owner is written on the next record so it keeps its name.
 */
import type { TextEdit } from 'vscode-languageserver';
import type { Fix, FixContext } from '../codeActions';
import { ownRecords } from '../spans';

export function removeDuplicateRecord(ctx: FixContext): Fix | undefined {
  const { document } = ctx;
  const at = document.offsetAt(ctx.diagnostic.range.start);
  const records = ownRecords(ctx.zone);
  const index = records.findIndex((r) => r.span.offset === at);
  if (index < 0) return undefined;
  const record = records[index];
  const startLine = document.positionAt(record.span.offset).line;
  const endLine = document.positionAt(record.span.offset + record.span.length).line;
  const text = document.getText();
  const lineStart = document.offsetAt({ line: startLine, character: 0 });
  // Only whole lines: another record or directive sharing the line would be lost.
  if (text.slice(lineStart, record.span.offset).trim() !== '') return undefined;
  const edits: TextEdit[] = [
    { range: { start: { line: startLine, character: 0 }, end: { line: endLine + 1, character: 0 } }, newText: '' },
  ];
  const next = records[index + 1];
  if (record.ownerSpan && next && !next.ownerSpan) {
    const nextLine = document.positionAt(next.span.offset).line;
    const owner = text.slice(record.ownerSpan.offset, record.ownerSpan.offset + record.ownerSpan.length);
    edits.push({ range: { start: { line: nextLine, character: 0 }, end: { line: nextLine, character: 0 } }, newText: owner });
  }
  return { title: { en: 'Remove the duplicate record', ja: '重複したレコードを削除する' }, edits };
}
