/**
 * zone-rrset-ttl-mismatch (RFC 2181 §5.2): the records of one RRset (same owner, class
 * and type) share one TTL. BIND loads a differing record with the first record's TTL
 * ("TTL set to prior TTL"), which is also what `printZone` prints.
 */
import type { Problem } from '../../diagnostics/types';
import type { ResourceRecord } from '../ast';
import { ZoneCodes } from '../codes';

/** The owner compared case-insensitively: lower-cased only when needed (most names are). */
function ownerKey(owner: string): string {
  for (let i = 0; i < owner.length; i++) {
    const c = owner.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) return owner.toLowerCase();
  }
  return owner;
}

/**
 * The TTL each record's RRset gets (its first record's), in record order. Per owner a
 * flat `[type, ttl, type, ttl…]` list: no key string per record on million-record zones.
 */
export function rrsetTtls(records: readonly ResourceRecord[]): number[] {
  const byOwner = new Map<string, number[]>();
  const out = new Array<number>(records.length);
  for (let r = 0; r < records.length; r++) {
    const rr = records[r];
    const key = ownerKey(rr.owner);
    let list = byOwner.get(key);
    if (list === undefined) byOwner.set(key, (list = []));
    let ttl: number | undefined;
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === rr.typeCode) {
        ttl = list[i + 1];
        break;
      }
    }
    if (ttl === undefined) list.push(rr.typeCode, (ttl = rr.ttl));
    out[r] = ttl;
  }
  return out;
}

export function checkRrsetTtl(records: readonly ResourceRecord[]): Problem[] {
  const ttls = rrsetTtls(records);
  const problems: Problem[] = [];
  for (let r = 0; r < records.length; r++) {
    const rr = records[r];
    if (ttls[r] === rr.ttl) continue;
    const at = rr.ttlSpan ?? rr.typeSpan;
    const p: Problem = { code: ZoneCodes.rrsetTtlMismatch.code, offset: at.offset, length: at.length, args: { ttl: rr.ttl, first: ttls[r] } };
    problems.push(rr.file === undefined ? p : { ...p, file: rr.file });
  }
  return problems;
}
