/**
 * Hover on the zone file itself: RR types (what they are, their RDATA fields in order,
 * this record's values, the RFC), directives, TTLs as durations, classes, owners, the SOA
 * fields (RFC 1035 §3.3.13), the CAA flags, tags and issuers (RFC 8659) and the TLSA fields
 * and owner (RFC 6698, RFC 7672).
 */
import { TypeDocs } from '../../l10n/rrtypes';
import { ClassDocs, DirectiveDocs, Ui } from '../../l10n/strings';
import { HoverText } from '../../l10n/hover';
import { localize, type Localized } from '../../l10n';
import { parseRfcRefs } from '../../docs/rfc';
import { RdataFieldOrder, SOA_FIELDS, SoaFieldDocs } from '../../docs/zone';
import { CaaTagDocs, CaaTexts } from '../../docs/caa';
import { ISSUER_TAGS, issueValueProblem } from '../../caa/value';
import { TlsaFieldDocs, TlsaServices, TlsaTexts } from '../../docs/tlsa';
import { dataSpan, tlsaFields, tlsaService } from '../../dane/tlsa';
import { writtenToken } from '../../zone/semantics/targets';
import { parseTtl } from '../../zone/ttl';
import type { ResourceRecord, Span, Token } from '../../zone/ast';
import { typeCode } from '../../zone/rdata/types';
import { formatDuration } from '../duration';
import { directiveAt, toRange, tokenAt, touches } from '../spans';
import type { HoverContext } from './context';
import { aside, code, rfcLink } from './markup';

export interface StaticHover {
  readonly span: Span;
  readonly markdown: string;
}

/** Hovers that need nothing but the parse; `record` is the record under the cursor, if any. */
export function zoneHover(ctx: HoverContext, offset: number, record: ResourceRecord | undefined): StaticHover | undefined {
  const say = (text: Localized, args?: Record<string, string | number>) => localize(text, ctx.locale, args);
  const directive = directiveAt(ctx.zone, offset);
  if (directive) {
    if (touches(directive.nameSpan, offset)) {
      return { span: directive.nameSpan, markdown: `**${directive.name}** — ${say(Ui.directive)}\n\n${say(DirectiveDocs[directive.name])}` };
    }
    const arg = tokenAt(directive.args, offset);
    if (directive.name === '$TTL' && arg) return ttlHover(ctx, arg.token, arg.token.text, say(Ui.defaultTtl));
    return undefined;
  }
  if (!record) return undefined;
  if (touches(record.typeSpan, offset)) return { span: record.typeSpan, markdown: typeHover(ctx, record) };
  if (touches(record.ttlSpan, offset)) {
    return ttlHover(ctx, record.ttlSpan, ctx.document.getText(toRange(ctx.document, record.ttlSpan)), say(Ui.ttl));
  }
  if (touches(record.classSpan, offset)) {
    const doc = ClassDocs[record.class.toUpperCase()];
    return doc && { span: record.classSpan, markdown: `**${record.class.toUpperCase()}** — ${say(Ui.recordClass)}\n\n${say(doc)}` };
  }
  if (touches(record.ownerSpan, offset)) return { span: record.ownerSpan, markdown: ownerHover(ctx, record) };
  const token = tokenAt(record.tokens, offset);
  if (token && record.type === 'SOA') return soaFieldHover(ctx, token.token, token.index);
  if (token && record.type === 'CAA') return caaFieldHover(ctx, record, token.token, token.index);
  if (token && record.type === 'TLSA') return tlsaFieldHover(ctx, record, token.token, token.index);
  return undefined;
}

/** The owner as read (absolute); for a TLSA record, also the port, protocol and host it is for. */
function ownerHover(ctx: HoverContext, record: ResourceRecord): string {
  const tlsa = record.type === 'TLSA' ? tlsaService(record.owner) : undefined;
  if (!tlsa) return code(record.owner);
  const service = TlsaServices[tlsa.port];
  const host = tlsa.host.length > 1 ? tlsa.host.replace(/\.$/, '') : tlsa.host;
  const line = localize(TlsaTexts.owner, ctx.locale, { port: tlsa.port, protocol: tlsa.protocol.toUpperCase(), host: code(host), service: service ? aside(service, ctx.locale) : '' });
  return `${code(record.owner)}\n\n${line} · ${rfcLink({ rfc: 6698, section: '3' })}`;
}

/** A TLSA record's usage, selector and matching type (each value in words), and what its data is matched against. */
function tlsaFieldHover(ctx: HoverContext, record: ResourceRecord, token: Token, index: number): StaticHover | undefined {
  const say = (text: Localized, args?: Record<string, string | number>) => localize(text, ctx.locale, args);
  const f = tlsaFields(record);
  // Written in RFC 3597 form (`\# 35 03 01 01 …`), the tokens are no fields.
  if (!f || writtenToken(record, 0) === undefined) return undefined;
  if (index <= 2) {
    const doc = TlsaFieldDocs[index];
    const value = [f.usage, f.selector, f.matchingType][index];
    const meaning = doc.values[value];
    const body = meaning ? `${code(String(value))} ${meaning.acronym}: ${say(meaning.text)}` : say(TlsaTexts.unassigned, { value: code(String(value)) });
    return { span: token, markdown: `**TLSA ${say(doc.name)}** · ${rfcLink(doc.ref)}\n\n${body}` };
  }
  const part = say(f.selector === 1 ? TlsaTexts.key : TlsaTexts.certificate);
  const hash = f.matchingType === 1 ? 'SHA-256' : f.matchingType === 2 ? 'SHA-512' : undefined;
  const what = hash ? say(TlsaTexts.digestOf, { hash, part }) : part;
  const text = say(TlsaTexts.dataText, { what, octets: f.data.length });
  return { span: dataSpan(record), markdown: `**${say(TlsaTexts.data)}** · ${rfcLink({ rfc: 6698, section: '2.1.4' })}\n\n${text}` };
}

/** A CAA record's flags, tag (what the property asks of CAs) and, for an issuer, the CA and its parameters. */
function caaFieldHover(ctx: HoverContext, record: ResourceRecord, token: Token, index: number): StaticHover | undefined {
  const say = (text: Localized, args?: Record<string, string | number>) => localize(text, ctx.locale, args);
  const tag = record.rdata.fields['tag'];
  if (typeof tag !== 'string') return undefined;
  const doc = CaaTagDocs[tag.toLowerCase()];
  if (writtenToken(record, 0) === undefined) return undefined;
  if (index === 0) return { span: token, markdown: `**${say(CaaTexts.flags)}** · ${rfcLink({ rfc: 8659, section: '4.1' })}\n\n${say(CaaTexts.flagsText)}` };
  const head = `**${tag}** — ${say(CaaTexts.property)}${doc?.ref ? ` · ${rfcLink(doc.ref)}` : ''}`;
  const lines = [head, '', doc ? say(doc.text) : say(CaaTexts.unknown)];
  const value = record.rdata.fields['value'];
  if (index === 2 && typeof value === 'string' && ISSUER_TAGS.has(tag.toLowerCase()) && issueValueProblem(value) === undefined) {
    const [issuer, ...parameters] = value.split(';').map((p) => p.trim());
    lines.push('', issuer === '' ? say(CaaTexts.none) : say(CaaTexts.authority, { ca: code(issuer) }));
    const listed = parameters.filter((p) => p !== '');
    if (listed.length > 0) lines.push('', `${say(CaaTexts.parameters)}: ${listed.map(code).join(' ')}`);
  }
  return index <= 2 ? { span: token, markdown: lines.join('\n') } : undefined;
}

function typeHover(ctx: HoverContext, record: ResourceRecord): string {
  const say = (text: Localized, args?: Record<string, string | number>) => localize(text, ctx.locale, args);
  const number = typeCode(record.type) ?? record.typeCode;
  const doc = TypeDocs[record.type];
  const lines = [`**${record.type}** — ${say(Ui.recordType)}${aside(say(Ui.typeCode, { code: number }), ctx.locale)}`];
  if (doc) lines.push('', say(doc));
  const order = RdataFieldOrder[record.type];
  if (order) lines.push('', `${say(HoverText.fieldOrder)}: ${order.map(code).join(' ')}`);
  // Each field by the RFC's name of the list above (the parser's fields come in that order:
  // CNAME's `target` is `cname`, DS's `keyTag` is `key-tag`). A field the record leaves out
  // (ISDN without its subaddress) is not listed.
  const all = Object.entries(record.rdata.fields);
  const named = order !== undefined && order.length === all.length;
  const fields = all.map(([name, value], i) => [named ? order[i].replace(/…$/, '') : name, value] as const).filter(([, value]) => value !== undefined);
  if (fields.length > 0) {
    lines.push('', `${say(Ui.fields)}:`);
    for (const [name, value] of fields) lines.push(`- ${code(name)}: ${showValue(value)}`);
  }
  if (doc) lines.push('', `${say(Ui.specification)}: ${parseRfcRefs(doc.rfc).map(rfcLink).join(', ')}`);
  return lines.join('\n');
}

function showValue(value: unknown): string {
  const json = (v: unknown) => JSON.stringify(v) ?? String(v);
  const text = Array.isArray(value) ? value.map(json).join(' ') : typeof value === 'string' ? value : json(value);
  return code(text.length > 80 ? text.slice(0, 77) + '…' : text);
}

function ttlHover(ctx: HoverContext, span: Span, text: string, title: string): StaticHover | undefined {
  const ttl = parseTtl(text);
  if (!ttl.ok) return undefined;
  const seconds = localize(Ui.seconds, ctx.locale, { n: ttl.value });
  return { span, markdown: `**${title}**\n\n${formatDuration(ttl.value, ctx.locale)}${aside(seconds, ctx.locale)}` };
}

/** The SOA RDATA fields in order (RFC 1035 §3.3.13); the four timers also as durations. */
function soaFieldHover(ctx: HoverContext, token: Token, index: number): StaticHover | undefined {
  const field = SOA_FIELDS[index];
  if (!field) return undefined;
  const say = (text: Localized, args?: Record<string, string | number>) => localize(text, ctx.locale, args);
  const doc = SoaFieldDocs[field];
  const lines = [`**SOA ${field}** — ${say(doc.name)} · ${rfcLink(doc.ref)}`, '', say(doc.text)];
  if (index >= 3) {
    const ttl = parseTtl(token.text);
    if (ttl.ok) lines.push('', `${formatDuration(ttl.value, ctx.locale)}${aside(say(Ui.seconds, { n: ttl.value }), ctx.locale)}`);
  }
  if (field === 'serial') {
    const m = /^(\d{4})(\d{2})(\d{2})(\d{2})$/.exec(token.text);
    if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 && Number(m[3]) <= 31) {
      lines.push('', say(HoverText.serialLooksDate, { date: `${m[1]}-${m[2]}-${m[3]}`, n: Number(m[4]) }));
    }
  }
  return { span: token, markdown: lines.join('\n') };
}
