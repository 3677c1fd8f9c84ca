/**
 * Hover text is written once, as Markdown; clients whose hover `contentFormat` lacks
 * markdown get it as plain text: emphasis and code marks dropped, links spelled out.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { rfcLabel, rfcUrl, type RfcRef } from '../../docs/rfc';
import type { Span } from '../../zone/ast';
import type { FeatureContext } from '../context';
import { toRange } from '../spans';

export type HoverFormat = 'markdown' | 'plaintext';

/** A link to an RFC section: `[RFC 7208 §5.2](https://www.rfc-editor.org/rfc/rfc7208#section-5.2)`. */
export function rfcLink(ref: RfcRef): string {
  return `[${rfcLabel(ref)}](${rfcUrl(ref)})`;
}

/** A parenthetical after a word: ` (…)` in English, `（…）` in Japanese. */
export function aside(text: string, locale: 'en' | 'ja'): string {
  return locale === 'ja' ? `（${text}）` : ` (${text})`;
}

/** Inline code, safe for any text (backticks inside become quotes). */
export function code(text: string): string {
  return '`' + text.replace(/`/g, "'") + '`';
}

export function toPlainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 <$2>')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .replace(/`([^`]*)`/g, '$1');
}

export function makeHover(ctx: FeatureContext, span: Span, markdown: string, format: HoverFormat): Hover {
  const contents =
    format === 'markdown'
      ? { kind: MarkupKind.Markdown, value: markdown }
      : { kind: MarkupKind.PlainText, value: toPlainText(markdown) };
  return { contents, range: toRange(ctx.document, span) };
}
