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
 */
class RunCache<V> {
  private entry: { records: readonly ResourceRecord[]; length: number; last: ResourceRecord | undefined; value: V } | undefined;

  constructor(private readonly make: (records: readonly ResourceRecord[]) => V) {}

  get(records: readonly ResourceRecord[]): V {
    const last = records[records.length - 1];
    const e = this.entry;
    if (e !== undefined && e.records === records && e.length === records.length && e.last === last) return e.value;
    const value = this.make(records);
    if (e === undefined) queueMicrotask(() => (this.entry = undefined));
    this.entry = { records, length: records.length, last, value };
    return value;
  }
}

const groupsCache = new RunCache<OwnerGroups>(groupByOwner);

/** The records grouped by owner key (shared: do not modify the lists). */
export function ownerGroups(records: readonly ResourceRecord[]): OwnerGroups {
  return groupsCache.get(records);
}

const typesCache = new RunCache<ReadonlyMap<number, readonly ResourceRecord[]>>(groupByType);
const NONE: readonly ResourceRecord[] = [];

/**
 * The records of one type, in zone order (shared: do not modify). A check that looks at
 * a few types reads their records only: on a million-record zone each pass over every
 * record costs a tenth of a second in memory reads alone.
 */
export function recordsOfType(records: readonly ResourceRecord[], typeCode: number): readonly ResourceRecord[] {
  return typesCache.get(records).get(typeCode) ?? NONE;
}

/**
 * The records of any of these types, in zone order (shared: do not modify). Only when
 * two or more of the types have records is the zone read in full to merge them.
 */
export function recordsOfTypes(records: readonly ResourceRecord[], typeCodes: readonly number[]): readonly ResourceRecord[] {
  const types = typesCache.get(records);
  let only: readonly ResourceRecord[] = NONE;
  let found = 0;
  for (const code of typeCodes) {
    const list = types.get(code);
    if (list === undefined) continue;
    only = list;
    found++;
  }
  if (found <= 1) return only;
  const wanted = new Set(typeCodes);
  return records.filter((r) => wanted.has(r.typeCode));
}

function groupByType(records: readonly ResourceRecord[]): Map<number, ResourceRecord[]> {
  const types = new Map<number, ResourceRecord[]>();
  let lastType = -1;
  let list: ResourceRecord[] = [];
  for (const r of records) {
    const type = r.typeCode;
    if (type !== lastType) {
      lastType = type;
      const known = types.get(type);
      if (known) list = known;
      else types.set(type, (list = []));
    }
    list.push(r);
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
    else groups.set(key, records.slice(start, end));
    start = end;
  }
  return groups;
}
