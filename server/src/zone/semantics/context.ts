/**
 * What every zone-semantics rule needs, computed once per zone: the records inside
 * the zone indexed by owner and by RRset, and the zone cuts (RFC 1034 §4.2.1) that
 * decide which names are authoritative data and which are glue or occluded.
 */
import type { CodeDef, Problem, ProblemArgs } from '../../diagnostics/types';
import type { ResourceRecord, Span, Token, Zone } from '../ast';
import { ownerGroups } from '../checks/owners';
import { emptyNonTerminals, isSubdomain, nameKey, parentName, wildcardSource } from '../names';

export interface SemanticContext {
  readonly zone: Zone;
  /** The zone apex: the origin the file started with. */
  readonly apex: string;
  /** Records at or below the apex, in file order, every copy of a duplicate included. */
  readonly all: readonly ResourceRecord[];
  /**
   * The same without repeated copies (the first kept), as BIND and Knot load the zone:
   * a zone that includes one file twice gets one diagnostic per problem, not two.
   */
  readonly records: readonly ResourceRecord[];
  /** Records of `all` that repeat an earlier one (RFC 2181 §5: the same RR twice). */
  readonly duplicates: ReadonlySet<ResourceRecord>;
  /** In-zone records by owner key (RFC 4343 case-insensitive). */
  readonly byOwner: ReadonlyMap<string, readonly ResourceRecord[]>;
  /** Owner keys of delegations: NS RRsets below the apex and not below another cut. */
  readonly cuts: ReadonlySet<string>;
  /** Whether an owner of the zone is a wildcard (`*.…`): only then do names without records have answers. */
  readonly wildcards: boolean;
  readonly now: Date;
}

export function buildContext(zone: Zone, now: Date): SemanticContext {
  const apex = zone.origin;
  const apexKey = nameKey(apex);
  const groups = ownerGroups(zone.records);
  const duplicates = duplicateRecords(zone.records);
  // Groups that lost repeated copies, by key: few or none.
  const deduped = new Map<string, ResourceRecord[]>();
  // Owner keys below the apex with an NS record (a set: only membership matters below).
  const nsKeys = new Set<string>();
  let outside = 0;
  let wildcards = false;
  for (const [key, group] of groups) {
    if (!isKeyAtOrBelow(key, apexKey)) {
      outside++;
      continue;
    }
    if (key.charCodeAt(0) === 0x2a /* * */) wildcards = true;
    if (key !== apexKey && group.some((r) => r.typeCode === NS)) nsKeys.add(key);
    if (duplicates.size > 0 && group.length > 1 && group.some((r) => duplicates.has(r))) deduped.set(key, group.filter((r) => !duplicates.has(r)));
  }
  // Usually every owner is in the zone and nothing repeats: then the shared groups and
  // the zone's own list serve as they are, and a large zone keeps no second copy.
  let byOwner: ReadonlyMap<string, readonly ResourceRecord[]> = groups;
  let all: readonly ResourceRecord[] = zone.records;
  if (outside > 0 || deduped.size > 0) {
    const inZone = new Map<string, readonly ResourceRecord[]>();
    for (const [key, group] of groups) if (isKeyAtOrBelow(key, apexKey)) inZone.set(key, deduped.get(key) ?? group);
    byOwner = inZone;
  }
  if (outside > 0) {
    all = inZoneRecords(zone.records, apexKey);
    // Out-of-zone records are zone-out-of-zone's, repeated or not.
    for (const r of duplicates) if (!isKeyAtOrBelow(nameKey(r.owner), apexKey)) duplicates.delete(r);
  }
  const records = duplicates.size === 0 ? all : all.filter((r) => !duplicates.has(r));
  // Shorter names first, so a cut's ancestors are known before it is tested.
  const nsOwners = [...nsKeys].sort((a, b) => a.length - b.length);
  const cuts = new Set<string>();
  for (const key of nsOwners) if (!hasAncestorIn(key, apexKey, cuts)) cuts.add(key);
  return { zone, apex, all, records, duplicates, byOwner, cuts, wildcards, now };
}

/**
 * The records that repeat an earlier record of the zone (RFC 2181 §5: the same owner, class,
 * type and RDATA), which servers load once: zone-duplicate-record reports them, `print`
 * leaves them out as named-checkzone -D does.
 */
export function duplicateRecords(records: readonly ResourceRecord[]): Set<ResourceRecord> {
  const duplicates = new Set<ResourceRecord>();
  const bigRRsets = new Map<ResourceRecord[], Set<string>>();
  for (const group of ownerGroups(records).values()) {
    if (group.length < 2) continue;
    const kept: ResourceRecord[] = [];
    for (const r of group) {
      if (isDuplicate(kept, r, bigRRsets)) duplicates.add(r);
      else kept.push(r);
    }
  }
  return duplicates;
}

/** The records at or below the apex, in zone order. */
function inZoneRecords(records: readonly ResourceRecord[], apexKey: string): ResourceRecord[] {
  const out: ResourceRecord[] = [];
  // Records of one owner come in runs: the owner is tested once per run.
  let lastOwner: string | undefined;
  let inZone = false;
  for (const r of records) {
    if (r.owner !== lastOwner) {
      lastOwner = r.owner;
      inZone = isKeyAtOrBelow(nameKey(r.owner), apexKey);
    }
    if (inZone) out.push(r);
  }
  return out;
}

const NS = 2;

/** isSubdomain on keys already lower-cased. */
function isKeyAtOrBelow(key: string, apexKey: string): boolean {
  if (apexKey === '.' || key === apexKey) return true;
  return key.endsWith(apexKey) && isSubdomain(key, apexKey);
}

/** Owners with more records than this compare keys in a set, not pairwise. */
const PAIRWISE_MAX = 32;

/** Whether `r` repeats a record of `list` (same owner); `big` holds key sets of long lists. */
function isDuplicate(list: ResourceRecord[], r: ResourceRecord, big: Map<ResourceRecord[], Set<string>>): boolean {
  if (list.length <= PAIRWISE_MAX) return list.some((earlier) => sameRecord(earlier, r));
  let keys = big.get(list);
  if (!keys) big.set(list, (keys = new Set(list.map(recordKey))));
  const key = recordKey(r);
  if (keys.has(key)) return true;
  keys.add(key);
  return false;
}

/** The same RR (see recordKey), without building the key: owners are already equal. */
function sameRecord(a: ResourceRecord, b: ResourceRecord): boolean {
  if (a.typeCode !== b.typeCode || (a.class !== b.class && a.class.toUpperCase() !== b.class.toUpperCase())) return false;
  const x = a.rdata.canonical;
  const y = b.rdata.canonical;
  if (x === y) return true;
  return x.length === y.length && CASE_FOLDED.has(a.type) && x.toLowerCase() === y.toLowerCase();
}

/** Types whose canonical RDATA holds only names, numbers and mnemonics: safe to fold case. */
const CASE_FOLDED = new Set([
  'A', 'AAAA', 'NS', 'MD', 'MF', 'CNAME', 'SOA', 'MB', 'MG', 'MR', 'PTR', 'MINFO', 'MX', 'RP',
  'AFSDB', 'RT', 'PX', 'KX', 'SRV', 'DNAME', 'NSEC', 'NSAP-PTR',
]);

/**
 * Identity of an RR (RFC 2181 §5): owner, class, type and RDATA, compared canonically
 * (RFC 4034 §6.2) — names inside RDATA case-insensitively, TXT strings and base64
 * exactly.
 */
export function recordKey(r: ResourceRecord): string {
  const canonical = r.rdata.canonical;
  const rdata = CASE_FOLDED.has(r.type) ? canonical.toLowerCase() : canonical;
  return `${nameKey(r.owner)} ${r.class.toUpperCase()} ${r.typeCode} ${rdata}`;
}

/** True when a proper ancestor of `key`, below the apex, is in `set`. */
export function hasAncestorIn(key: string, apexKey: string, set: ReadonlySet<string>): boolean {
  let name = key;
  while (name !== apexKey && name !== '.') {
    name = parentName(name);
    if (name !== apexKey && set.has(name)) return true;
  }
  return false;
}

/** True when the name lies strictly below a zone cut: glue or occluded data. */
export function isBelowCut(ctx: SemanticContext, name: string): boolean {
  return hasAncestorIn(nameKey(name), nameKey(ctx.apex), ctx.cuts);
}

/**
 * The records that answer a query for `key`, a name of the zone not below a cut or a DNAME
 * (RFC 1034 §4.3.2, RFC 4592 §3.3.1): its own; for a name that does not exist, the
 * wildcard's at its closest encloser (`*.example.com.` answers for `mail.example.com.`,
 * not for `a.b.example.com.` when `b.example.com.` exists, not even as an empty
 * non-terminal); undefined when nothing answers (NXDOMAIN, or a name that exists without
 * records: NODATA). The answers BIND's integrity checks read.
 */
export function answeringRecords(ctx: SemanticContext, key: string): readonly ResourceRecord[] | undefined {
  const own = ctx.byOwner.get(key);
  if (own !== undefined || !ctx.wildcards) return own;
  let empty = emptyNames.get(ctx);
  if (!empty) emptyNames.set(ctx, (empty = emptyNonTerminals(ctx.byOwner, nameKey(ctx.apex))));
  const names = empty;
  const exists = (k: string): boolean => ctx.byOwner.has(k) || names.has(k);
  if (names.has(key)) return undefined;
  const source = wildcardSource(key, exists);
  return source === undefined ? undefined : ctx.byOwner.get(source);
}

/** A zone's empty non-terminals, made the first time a name without records is asked about. */
const emptyNames = new WeakMap<SemanticContext, Set<string>>();

export function recordsAt(ctx: SemanticContext, name: string): readonly ResourceRecord[] {
  return ctx.byOwner.get(nameKey(name)) ?? [];
}

export function hasType(ctx: SemanticContext, name: string, ...types: string[]): boolean {
  return recordsAt(ctx, name).some((r) => types.includes(r.type));
}

/** A name-valued RDATA field (`exchange`, `target`, …) as the codec stored it. */
export function nameField(record: ResourceRecord, field: string): string | undefined {
  const v = record.rdata.fields[field];
  return typeof v === 'string' ? v : undefined;
}

/** The RDATA token at `index`, when the record was written with that many. */
export function tokenAt(record: ResourceRecord, index: number): Token | undefined {
  return record.tokens[index];
}

/** Where to point at a record's owner: the owner as written, else the whole record. */
export function ownerSpan(record: ResourceRecord): Span {
  return record.ownerSpan ?? record.span;
}

/** Where a record's data was written: its first token to the end of its last; the type without tokens. */
export function rdataSpan(record: ResourceRecord): Span {
  const tokens = record.tokens;
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  return first && last ? { offset: first.offset, length: last.offset + last.length - first.offset } : record.typeSpan;
}

export function problem(def: CodeDef, record: ResourceRecord | undefined, span: Span, args?: ProblemArgs): Problem {
  const p: { -readonly [K in keyof Problem]: Problem[K] } = {
    code: def.code,
    offset: span.offset,
    length: span.length,
  };
  if (args) p.args = args;
  if (record?.file) p.file = record.file;
  return p;
}
