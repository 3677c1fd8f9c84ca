/**
 * zone-rrset-ttl-mismatch (RFC 2181 §5.2): the records of one RRset (same owner, class
 * and type) share one TTL. Also the TTL BIND 9.18 gives each RRset when it loads the
 * zone, which is what `printZone` prints: within a run of consecutive records at one
 * owner, the run's first TTL ("TTL set to prior TTL"); a later run replaces the
 * RRset's TTL with its own.
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
 * Per owner a flat `[type, ttl, run, type, ttl, run…]` list (no key string per record on
 * million-record zones). `onRecord` sees each record with its RRset's entry position.
 */
function walk(records: readonly ResourceRecord[], firstOnly: boolean, onRecord?: (r: number, list: number[], at: number) => void) {
  const byOwner = new Map<string, number[]>();
  let run = 0;
  let prevOwner = '';
  let prevKey = '';
  for (let r = 0; r < records.length; r++) {
    const rr = records[r];
    const key = rr.owner === prevOwner ? prevKey : ownerKey(rr.owner);
    if (key !== prevKey) run++;
    prevOwner = rr.owner;
    prevKey = key;
    let list = byOwner.get(key);
    if (list === undefined) byOwner.set(key, (list = []));
    let at = -1;
    for (let i = 0; i < list.length; i += 3) {
      if (list[i] === rr.typeCode) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      at = list.length;
      list.push(rr.typeCode, rr.ttl, run);
    } else if (!firstOnly && list[at + 2] !== run) {
      list[at + 1] = rr.ttl;
      list[at + 2] = run;
    }
    onRecord?.(r, list, at);
  }
  return byOwner;
}

/** The TTL BIND loads each record with, in record order. */
export function loadedTtls(records: readonly ResourceRecord[]): number[] {
  const lists: number[][] = new Array(records.length);
  const positions = new Int32Array(records.length);
  walk(records, false, (r, list, at) => {
    lists[r] = list;
    positions[r] = at;
  });
  return lists.map((list, r) => list[positions[r] + 1]);
}

export function checkRrsetTtl(records: readonly ResourceRecord[]): Problem[] {
  const problems: Problem[] = [];
  walk(records, true, (r, list, at) => {
    const rr = records[r];
    const first = list[at + 1];
    if (first === rr.ttl) return;
    const span = rr.ttlSpan ?? rr.typeSpan;
    const p: Problem = { code: ZoneCodes.rrsetTtlMismatch.code, offset: span.offset, length: span.length, args: { ttl: rr.ttl, first } };
    problems.push(rr.file === undefined ? p : { ...p, file: rr.file });
  });
  return problems;
}
