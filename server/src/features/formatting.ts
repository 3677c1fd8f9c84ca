/**
 * Document and range formatting: the zone formatter's offset edits (format/) as LSP
 * TextEdits. The formatter keeps every token as typed, so formatting never changes data.
 */
import type { Range, TextEdit } from 'vscode-languageserver';
import { formatRange, formatZone, type FormatEdit } from '../format';
import type { ParsedDocument } from './context';
import { toRange } from './spans';

export function formatDocument(parsed: ParsedDocument): TextEdit[] {
  return toTextEdits(parsed, formatZone(parsed.document.getText(), parsed.zone));
}

export function formatDocumentRange(parsed: ParsedDocument, range: Range): TextEdit[] {
  const { document } = parsed;
  const offset = document.offsetAt(range.start);
  const span = { offset, length: document.offsetAt(range.end) - offset };
  return toTextEdits(parsed, formatRange(document.getText(), parsed.zone, span));
}

function toTextEdits({ document }: ParsedDocument, edits: readonly FormatEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: toRange(document, e), newText: e.newText }));
}
