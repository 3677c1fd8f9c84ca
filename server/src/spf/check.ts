/**
 * The SPF checks over a parsed zone: the static rules (sync) over every SPF record
 * in TXT and type-SPF RRsets, and the lookup rules (async) that follow includes and
 * redirects through a Resolver.
 */
import type { Problem } from '../diagnostics/types';
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
import { checkInvalidCidr } from './rules/spf-invalid-cidr';
import { checkInvalidIp } from './rules/spf-invalid-ip';
import { checkInvalidMacro } from './rules/spf-invalid-macro';
import { checkLookupLimit } from './rules/spf-lookup-limit';
import { checkMissing } from './rules/spf-missing';
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
];

const ownerRules: readonly OwnerRule[] = [checkMultipleRecords, checkDeprecatedRrtype, checkMissing];

const lookupRules: readonly LookupRule[] = [
  checkLookupLimit,
  checkVoidLookupLimit,
  checkMxLimit,
  checkIncludeLoop,
  checkIncludeNoRecord,
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

/** Types an owner rule looks at: TXT (multiple records), MX (spf-missing), SPF (deprecated). */
const MAIL_TYPES = new Set([MX, TXT, SPF]);

/**
 * Every owner of the zone with its records and SPF records, in zone order. With
 * `mailOnly`, only owners with a TXT, MX or SPF record (the rest cannot trip an owner rule).
 */
export function spfOwners(zone: Zone, mailOnly = false): SpfOwnerContext[] {
  // The groups are keyed by nameKey: with the trailing dot every owner has, the same
  // grouping as by ownerKey, which is made once per owner for its context.
  const out: SpfOwnerContext[] = [];
  for (const rrs of ownerGroups(zone.records).values()) {
    if (mailOnly && !rrs.some((rr) => MAIL_TYPES.has(rr.typeCode))) continue;
    const txtSpf: SpfRecordContext[] = [];
    for (const rr of rrs) {
      const spf = rr.typeCode === TXT ? spfRecordOf(rr) : null;
      if (spf) txtSpf.push(spf);
    }
    out.push({ owner: ownerKey(rrs[0].owner), rrs, txtSpf });
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
  const records = (await allSpfRecordsIn(zone, slices)).filter((r) => r.rr.type === 'TXT' && r.spf.errors.length === 0);
  const cache = new LookupCache();
  const trees: LookupNode[] = new Array<LookupNode>(records.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < records.length) {
      const i = next++;
      const r = records[i];
      trees[i] = await lookupTree(r.spf, r.owner, resolver, signal, cache);
    }
  };
  await Promise.all(Array.from({ length: Math.min(TREES_IN_FLIGHT, records.length) }, worker));
  return records.map((record, i) => ({ record, tree: trees[i] }));
}

/**
 * Trees built at once: enough to overlap live lookups (the live resolver sends 16 at a
 * time), few enough that a zone of 50,000 SPF records does not hold every tree's
 * half-built state at once, which each garbage collection would copy.
 */
const TREES_IN_FLIGHT = 64;

/**
 * The checks that follow includes and redirects through the resolver: lookup
 * limit, void lookups, MX limit, include loops, includes without a record.
 */
export async function checkSpfLookups(zone: Zone, resolver: Resolver, signal?: AbortSignal, slices?: Slices): Promise<Problem[]> {
  const trees = await spfLookupTrees(zone, resolver, signal, slices);
  if (signal?.aborted) return [];
  return runStepsIn(lookupProblems(trees), slices);
}

function* lookupProblems(trees: readonly { record: SpfRecordContext; tree: LookupNode }[]): Steps<Problem[]> {
  const out: Problem[] = [];
  for (let i = 0; i < trees.length; i++) {
    if (i % ITEMS_PER_STEP === 0) yield;
    const { record, tree } = trees[i];
    for (const rule of lookupRules) for (const p of rule(record, tree)) out.push(p);
  }
  return out;
}
