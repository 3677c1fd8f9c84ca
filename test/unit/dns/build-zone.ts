/**
 * Builds `Zone` values for resolver tests without the zone parser: one record per
 * line, `OWNER TTL TYPE RDATA`, owners absolute, RDATA in canonical form; TXT RDATA
 * as double-quoted strings (UTF-8 text, stored as octets the way the parser does).
 */
import type { CharString, ResourceRecord, Zone } from '../../../server/src/zone/ast';

const CODES: Record<string, number> = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28, SPF: 99 };

function charStrings(rdata: string): CharString[] {
  const out: CharString[] = [];
  for (const m of rdata.matchAll(/"([^"]*)"/g)) {
    const value = Buffer.from(m[1], 'utf8').toString('latin1');
    const offsets = Array.from({ length: value.length + 1 }, (_, i) => (m.index ?? 0) + 1 + i);
    out.push({ value, offsets, span: { offset: m.index ?? 0, length: m[0].length }, quoted: true });
  }
  return out;
}

export function record(line: string): ResourceRecord {
  const [owner, ttl, type, ...rest] = line.trim().split(/\s+/);
  const canonical = rest.join(' ');
  const typeCode = CODES[type];
  if (typeCode === undefined) throw new Error(`build-zone: unknown type ${type}`);
  const span = { offset: 0, length: line.length };
  const fields: Record<string, unknown> = {};
  if (type === 'MX') {
    fields.preference = Number(rest[0]);
    fields.exchange = rest[1];
  }
  const strings = type === 'TXT' || type === 'SPF' ? charStrings(canonical) : undefined;
  return {
    owner,
    ttl: Number(ttl),
    class: 'IN',
    type,
    typeCode,
    typeSpan: span,
    rdata: strings ? { canonical, fields, strings } : { canonical, fields },
    tokens: [],
    span,
  };
}

export function zone(origin: string, text: string): Zone {
  const records = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith(';'))
    .map(record);
  return { origin, records, directives: [], comments: [], problems: [], includes: [] };
}
