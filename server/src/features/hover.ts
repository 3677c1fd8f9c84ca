/**
 * Hover: RR types (what they are, this record's RDATA fields, the RFC), directives,
 * TTLs and SOA timers as durations, classes, and owners as absolute names.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { localize } from '../l10n';
import { TypeDocs } from '../l10n/rrtypes';
import { ClassDocs, DirectiveDocs, Ui } from '../l10n/strings';
import { parseTtl } from '../zone/ttl';
import type { ResourceRecord, Span } from '../zone/ast';
import { typeCode } from '../zone/rdata/types';
import type { FeatureContext } from './context';
import { formatDuration } from './duration';
import { directiveAt, recordAt, toRange, tokenAt, touches } from './spans';

/** SOA RDATA tokens that are durations (RFC 1035 §3.3.13): refresh, retry, expire, minimum. */
const SOA_TIMERS = ['refresh', 'retry', 'expire', 'minimum'];

export function doHover(ctx: FeatureContext, offset: number): Hover | undefined {
  const directive = directiveAt(ctx.zone, offset);
  if (directive) {
    if (touches(directive.nameSpan, offset)) {
      return hover(ctx, directive.nameSpan, `**${directive.name}** — ${localize(Ui.directive, ctx.locale)}\n\n${localize(DirectiveDocs[directive.name], ctx.locale)}`);
    }
    const arg = tokenAt(directive.args, offset);
    if (directive.name === '$TTL' && arg) return ttlHover(ctx, arg.token, arg.token.text, localize(Ui.defaultTtl, ctx.locale));
    return undefined;
  }
  const record = recordAt(ctx.zone, offset);
  if (!record) return undefined;
  if (touches(record.typeSpan, offset)) return typeHover(ctx, record);
  if (touches(record.ttlSpan, offset)) {
    return ttlHover(ctx, record.ttlSpan, ctx.document.getText(toRange(ctx.document, record.ttlSpan)), localize(Ui.ttl, ctx.locale));
  }
  if (touches(record.classSpan, offset)) {
    const doc = ClassDocs[record.class.toUpperCase()];
    return doc && hover(ctx, record.classSpan, `**${record.class.toUpperCase()}** — ${localize(Ui.recordClass, ctx.locale)}\n\n${localize(doc, ctx.locale)}`);
  }
  if (touches(record.ownerSpan, offset)) return hover(ctx, record.ownerSpan, '`' + record.owner + '`');
  const token = tokenAt(record.tokens, offset);
  if (token && record.type === 'SOA' && token.index >= 3) {
    const field = SOA_TIMERS[token.index - 3];
    if (field) return ttlHover(ctx, token.token, token.token.text, `SOA ${field}`);
  }
  return undefined;
}

function typeHover(ctx: FeatureContext, record: ResourceRecord): Hover {
  const code = typeCode(record.type) ?? record.typeCode;
  const doc = TypeDocs[record.type];
  const lines = [`**${record.type}** — ${localize(Ui.recordType, ctx.locale)} (${localize(Ui.typeCode, ctx.locale, { code })})`];
  if (doc) lines.push('', localize(doc, ctx.locale));
  const fields = Object.entries(record.rdata.fields);
  if (fields.length > 0) {
    lines.push('', `${localize(Ui.fields, ctx.locale)}:`);
    for (const [name, value] of fields) lines.push(`- \`${name}\`: ${showValue(value)}`);
  }
  if (doc) lines.push('', `${localize(Ui.specification, ctx.locale)}: ${doc.rfc}`);
  return hover(ctx, record.typeSpan, lines.join('\n'));
}

function showValue(value: unknown): string {
  const text = Array.isArray(value) ? value.map((v) => JSON.stringify(v)).join(' ') : typeof value === 'string' ? value : JSON.stringify(value);
  const short = text.length > 80 ? text.slice(0, 77) + '…' : text;
  return '`' + short.replace(/`/g, "'") + '`';
}

function ttlHover(ctx: FeatureContext, span: Span, text: string, title: string): Hover | undefined {
  const ttl = parseTtl(text);
  if (!ttl.ok) return undefined;
  const seconds = localize(Ui.seconds, ctx.locale, { n: ttl.value });
  return hover(ctx, span, `**${title}**\n\n${formatDuration(ttl.value, ctx.locale)} (${seconds})`);
}

function hover(ctx: FeatureContext, span: Span, markdown: string): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: toRange(ctx.document, span) };
}
