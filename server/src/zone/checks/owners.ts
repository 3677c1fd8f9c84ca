/**
 * A zone's records grouped by owner (RFC 4343: names compare without ASCII case), made
 * once and shared by the checks of one analysis run: zone semantics and the SPF owner
 * rules each grouped a million-record zone again, and a map of 600,000 fresh lists
 * costs its size in every garbage collection while it is built.
 */
import type { ResourceRecord } from '../ast';
import { nameKey } from '../names';

/** Records by owner key (nameKey), each list in zone order; keys in order of first appearance. */
export type OwnerGroups = ReadonlyMap<string, readonly ResourceRecord[]>;

/**
 * The groups last made, until the current synchronous run ends: dropped at the next
 * microtask, so records changed by a later edit are never served from it. The length
 * and the last record are compared too, in case the list grew within the run.
 */
let shared:
  | { records: readonly ResourceRecord[]; length: number; last: ResourceRecord | undefined; groups: OwnerGroups }
  | undefined;

/** The records grouped by owner key (shared: do not modify the lists). */
export function ownerGroups(records: readonly ResourceRecord[]): OwnerGroups {
  const last = records[records.length - 1];
  if (shared !== undefined && shared.records === records && shared.length === records.length && shared.last === last) {
    return shared.groups;
  }
  const groups = groupByOwner(records);
  if (shared === undefined) queueMicrotask(() => (shared = undefined));
  shared = { records, length: records.length, last, groups };
  return groups;
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
