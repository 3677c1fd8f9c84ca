/**
 * The TTL BIND 9.18 gives each RRset when it loads a zone (RFC 2181 §5.2: an RRset has
 * one TTL), which is what `printZone` prints. BIND's loader gathers consecutive records
 * of one owner (compared case-sensitively, in one file) into a batch where an RRset
 * keeps its first TTL ("TTL set to prior TTL"), and commits the batch when the owner or
 * the file changes; each `$GENERATE` record is committed on its own at once, while the
 * batch is still open. A commit replaces the RRset's TTL with its own. (zone-ttl-mismatch,
 * the warning, is in semantics/.)
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

/** Position of `type` in a flat `[type, ttl, type, ttl…]` list, added with `ttl` when absent. */
function entry(list: number[], type: number, ttl: number): number {
  for (let i = 0; i < list.length; i += 2) if (list[i] === type) return i;
  list.push(type, ttl);
  return list.length - 2;
}

/** The TTL BIND loads each record with, in record order. */
export function loadedTtls(records: readonly ResourceRecord[]): number[] {
  // Per owner the RRsets' committed TTLs (no key string per record on million-record zones).
  const byOwner = new Map<string, number[]>();
  const lists: number[][] = new Array(records.length);
  const positions = new Int32Array(records.length);
  let batch: number[] = [];
  let batchList: number[] | undefined;
  let batchOwner: string | undefined;
  let batchFile: string | undefined;
  const commit = (): void => {
    if (batchList === undefined) return;
    for (let i = 0; i < batch.length; i += 2) batchList[entry(batchList, batch[i], 0) + 1] = batch[i + 1];
    batch = [];
  };
  let prevOwner = '';
  let prevList: number[] | undefined;
  for (let r = 0; r < records.length; r++) {
    const rr = records[r];
    let list = rr.owner === prevOwner ? prevList : undefined;
    if (list === undefined) {
      const key = ownerKey(rr.owner);
      list = byOwner.get(key);
      if (list === undefined) byOwner.set(key, (list = []));
      prevOwner = rr.owner;
      prevList = list;
    }
    lists[r] = list;
    if (rr.generated) {
      const at = entry(list, rr.typeCode, rr.ttl);
      list[at + 1] = rr.ttl;
      positions[r] = at;
      continue;
    }
    if (rr.owner !== batchOwner || rr.file !== batchFile) {
      commit();
      batchOwner = rr.owner;
      batchFile = rr.file;
      batchList = list;
    }
    entry(batch, rr.typeCode, rr.ttl);
    positions[r] = entry(list, rr.typeCode, rr.ttl);
  }
  commit();
  return lists.map((list, r) => list[positions[r] + 1]);
}
