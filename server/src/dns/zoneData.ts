/**
 * Answers from parsed zones, as their authoritative server would (RFC 1034 §4.3.2):
 * NXDOMAIN for a name that does not exist, NODATA for one that exists without the
 * type — including empty non-terminals, names with no records but with descendants
 * (RFC 8020 §2) — CNAME chains followed with a bound, and wildcards synthesised from
 * the closest encloser (RFC 4592 §3.3.1).
 *
 * It covers names at or below each zone's apex (the SOA owner, else the zone's
 * origin), except at or below a delegation (NS records below the apex) whose child
 * zone is not loaded. Other names are "not mine": `covers` says so, and a chain asks
 * the next resolver.
 */
import { emptyNonTerminals, nameKey, parentOf, wildcardSource } from '../zone/names';
import { ownerGroups } from '../zone/checks/owners';
import type { ResourceRecord, Zone } from '../zone/ast';
import { ErrorReason, type LookupResult, type PartialResolver, type RecordData, type Resolver, type RRType } from './resolver';
import { absoluteName, normalizeAddress, octetsToText, resultName, TYPE_CODES } from './names';

/** The zones to answer from: fixed, or read anew on each lookup (the workspace index). */
export type ZoneSource = readonly Zone[] | (() => readonly Zone[]);

/** CNAME links followed before giving up (BIND follows 16). */
export const MAX_CNAME_CHAIN = 16;

const SOA = 6;
const NS = 2;
const CNAME = 5;

/**
 * What the resolver reads of one zone. Made flat from the zone's records (indexZone), or
 * kept up to date edit by edit by the language server's incremental zone (provideIndex),
 * which saves making it again for every check run of a large zone.
 */
export interface ZoneIndex {
  /** The SOA owner's key, else the origin's. */
  readonly apex: string;
  /** In-zone records of an owner key, in zone order (shared: read only). */
  recordsAt(key: string): readonly ResourceRecord[] | undefined;
  /**
   * Whether a name at or below the apex exists: the apex, an owner, or a name with none
   * of its own but with descendants (an empty non-terminal, RFC 8020 §2).
   */
  exists(key: string): boolean;
  /** Whether the zone has delegations below its apex at all. */
  readonly hasCuts: boolean;
  /** Whether a name below the apex is a delegation point (it has NS records). */
  isCut(key: string): boolean;
}

/** Records by owner key and the names that exist without records, flat (a nested map per owner costs far more on large zones). */
class FlatIndex implements ZoneIndex {
  constructor(
    readonly apex: string,
    /** In-zone records by owner key, in zone order (shared lists: read only). */
    private readonly owners: ReadonlyMap<string, readonly ResourceRecord[]>,
    /** Names with no records but with descendants (RFC 8020 §2). */
    private readonly empty: ReadonlySet<string>,
    /** Delegation points below the apex. */
    private readonly cuts: ReadonlySet<string>,
  ) {}

  recordsAt(key: string): readonly ResourceRecord[] | undefined {
    return this.owners.get(key);
  }

  exists(key: string): boolean {
    return this.owners.has(key) || this.empty.has(key);
  }

  get hasCuts(): boolean {
    return this.cuts.size > 0;
  }

  isCut(key: string): boolean {
    return this.cuts.has(key);
  }
}

type Answer =
  | { kind: 'records'; records: ResourceRecord[] }
  | { kind: 'cname'; record: ResourceRecord }
  | { kind: 'nxdomain' }
  | { kind: 'nodata' };

const indexes = new WeakMap<Zone, ZoneIndex>();

/** Serve `zone` from `index` instead of indexing its records (the incremental zone's own). */
export function provideIndex(zone: Zone, index: ZoneIndex): void {
  indexes.set(zone, index);
}

/** The index provided for `zone` (provideIndex), if any: none is made here. */
export function providedIndex(zone: Zone): ZoneIndex | undefined {
  return indexes.get(zone);
}

function indexZone(zone: Zone): ZoneIndex {
  let index = indexes.get(zone);
  if (index) return index;
  index = flatIndex(zone);
  indexes.set(zone, index);
  return index;
}

/** The apex key of a zone as the resolver sees it: its first SOA's owner, else its origin. */
export function apexOf(zone: Zone): string {
  const soa = zone.records.find((r) => r.typeCode === SOA);
  return nameKey(soa ? soa.owner : zone.origin);
}

/** The zone indexed from its records. */
export function flatIndex(zone: Zone): ZoneIndex {
  const apex = apexOf(zone);
  // The owner groups the checks made in this run (zone/checks/owners.ts), not a second map.
  const groups = ownerGroups(zone.records);
  let owners: ReadonlyMap<string, readonly ResourceRecord[]> = groups;
  for (const key of groups.keys()) {
    if (!isAtOrBelow(key, apex)) {
      const inZone = new Map<string, readonly ResourceRecord[]>();
      for (const [k, list] of groups) if (isAtOrBelow(k, apex)) inZone.set(k, list);
      owners = inZone;
      break;
    }
  }
  // The apex exists whether or not it has records; ancestors up to it exist too (empty non-terminals).
  const empty = emptyNonTerminals(owners, apex);
  const cuts = new Set<string>();
  for (const [key, list] of owners) if (key !== apex && list.some((r) => r.typeCode === NS)) cuts.add(key);
  return new FlatIndex(apex, owners, empty, cuts);
}

/** Whether `key` is `apexKey` or below it; both lower-cased canonical names. */
export function isAtOrBelow(key: string, apexKey: string): boolean {
  if (apexKey === '.' || key === apexKey) return true;
  const cut = key.length - apexKey.length;
  if (cut < 2 || key.charCodeAt(cut - 1) !== 0x2e || !key.endsWith(apexKey)) return false;
  // The dot before the apex must separate labels, not be an escaped `\.`.
  let backslashes = 0;
  for (let i = cut - 2; i >= 0 && key.charCodeAt(i) === 0x5c; i--) backslashes++;
  return backslashes % 2 === 0;
}

function answer(index: ZoneIndex, key: string, typeCode: number): Answer {
  let owner: string | undefined = key;
  if (!index.exists(key)) {
    owner = wildcardSource(key, (k) => index.exists(k));
    if (owner === undefined) return { kind: 'nxdomain' };
  }
  const all = index.recordsAt(owner) ?? [];
  const records = all.filter((r) => r.typeCode === typeCode);
  if (records.length > 0) return { kind: 'records', records };
  const cname = typeCode === CNAME ? undefined : all.find((r) => r.typeCode === CNAME);
  if (cname) return { kind: 'cname', record: cname };
  return { kind: 'nodata' };
}

export class ZoneDataResolver implements PartialResolver {
  private readonly source: ZoneSource;

  constructor(zones: ZoneSource) {
    this.source = zones;
  }

  covers(name: string): boolean {
    const abs = absoluteName(name);
    if (abs === undefined) return false;
    const key = nameKey(abs);
    const zones = this.zones();
    const index = this.findZone(key, zones);
    this.covered = { key, zones, index };
    return index !== undefined;
  }

  /**
   * What `covers` found, for the zoneFor call right after it: a chain asks `covers` and
   * then, synchronously, `lookup` for the same name (an SPF check of a large zone asks
   * hundreds of thousands). Any other zoneFor call drops it.
   */
  private covered: { key: string; zones: readonly Zone[]; index: ZoneIndex | undefined } | undefined;

  private zones(): readonly Zone[] {
    return typeof this.source === 'function' ? this.source() : this.source;
  }

  async lookup<K extends RRType>(
    name: string,
    type: K,
    signal?: AbortSignal,
    rest?: Resolver,
  ): Promise<LookupResult<RecordData[K]>> {
    const abs = absoluteName(name);
    if (abs === undefined) return { kind: 'error', reason: ErrorReason.badName, source: 'zone' };
    const typeCode = TYPE_CODES[type];
    let key = nameKey(abs);
    // The names met, made at the first CNAME: most lookups have none.
    let seen: Set<string> | undefined;
    const start = key;
    let ttl = Infinity;
    for (let hop = 0; hop <= MAX_CNAME_CHAIN; hop++) {
      if (hop > 0) {
        seen ??= new Set([start]);
        if (seen.has(key)) break;
        seen.add(key);
      }
      const index = this.zoneFor(key);
      if (!index) {
        if (!rest) return { kind: 'error', reason: ErrorReason.notCovered, source: 'zone' };
        // The chain left our zones: the rest of the DNS answers for the target.
        const outside = await rest.lookup(resultName(key), type, signal);
        return outside.kind === 'ok' ? { ...outside, ttl: Math.min(ttl, outside.ttl ?? Infinity) } : outside;
      }
      const found = answer(index, key, typeCode);
      switch (found.kind) {
        case 'nxdomain':
        case 'nodata':
          return { kind: found.kind, source: 'zone' };
        case 'records': {
          const records = found.records.map((r) => toData(r, type));
          for (const r of found.records) ttl = Math.min(ttl, r.ttl);
          return { kind: 'ok', records, ttl, source: 'zone' };
        }
        case 'cname':
          ttl = Math.min(ttl, found.record.ttl);
          key = nameKey(absoluteName(nameData(found.record)) ?? '.');
      }
    }
    return { kind: 'error', reason: ErrorReason.cnameLoop, source: 'zone' };
  }

  /** The most specific zone holding `key`, unless `key` lies at or below one of its delegations. */
  private zoneFor(key: string): ZoneIndex | undefined {
    const zones = this.zones();
    const covered = this.covered;
    this.covered = undefined;
    if (covered !== undefined && covered.key === key && covered.zones === zones) return covered.index;
    return this.findZone(key, zones);
  }

  private findZone(key: string, zones: readonly Zone[]): ZoneIndex | undefined {
    let best: ZoneIndex | undefined;
    for (const zone of zones) {
      const index = indexZone(zone);
      if (isAtOrBelow(key, index.apex) && (!best || index.apex.length > best.apex.length)) best = index;
    }
    if (!best || !best.hasCuts) return best;
    for (let up: string | undefined = key; up !== undefined && up !== best.apex; up = parentOf(up)) {
      if (best.isCut(up)) return undefined;
    }
    return best;
  }
}

/** The name a CNAME/PTR/NS record points to, absolute. */
function nameData(record: ResourceRecord): string {
  const canonical = record.rdata.canonical.trim();
  if (canonical) return canonical;
  const f = record.rdata.fields;
  const value = f.target ?? f.cname ?? f.ptrdname ?? f.nsdname ?? f.name;
  return typeof value === 'string' ? value : '.';
}

function toData<K extends RRType>(record: ResourceRecord, type: K): RecordData[K] {
  const data = toDataUntyped(record, type);
  return data as RecordData[K];
}

function toDataUntyped(record: ResourceRecord, type: RRType): RecordData[RRType] {
  switch (type) {
    case 'A':
    case 'AAAA': {
      const address = record.rdata.canonical.trim() || String(record.rdata.fields.address ?? '');
      return normalizeAddress(address);
    }
    case 'TXT':
    case 'SPF':
      return (record.rdata.strings ?? []).map((s) => octetsToText(s.value));
    case 'MX': {
      const f = record.rdata.fields;
      const parts = record.rdata.canonical.trim().split(/\s+/);
      const preference = typeof f.preference === 'number' ? f.preference : Number(parts[0]);
      const exchange = typeof f.exchange === 'string' ? f.exchange : (parts[1] ?? '.');
      return { preference, exchange: resultName(exchange) };
    }
    case 'PTR':
    case 'CNAME':
    case 'NS':
      return resultName(nameData(record));
  }
}
