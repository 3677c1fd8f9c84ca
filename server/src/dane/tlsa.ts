/** What the TLSA rules read of a record: its four fields, and where its data was written. */
import type { ResourceRecord, Span } from '../zone/ast';
import { rdataSpan } from '../zone/semantics/context';
import { writtenToken } from '../zone/semantics/targets';
import { nameKey, splitLabels } from '../zone/names';

const PORT = /^_[0-9]{1,5}$/;
const PROTOCOL = /^_(?:tcp|udp|sctp)$/i;

/** What a TLSA owner `_<port>._<protocol>.<host>` is for (RFC 6698 §3); undefined for any other name. */
export interface TlsaService {
  readonly port: number;
  /** `tcp`, `udp` or `sctp`, as written. */
  readonly protocol: string;
  /** The host, absolute, as written (escapes kept). */
  readonly host: string;
}

export function tlsaService(owner: string): TlsaService | undefined {
  const labels = splitLabels(owner);
  if (labels.length < 3 || !PORT.test(labels[0]) || !PROTOCOL.test(labels[1])) return undefined;
  const port = Number(labels[0].slice(1));
  if (port > 65535) return undefined;
  return { port, protocol: labels[1].slice(1), host: owner.slice(labels[0].length + labels[1].length + 2) };
}

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

/** The first record of each owner (by name key), in zone order: rules that speak once per name. */
export function firstOfEachOwner(records: readonly ResourceRecord[]): ResourceRecord[] {
  const seen = new Set<string>();
  const out: ResourceRecord[] = [];
  for (const r of records) {
    const key = nameKey(r.owner);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}
