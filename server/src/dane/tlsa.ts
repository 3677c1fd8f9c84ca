/** What the TLSA rules read of a record: its four fields, and where its data was written. */
import type { ResourceRecord, Span } from '../zone/ast';
import { rdataSpan } from '../zone/semantics/context';
import { writtenToken } from '../zone/semantics/targets';

export interface TlsaFields {
  readonly usage: number;
  readonly selector: number;
  readonly matchingType: number;
  readonly data: Uint8Array;
}

export function tlsaFields(r: ResourceRecord): TlsaFields | undefined {
  const { usage, selector, matchingType, certificate } = r.rdata.fields;
  if (typeof usage !== 'number' || typeof selector !== 'number' || typeof matchingType !== 'number' || !(certificate instanceof Uint8Array)) return undefined;
  return { usage, selector, matchingType, data: certificate };
}

/** The data's tokens (the fourth on), or the whole RDATA when written in RFC 3597 form. */
export function dataSpan(r: ResourceRecord): Span {
  const tokens = r.tokens;
  const first = writtenToken(r, 3);
  const last = tokens[tokens.length - 1];
  return first && last ? { offset: first.offset, length: last.offset + last.length - first.offset } : rdataSpan(r);
}

/** The token of field `index` (0 usage, 1 selector, 2 matching type), or the RDATA. */
export function fieldSpan(r: ResourceRecord, index: number): Span {
  return writtenToken(r, index) ?? rdataSpan(r);
}
