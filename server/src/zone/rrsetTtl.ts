/**
 * The TTL BIND 9.18 gives each RRset when it loads a zone (RFC 2181 §5.2: an RRset has
 * one TTL), which is what `printZone` prints: within a run of consecutive records at
 * one owner, the run's first TTL ("TTL set to prior TTL"); a later run replaces the
 * RRset's TTL with its own. (zone-ttl-mismatch, the warning, is in semantics/.)
 */
import type { ResourceRecord } from './ast';

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
function walk(records: readonly ResourceRecord[], onRecord: (r: number, list: number[], at: number) => void): void {
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
    } else if (list[at + 2] !== run) {
      list[at + 1] = rr.ttl;
      list[at + 2] = run;
    }
    onRecord(r, list, at);
  }
}

/** The TTL BIND loads each record with, in record order. */
export function loadedTtls(records: readonly ResourceRecord[]): number[] {
  const lists: number[][] = new Array(records.length);
  const positions = new Int32Array(records.length);
  walk(records, (r, list, at) => {
    lists[r] = list;
    positions[r] = at;
  });
  return lists.map((list, r) => list[positions[r] + 1]);
}
