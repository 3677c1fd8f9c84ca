/**
 * A zone's records grouped by owner (RFC 4343: names compare without ASCII case) and by
 * type, made once and shared by the checks of one analysis run: zone semantics and the
 * SPF owner rules each grouped a million-record zone again, and a map of 600,000 fresh
 * lists costs its size in every garbage collection while it is built.
 */
import type { ResourceRecord } from '../ast';
import { nameKey } from '../names';

/** Records by owner key (nameKey), each list in zone order; keys in order of first appearance. */
export type OwnerGroups = ReadonlyMap<string, readonly ResourceRecord[]>;

/**
 * What was last made from one record list, until the current synchronous run ends:
 * dropped at the next microtask, so records changed by a later edit are never served
 * from it. The length and the last record are compared too, in case the list grew.
 * A frozen list (parseZoneText's) cannot change: what is made from it is kept while it
 * lives, so the CLI's DNS checks, which run after a microtask, do not group it again.
 */
export class RunCache<V> {
  private entry: { records: readonly ResourceRecord[]; length: number; last: ResourceRecord | undefined; value: V } | undefined;
  private readonly frozen = new WeakMap<readonly ResourceRecord[], V>();

  constructor(private readonly make: (records: readonly ResourceRecord[]) => V) {}

  get(records: readonly ResourceRecord[]): V {
    if (Object.isFrozen(records)) {
      let kept = this.frozen.get(records);
      if (kept === undefined) this.frozen.set(records, (kept = this.make(records)));
      return kept;
    }
    const last = records[records.length - 1];
    const e = this.entry;
    if (e !== undefined && e.records === records && e.length === records.length && e.last === last) return e.value;
    const value = this.make(records);
    if (e === undefined) queueMicrotask(() => (this.entry = undefined));
    this.entry = { records, length: records.length, last, value };
    return value;
  }

  /** What was made from a frozen list and is kept, if anything was; nothing is made. */
  kept(records: readonly ResourceRecord[]): V | undefined {
    return this.frozen.get(records);
  }
}

const groupsCache = new RunCache<OwnerGroups>(groupByOwner);

/** The records grouped by owner key (shared: do not modify the lists). */
export function ownerGroups(records: readonly ResourceRecord[]): OwnerGroups {
  return groupsCache.get(records);
}

/** Records of one type in zone order, with the index of each in the zone's list. */
interface TypeList {
  readonly records: ResourceRecord[];
  readonly at: number[];
}

const typesCache = new RunCache<ReadonlyMap<number, TypeList>>(groupByType);
const NONE: readonly ResourceRecord[] = [];

/**
 * The records of one type, in zone order (shared: do not modify). A check that looks at
 * a few types reads their records only: on a million-record zone each pass over every
 * record costs a tenth of a second in memory reads alone.
 */
export function recordsOfType(records: readonly ResourceRecord[], typeCode: number): readonly ResourceRecord[] {
  return typesCache.get(records).get(typeCode)?.records ?? NONE;
}

/** The records of any of these types, in zone order (do not modify). */
export function recordsOfTypes(records: readonly ResourceRecord[], typeCodes: readonly number[]): readonly ResourceRecord[] {
  const types = typesCache.get(records);
  const lists: TypeList[] = [];
  for (const code of typeCodes) {
    const list = types.get(code);
    if (list !== undefined && !lists.includes(list)) lists.push(list);
  }
  if (lists.length === 0) return NONE;
  if (lists.length === 1) return lists[0].records;
  // Merged by zone index: the lists are in zone order already.
  const out: ResourceRecord[] = [];
  const next = lists.map(() => 0);
  for (;;) {
    let pick = -1;
    for (let k = 0; k < lists.length; k++) {
      const i = next[k];
      if (i < lists[k].at.length && (pick < 0 || lists[k].at[i] < lists[pick].at[next[pick]])) pick = k;
    }
    if (pick < 0) return out;
    out.push(lists[pick].records[next[pick]++]);
  }
}

function groupByType(records: readonly ResourceRecord[]): Map<number, TypeList> {
  const types = new Map<number, TypeList>();
  let lastType = -1;
  let list: TypeList = { records: [], at: [] };
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const type = r.typeCode;
    if (type !== lastType) {
      lastType = type;
      const known = types.get(type);
      if (known) list = known;
      else types.set(type, (list = { records: [], at: [] }));
    }
    list.records.push(r);
    list.at.push(i);
  }
  return types;
}

function groupByOwner(records: readonly ResourceRecord[]): Map<string, ResourceRecord[]> {
  const groups = new Map<string, ResourceRecord[]>();
  // Records of one owner come in runs: a run's key is made once, and a new owner's list
  // is the run itself, sliced to its size (an array grown by push reserves 17 slots).
  const n = records.length;
  let start = 0;
  while (start < n) {
    const owner = records[start].owner;
    let end = start + 1;
    while (end < n && records[end].owner === owner) end++;
    const key = nameKey(owner);
    const known = groups.get(key);
    if (known) for (let i = start; i < end; i++) known.push(records[i]);
    else groups.set(key, run(records, start, end));
    start = end;
  }
  return groups;
}

/**
 * records[start, end) as a new list of that size. Not `slice`: the parser's list is frozen
 * (zone/index.ts), and V8 slices a frozen array on its slow path (600,000 runs of a
 * million-record zone took about 0.7 s more). The incremental zone's owner index makes
 * its lists here too: a million-record zone's index took some 6% less time than by slice.
 */
export function run(records: readonly ResourceRecord[], start: number, end: number): ResourceRecord[] {
  if (end - start === 1) return [records[start]];
  if (end - start === 2) return [records[start], records[start + 1]];
  const out = new Array<ResourceRecord>(end - start);
  for (let i = start; i < end; i++) out[i - start] = records[i];
  return out;
}
