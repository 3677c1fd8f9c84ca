/** Offsets ↔ LSP ranges, and finding what lies under an offset of the open document. */
import type { Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Directive, Span, Token, Zone } from '../zone/ast';

export function toRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.offset), end: document.positionAt(span.offset + span.length) };
}

/**
 * The document's text [from, to). Not `getText().slice`: a large document is kept in chunks
 * (document.ts), and its whole text is put together on the first getText() of each version
 * (about 0.15 s and 32 MB at a million records) — too much for what an editor asks after
 * every change (inlay hints, completion).
 */
export function sliceOf(document: TextDocument, from: number, to: number): string {
  return document.getText({ start: document.positionAt(from), end: document.positionAt(to) });
}

/** True when `offset` lies in the span or just after its end (a cursor after a word). */
export function touches(span: Span | undefined, offset: number): span is Span {
  return span !== undefined && offset >= span.offset && offset <= span.offset + span.length;
}

// The document's own records, searched by place: the domain's (fixes/records.ts) serve the features too.
export { ownRecordLists, ownRecords, ownRecordsIn, recordAt } from '../fixes/records';

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
