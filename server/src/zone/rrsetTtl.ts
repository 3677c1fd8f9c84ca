/**
 * The TTL BIND 9.18 gives each RRset when it loads a zone (RFC 2181 §5.2: an RRset has
 * one TTL), which is what `printZone` prints. BIND's loader gathers consecutive records
 * of one owner (compared case-sensitively, in one file) into a batch where an RRset
 * keeps its first TTL ("TTL set to prior TTL"), and commits the batch when the owner or
 * the file changes; each `$GENERATE` record is committed on its own at once, while the
 * batch is still open. A commit replaces the RRset's TTL with its own. Records of an NS
 * target right after the NS records go to a glue batch beside the open one. (zone-ttl-mismatch,
 * the warning, is in semantics/.)
 */
import type { ResourceRecord } from './ast';
import { CURRENT_CLOSED, GLUE_CLOSED, LoaderBatches } from './loaderBatch';
import { typeCode } from './rdata/types';

/** The owner compared case-insensitively: lower-cased only when needed (most names are). */
function ownerKey(owner: string): string {
  for (let i = 0; i < owner.length; i++) {
    const c = owner.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) return owner.toLowerCase();
  }
  return owner;
}

/** Position of `type` (an rrsetKey) in a flat `[type, ttl, type, ttl…]` list, added with `ttl` when absent. */
function entry(list: number[], type: number, ttl: number): number {
  for (let i = 0; i < list.length; i += 2) if (list[i] === type) return i;
  list.push(type, ttl);
  return list.length - 2;
}

const NS = 2;
const SIG = 24;
const RRSIG = 46;

/**
 * The RRset a record belongs to, as BIND keys it: its type, and for a signature the type it
 * covers too (an RRSIG over A and one over MX are two RRsets, each with its own TTL).
 */
function rrsetKey(rr: ResourceRecord): number {
  if (rr.typeCode !== RRSIG && rr.typeCode !== SIG) return rr.typeCode;
  const covered = rr.rdata.fields.typeCovered;
  const code = typeof covered === 'string' ? typeCode(covered) : undefined;
  return code === undefined ? rr.typeCode : rr.typeCode + 0x10000 * (code + 1);
}

/** An open batch: flat `[type, ttl, …]`, committed into its owner's list. */
interface Pending {
  readonly ttls: number[];
  list: number[] | undefined;
}

/** A commit replaces each RRset's TTL with the batch's. */
function commit(batch: Pending): void {
  const { ttls, list } = batch;
  if (list !== undefined) for (let i = 0; i < ttls.length; i += 2) list[entry(list, ttls[i], 0) + 1] = ttls[i + 1];
  ttls.length = 0;
}

/** The TTL BIND loads each record with, in record order. */
export function loadedTtls(records: readonly ResourceRecord[]): number[] {
  // Per owner the RRsets' committed TTLs (no key string per record on million-record zones).
  const byOwner = new Map<string, number[]>();
  const lists: number[][] = new Array(records.length);
  const positions = new Int32Array(records.length);
  // The open batches (loaderBatch.ts): each RRset's first TTL, and the owner's list they commit to.
  const batches = new LoaderBatches();
  const current: Pending = { ttls: [], list: undefined };
  const glue: Pending = { ttls: [], list: undefined };
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
    const key = rrsetKey(rr);
    if (rr.generated) {
      const at = entry(list, key, rr.ttl);
      list[at + 1] = rr.ttl;
      positions[r] = at;
      continue;
    }
    const flags = batches.enter(rr.owner, rr.file);
    if (flags & GLUE_CLOSED) commit(glue);
    if (flags & CURRENT_CLOSED) commit(current);
    if (rr.typeCode === NS) {
      const target = rr.rdata.fields.target;
      if (typeof target === 'string') batches.noteNs(target);
    }
    // Every record of a batch has the batch's owner, so its owner's list is the batch's.
    const pending = batches.glue !== undefined ? glue : current;
    pending.list = list;
    entry(pending.ttls, key, rr.ttl);
    positions[r] = entry(list, key, rr.ttl);
  }
  commit(glue);
  commit(current);
  return lists.map((list, r) => list[positions[r] + 1]);
}
