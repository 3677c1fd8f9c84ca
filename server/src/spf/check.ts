/**
 * The SPF checks over a parsed zone: the static rules (sync) over every SPF record
 * in TXT and type-SPF RRsets, and the lookup rules (async) that follow includes and
 * redirects through a Resolver.
 */
import type { Problem } from '../diagnostics/types';
import { moved } from '../diagnostics/moved';
import type { CharString, Rdata, ResourceRecord, Span, Zone } from '../zone/ast';
import type { JoinedText } from '../zone/txt';
import type { Resolver } from '../dns/resolver';
import { ownerGroups, recordsOfTypes, RunCache } from '../zone/checks/owners';
import { ITEMS_PER_STEP, runSteps, runStepsIn, runStepsSliced, type Slices, type Steps } from '../steps';
import { isMechanism } from './ast';
import { looksLikeSpf } from './detect';
import { toQueryName } from './macro';
import { LookupCache, lookupTree, type LookupNode } from './lookups';
import { parseSpf } from './parser';
import { joinSpfStrings } from './spans';
import type { LookupRule, OwnerRule, RecordRule, SpfOwnerContext, SpfRecordContext } from './rules/context';
import { checkAfterAll } from './rules/spf-after-all';
import { checkDeprecatedRrtype } from './rules/spf-deprecated-rrtype';
import { checkDuplicateModifier } from './rules/spf-duplicate-modifier';
import { checkDuplicateTerm } from './rules/spf-duplicate-term';
import { checkIncludeLoop } from './rules/spf-include-loop';
import { checkIncludeNoRecord } from './rules/spf-include-no-record';
import { checkIncludeBroken } from './rules/spf-include-broken';
import { checkInvalidCidr } from './rules/spf-invalid-cidr';
import { checkInvalidIp } from './rules/spf-invalid-ip';
import { checkInvalidMacro } from './rules/spf-invalid-macro';
import { checkLookupLimit } from './rules/spf-lookup-limit';
import { checkMissing } from './rules/spf-missing';
import { checkStringsJoined } from './rules/spf-strings-joined';
import { checkMalformedVersion } from './rules/spf-malformed-version';
import { checkNullMxMissing } from './rules/spf-null-mx-missing';
import { checkNullMxSender } from './rules/spf-null-mx-sender';
import { checkMultipleRecords } from './rules/spf-multiple-records';
import { checkMxLimit } from './rules/spf-mx-limit';
import { checkNoAll } from './rules/spf-no-all';
import { checkNonAscii } from './rules/spf-non-ascii';
import { checkPermissiveAll } from './rules/spf-permissive-all';
import { checkPtrDeprecated } from './rules/spf-ptr-deprecated';
import { checkRecordTooLong } from './rules/spf-record-too-long';
import { checkRedirectIgnored } from './rules/spf-redirect-ignored';
import { checkRedundantIp } from './rules/spf-redundant-ip';
import { checkSyntax } from './rules/spf-syntax';
import { checkUnknownMechanism } from './rules/spf-unknown-mechanism';
import { checkVoidLookupLimit } from './rules/spf-void-lookup-limit';
import { checkStaleIp } from './rules/spf-stale-ip';
import { checkIpv6Missing } from './rules/spf-ipv6-missing';
import type { ZoneRecords } from './zoneEval';

const recordRules: readonly RecordRule[] = [
  checkSyntax,
  checkNonAscii,
  checkUnknownMechanism,
  checkInvalidIp,
  checkInvalidCidr,
  checkInvalidMacro,
  checkDuplicateModifier,
  checkRedirectIgnored,
  checkAfterAll,
  checkNoAll,
  checkPermissiveAll,
  checkPtrDeprecated,
  checkRecordTooLong,
  checkDuplicateTerm,
  checkRedundantIp,
  checkStringsJoined,
];

const ownerRules: readonly OwnerRule[] = [checkMultipleRecords, checkDeprecatedRrtype, checkMissing, checkNullMxMissing, checkNullMxSender, checkMalformedVersion, checkStaleIp, checkIpv6Missing];

const lookupRules: readonly LookupRule[] = [
  checkLookupLimit,
  checkVoidLookupLimit,
  checkMxLimit,
  checkIncludeLoop,
  checkIncludeNoRecord,
  checkIncludeBroken,
];

function ownerKey(owner: string): string {
  return (owner.endsWith('.') ? owner.slice(0, -1) : owner).toLowerCase();
}

/**
 * By record: the RDATA its context was made for, and the context. A record moved by an
 * edit above it (incremental parsing) hands out new RDATA with moved offsets: its context
 * is made again so that spans stay right, but a text that is the same is not joined and
 * parsed again (the DNS-dependent checks of a large zone read every SPF record after each
 * edit).
 */
interface Remembered {
  readonly owner: string;
  readonly rdata: Rdata;
  readonly ctx: SpfRecordContext | null;
}

const parsed = new WeakMap<ResourceRecord, Remembered>();

/** The record's SPF record, parsed with spans into the zone text; null when it is not one. */
export function spfRecordOf(rr: ResourceRecord): SpfRecordContext | null {
  // Only TXT and SPF records are remembered: a weak entry per record of a large zone
  // costs memory and slows every garbage collection. The type is tested first: the
  // RDATA of a plain A or AAAA record is read again from the source on each access.
  if (rr.typeCode !== TXT && rr.typeCode !== SPF) return null;
  const rdata = rr.rdata;
  const strings = rdata.strings;
  if (!strings) return null;
  const known = parsed.get(rr);
  if (known !== undefined && known.rdata === rdata) return known.ctx;
  let ctx: SpfRecordContext | null = null;
  if (known !== undefined && known.owner === rr.owner && sameValues(known.rdata.strings, strings)) {
    // Moved: the parse of the text stands, its spans are read from the moved strings.
    if (known.ctx !== null) {
      let joined: JoinedText | undefined;
      const spanOf = (from: number, to: number): Span => (joined ??= joinSpfStrings(strings)).spanOf(from, to);
      ctx = { owner: known.ctx.owner, rr, spf: { ...known.ctx.spf, spanOf } };
    }
  } else {
    const joined = joinSpfStrings(strings);
    if (looksLikeSpf(joined.value)) ctx = { owner: ownerKey(rr.owner), rr, spf: parseSpf(joined) };
  }
  parsed.set(rr, { owner: rr.owner, rdata, ctx });
  return ctx;
}

/** Whether two lists of strings hold the same octets. */
function sameValues(a: readonly CharString[] | undefined, b: readonly CharString[]): boolean {
  if (a === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].value !== b[i].value) return false;
  return true;
}

const MX = 15;
const TXT = 16;
const SPF = 99;

/** Types an owner rule looks at: TXT (multiple records), MX (spf-missing, the null MX rules), SPF (deprecated). */
const MAIL_TYPES = new Set([MX, TXT, SPF]);

/**
 * Every owner of the zone with its records and SPF records, in zone order. With
 * `mailOnly`, only owners with a TXT, MX or SPF record (the rest cannot trip an owner rule).
 */
const NO_RECORDS: readonly ResourceRecord[] = [];

export function spfOwners(zone: Zone, mailOnly = false): SpfOwnerContext[] {
  // The groups are keyed by nameKey: with the trailing dot every owner has, the same
  // grouping as by ownerKey, which is made once per owner for its context.
  const out: SpfOwnerContext[] = [];
  const groups = ownerGroups(zone.records);
  const records: ZoneRecords = { origin: zone.origin, recordsAt: (key) => groups.get(key) ?? NO_RECORDS };
  for (const rrs of groups.values()) {
    if (mailOnly && !rrs.some((rr) => MAIL_TYPES.has(rr.typeCode))) continue;
    const txtSpf: SpfRecordContext[] = [];
    for (const rr of rrs) {
      const spf = rr.typeCode === TXT ? spfRecordOf(rr) : null;
      if (spf) txtSpf.push(spf);
    }
    out.push({ owner: ownerKey(rrs[0].owner), origin: zone.origin, rrs, txtSpf, zone: records });
  }
  return out;
}

/**
 * The list last made, until the current synchronous run ends: the static checks and the
 * lookup checks of one analysis (run back to back) read the zone once. A frozen list's
 * (parseZoneText's) is kept while that list lives: the CLI's lookup checks run after a
 * microtask.
 */
const spfLists = new RunCache<readonly SpfRecordContext[]>((records) => runSteps(readSpfRecords(recordsOfTypes(records, [TXT, SPF]))));

/** Every SPF record of the zone, each marked when another one includes it (shared: do not modify). */
function allSpfRecords(zone: Zone): readonly SpfRecordContext[] {
  return spfLists.get(zone.records);
}

/**
 * allSpfRecords, read in slices of the event loop when `slices` are given: every record in
 * turn, since grouping a large zone's records by type first would hold the loop at once.
 */
function allSpfRecordsIn(zone: Zone, slices: Slices | undefined): readonly SpfRecordContext[] | Promise<SpfRecordContext[]> {
  return slices === undefined ? allSpfRecords(zone) : (spfLists.kept(zone.records) ?? runStepsSliced(readSpfRecords(zone.records), slices));
}

/** The SPF records among `rrs` (records of other types are passed over). */
function* readSpfRecords(rrs: readonly ResourceRecord[]): Steps<SpfRecordContext[]> {
  const records: SpfRecordContext[] = [];
  for (let i = 0; i < rrs.length; i++) {
    if (i % ITEMS_PER_STEP === 0) yield;
    const spf = spfRecordOf(rrs[i]);
    if (spf) records.push(spf);
  }
  const targets = new Set<string>();
  for (let i = 0; i < records.length; i++) {
    if (i % ITEMS_PER_STEP === 0) yield;
    for (const t of records[i].spf.terms)
      if (isMechanism(t) && t.name === 'include' && t.domain && t.domain.items.every((i) => i.kind === 'literal'))
        targets.add(toQueryName(t.domain.text).toLowerCase());
  }
  for (let i = 0; i < records.length; i++) {
    if (i % ITEMS_PER_STEP === 0) yield;
    const r = records[i];
    if (targets.has(r.owner)) records[i] = { ...r, included: true };
  }
  return records;
}

/** The static SPF checks: syntax and every rule that needs no DNS. */
export function checkSpf(zone: Zone): Problem[] {
  const problems: Problem[] = [];
  for (const ctx of allSpfRecords(zone)) for (const rule of recordRules) problems.push(...rule(ctx));
  for (const owner of spfOwners(zone, true)) for (const rule of ownerRules) problems.push(...rule(owner));
  return problems;
}

/** The lookup tree of each valid TXT SPF record of the zone (for hover and code lens). */
export async function spfLookupTrees(
  zone: Zone,
  resolver: Resolver,
  signal?: AbortSignal,
  slices?: Slices,
): Promise<{ record: SpfRecordContext; tree: LookupNode }[]> {
  const records = treeRecords(await allSpfRecordsIn(zone, slices));
  const trees = await buildTrees(records, resolver, signal);
  return records.map((record, i) => ({ record, tree: trees[i].tree }));
}

/** The records that get a lookup tree: TXT SPF records without syntax errors. */
function treeRecords(records: readonly SpfRecordContext[]): SpfRecordContext[] {
  return records.filter((r) => r.rr.type === 'TXT' && r.spf.errors.length === 0);
}

/** Each record's tree, several in flight, with the names each one queried when `noted`. */
async function buildTrees(
  records: readonly SpfRecordContext[],
  resolver: Resolver,
  signal: AbortSignal | undefined,
  noted = false,
): Promise<{ tree: LookupNode; queried: Set<string> | undefined }[]> {
  const cache = new LookupCache();
  const out = new Array<{ tree: LookupNode; queried: Set<string> | undefined }>(records.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < records.length) {
      const i = next++;
      const r = records[i];
      const queried = noted ? new Set<string>() : undefined;
      out[i] = { tree: await lookupTree(r.spf, r.owner, resolver, signal, cache, queried), queried };
    }
  };
  await Promise.all(Array.from({ length: Math.min(TREES_IN_FLIGHT, records.length) }, worker));
  return out;
}

/**
 * Trees built at once: enough to overlap live lookups (the live resolver sends 16 at a
 * time), few enough that a zone of 50,000 SPF records does not hold every tree's
 * half-built state at once, which each garbage collection would copy.
 */
const TREES_IN_FLIGHT = 64;

/** What the lookup checks found for one record in a run. */
interface LookupEntry {
  /** Where the record started then: its problems move with it. */
  readonly offset: number;
  /** Whether another record includes it, which its context says (no lookup rule reads it today). */
  readonly included: boolean;
  /** Name keys (lower-case, absolute) its tree queried; undefined when one cannot be told apart (escapes). */
  readonly names: readonly string[] | undefined;
  readonly problems: readonly Problem[];
}

/** The lookup checks' problems of each SPF record in one complete run, by record. */
export class SpfLookupMemo {
  private readonly entries = new WeakMap<ResourceRecord, LookupEntry>();
  /** Records whose problems the run that filled this memo kept from the last one, and those it looked up. */
  reused = 0;
  built = 0;

  get(rr: ResourceRecord): LookupEntry | undefined {
    return this.entries.get(rr);
  }

  set(rr: ResourceRecord, entry: LookupEntry): void {
    this.entries.set(rr, entry);
  }
}

/**
 * What a run of the lookup checks may keep from the last complete one (the language
 * server runs them again after each pause in typing): a record's problems stand when it is
 * the same record (not parsed again, perhaps moved), included by another or not as before,
 * and no name its tree queried may answer differently now.
 */
export interface LookupReuse {
  readonly last: SpfLookupMemo | undefined;
  /** Whether the answers for a name key may differ from the last run's; undefined: any may. */
  readonly changed: ((key: string) => boolean) | undefined;
  /** Filled with what this run finds, kept entries too: the next run's `last`. */
  readonly next: SpfLookupMemo;
}

/**
 * The checks that follow includes and redirects through the resolver: lookup
 * limit, void lookups, MX limit, include loops, includes without a record.
 */
export async function checkSpfLookups(
  zone: Zone,
  resolver: Resolver,
  signal?: AbortSignal,
  slices?: Slices,
  reuse?: LookupReuse,
): Promise<Problem[]> {
  const records = treeRecords(await allSpfRecordsIn(zone, slices));
  const found = new Array<readonly Problem[]>(records.length);
  const todo = reuse === undefined ? records.map((_, i) => i) : await runStepsIn(keptProblems(records, found, reuse), slices);
  const trees = await buildTrees(
    todo.map((i) => records[i]),
    resolver,
    signal,
    reuse !== undefined,
  );
  // Nothing of an aborted run is kept: `next` may hold half of it, and is dropped with it.
  if (signal?.aborted) return [];
  return runStepsIn(lookupProblems(records, todo, trees, found, reuse?.next), slices);
}

/** Puts the problems a record keeps from the last run in `found`; returns the indexes of the others. */
function* keptProblems(records: readonly SpfRecordContext[], found: (readonly Problem[])[], reuse: LookupReuse): Steps<number[]> {
  const todo: number[] = [];
  const { last, changed, next } = reuse;
  for (let i = 0; i < records.length; i++) {
    if (i % ITEMS_PER_STEP === 0) yield;
    const r = records[i];
    const kept = changed !== undefined ? last?.get(r.rr) : undefined;
    if (kept === undefined || kept.names === undefined || kept.included !== (r.included === true) || kept.names.some(changed!)) {
      todo.push(i);
      continue;
    }
    const offset = r.rr.span.offset;
    const delta = offset - kept.offset;
    const problems = delta === 0 ? kept.problems : kept.problems.map((p) => moved(p, (o) => o + delta));
    found[i] = problems;
    next.set(r.rr, delta === 0 ? kept : { ...kept, offset, problems });
    next.reused++;
  }
  return todo;
}

/** A queried name as a name key; undefined for one with escapes (its key is not plain lower case). */
function queryKey(name: string): string | undefined {
  if (name.includes('\\')) return undefined;
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower : lower + '.';
}

function* lookupProblems(
  records: readonly SpfRecordContext[],
  todo: readonly number[],
  trees: readonly { tree: LookupNode; queried: Set<string> | undefined }[],
  found: (readonly Problem[])[],
  next: SpfLookupMemo | undefined,
): Steps<Problem[]> {
  for (let k = 0; k < todo.length; k++) {
    if (k % ITEMS_PER_STEP === 0) yield;
    const i = todo[k];
    const record = records[i];
    const { tree, queried } = trees[k];
    const problems: Problem[] = [];
    for (const rule of lookupRules) for (const p of rule(record, tree)) problems.push(p);
    found[i] = problems;
    if (next !== undefined && queried !== undefined) {
      const names: string[] = [];
      for (const q of queried) {
        const key = queryKey(q);
        if (key === undefined) break;
        names.push(key);
      }
      const plain = names.length === queried.size;
      next.set(record.rr, { offset: record.rr.span.offset, included: record.included === true, names: plain ? names : undefined, problems });
      next.built++;
    }
  }
  const out: Problem[] = [];
  for (let i = 0; i < found.length; i++) {
    if (i % ITEMS_PER_STEP === 0) yield;
    for (const p of found[i]) out.push(p);
  }
  return out;
}
