/**
 * zone-rrset-ttl-mismatch (RFC 2181 §5.2): the records of one RRset (same owner, class
 * and type) share one TTL. BIND loads a differing record with the first record's TTL
 * ("TTL set to prior TTL"), which is also what `printZone` prints.
 */
import type { Problem } from '../../diagnostics/types';
import type { ResourceRecord } from '../ast';
import { ZoneCodes } from '../codes';

/** The RRset key: owner compared case-insensitively (lower-cased only when needed). */
export function rrsetKey(rr: ResourceRecord): string {
  const owner = rr.owner;
  for (let i = 0; i < owner.length; i++) {
    const c = owner.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) return owner.toLowerCase() + ' ' + rr.typeCode;
  }
  return owner + ' ' + rr.typeCode;
}

/** The TTL each RRset gets: its first record's. */
export function rrsetTtls(records: readonly ResourceRecord[]): Map<string, number> {
  const ttls = new Map<string, number>();
  for (const rr of records) {
    const key = rrsetKey(rr);
    if (!ttls.has(key)) ttls.set(key, rr.ttl);
  }
  return ttls;
}

export function checkRrsetTtl(records: readonly ResourceRecord[]): Problem[] {
  const first = new Map<string, number>();
  const problems: Problem[] = [];
  for (const rr of records) {
    const key = rrsetKey(rr);
    const ttl = first.get(key);
    if (ttl === undefined) first.set(key, rr.ttl);
    else if (ttl !== rr.ttl) {
      const at = rr.ttlSpan ?? rr.typeSpan;
      const p: Problem = { code: ZoneCodes.rrsetTtlMismatch.code, offset: at.offset, length: at.length, args: { ttl: rr.ttl, first: ttl } };
      problems.push(rr.file === undefined ? p : { ...p, file: rr.file });
    }
  }
  return problems;
}
