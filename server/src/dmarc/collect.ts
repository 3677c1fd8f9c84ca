/**
 * Finds the zone's DMARC texts and sorts them by where they sit: policy records at
 * `_dmarc.<domain>` (RFC 9989 §4.10), report authorizations at
 * `<domain>._report._dmarc.<dest>` (RFC 9990 §3), and everything else.
 */
import type { ResourceRecord, Zone } from '../zone/ast';
import { ITEMS_PER_STEP, runSteps, type Steps } from '../steps';
import { recordsOfType } from '../zone/checks/owners';
import { nameKey, parentName, splitLabels } from '../zone/names';
import { txtRecords, txtRecordsNamed, type TxtRecord } from '../dkim/records';
import { type DmarcRecord, looksLikeDmarc, parseDmarc } from './parse';
import type { DmarcContext } from './context';

export interface DmarcView {
  readonly zone: Zone;
  readonly txts: readonly TxtRecord[];
  /** Every TXT record at a `_dmarc` or `_report._dmarc` name, parsed. */
  readonly contexts: readonly DmarcContext[];
  /** Name keys of domains with at least one record receivers take as DMARC. */
  readonly policyDomains: ReadonlySet<string>;
  /** Name keys of domains with a DMARC record, valid or meant to be (a broken one is reported by itself). */
  readonly attemptedDomains: ReadonlySet<string>;
  /** Name keys of domains whose `_dmarc` is a CNAME (often a hosted DMARC service): not judged. */
  readonly aliasedDomains: ReadonlySet<string>;
  /** TXT records elsewhere (not at a DMARC name). */
  readonly others: readonly TxtRecord[];
}

const CNAME = 5;

/** Where `<domain>._report._dmarc.<dest>` starts: the index of `_report`, or -1. */
export function reportLabelIndex(labels: readonly string[]): number {
  for (let i = 1; i + 1 < labels.length; i++) if (labels[i] === '_report' && labels[i + 1] === '_dmarc') return i;
  return -1;
}

/**
 * The view last made, until the current synchronous run ends: the DMARC checks, the
 * BIMI check and the report-destination check of one analysis parse each record once.
 */
let shared: { zone: Zone; records: Zone['records']; txts: readonly TxtRecord[]; view: DmarcView } | undefined;

/**
 * The view of every TXT record made from a frozen record list (parseZoneText's), kept while
 * that list lives: it cannot change, and the CLI's DNS-dependent check, which runs after a
 * microtask, would read the zone again for it.
 */
const frozen = new WeakMap<Zone['records'], DmarcView>();

export function collectDmarc(zone: Zone, txts: readonly TxtRecord[] = txtRecords(zone)): DmarcView {
  if (shared !== undefined && shared.zone === zone && shared.records === zone.records && shared.txts === txts) {
    return shared.view;
  }
  const view = runSteps(readDmarc(zone, txts, recordsOfType(zone.records, CNAME)));
  if (Object.isFrozen(zone.records) && txts === txtRecords(zone)) frozen.set(zone.records, view);
  if (shared === undefined) queueMicrotask(() => (shared = undefined));
  shared = { zone, records: zone.records, txts, view };
  return view;
}

/**
 * The view of the records at DMARC names alone (`_dmarc` and `_report._dmarc`), for the
 * DNS-dependent check, which reads nothing else: its contexts and domains are those of
 * collectDmarc, its `txts` and `others` only the TXT records at names with `_dmarc` in them
 * (or every TXT record, when collectDmarc's view of a frozen list is kept: that view).
 */
export function* collectDmarcNames(zone: Zone): Steps<DmarcView> {
  const kept = frozen.get(zone.records);
  if (kept !== undefined && kept.zone === zone) return kept;
  const txts = yield* txtRecordsNamed(zone, /_dmarc/i);
  const cnames: ResourceRecord[] = [];
  for (let i = 0; i < zone.records.length; i++) {
    if (i % ITEMS_PER_STEP === 0) yield;
    const r = zone.records[i];
    if (r.typeCode === CNAME && DMARC_OWNER.test(r.owner)) cnames.push(r);
  }
  return yield* readDmarc(zone, txts, cnames);
}

/**
 * Each record's text as last parsed, by record: the DNS-dependent checks of a large zone
 * read every DMARC record again after each edit, while an edit makes new records for the
 * lines it touches and leaves the others' texts as they were (compared all the same).
 */
const parses = new WeakMap<ResourceRecord, { readonly text: string; readonly dmarc: DmarcRecord }>();

function dmarcOf(txt: TxtRecord): DmarcRecord {
  const text = txt.text.value;
  const known = parses.get(txt.record);
  if (known !== undefined && known.text === text) return known.dmarc;
  const dmarc = parseDmarc(text);
  parses.set(txt.record, { text, dmarc });
  return dmarc;
}

/** An owner name `_dmarc.<domain>`: its CNAME makes the domain's DMARC someone else's. */
const DMARC_OWNER = /^_dmarc\./i;

function* readDmarc(zone: Zone, txts: readonly TxtRecord[], cnames: readonly ResourceRecord[]): Steps<DmarcView> {
  const contexts: { -readonly [K in keyof DmarcContext]: DmarcContext[K] }[] = [];
  const others: TxtRecord[] = [];
  const policyDomains = new Set<string>();
  for (let i = 0; i < txts.length; i++) {
    if (i % ITEMS_PER_STEP === 0) yield;
    const txt = txts[i];
    if (txt.labels[0] === '_dmarc') {
      const ctx = {
        txt,
        dmarc: dmarcOf(txt),
        domain: parentName(txt.owner),
        placement: 'policy' as const,
        besideDmarc: false,
      };
      contexts.push(ctx);
      if (ctx.dmarc.isDmarc) policyDomains.add(nameKey(ctx.domain));
    } else if (reportLabelIndex(txt.labels) > 0) {
      const i = reportLabelIndex(txt.labels);
      const domain = splitLabels(txt.owner).slice(0, i).join('.') + '.';
      const dmarc = dmarcOf(txt);
      contexts.push({ txt, dmarc, domain, placement: 'report-authorization', besideDmarc: false });
    } else {
      others.push(txt);
    }
  }
  const attemptedDomains = new Set<string>();
  const dmarcCount = new Map<string, number>();
  for (let i = 0; i < contexts.length; i++) {
    if (i % ITEMS_PER_STEP === 0) yield;
    const ctx = contexts[i];
    if (ctx.placement !== 'policy') continue;
    if (ctx.dmarc.isDmarc || looksLikeDmarc(ctx.txt.text.value)) attemptedDomains.add(nameKey(ctx.domain));
    if (ctx.dmarc.isDmarc) dmarcCount.set(nameKey(ctx.txt.owner), (dmarcCount.get(nameKey(ctx.txt.owner)) ?? 0) + 1);
  }
  for (let i = 0; i < contexts.length; i++) {
    if (i % ITEMS_PER_STEP === 0) yield;
    const ctx = contexts[i];
    const others = (dmarcCount.get(nameKey(ctx.txt.owner)) ?? 0) - (ctx.dmarc.isDmarc ? 1 : 0);
    ctx.besideDmarc = ctx.placement === 'policy' && others > 0;
  }
  const aliasedDomains = new Set<string>();
  for (const r of cnames) {
    if (!DMARC_OWNER.test(r.owner)) continue;
    const key = nameKey(parentName(r.owner));
    aliasedDomains.add(key);
    attemptedDomains.add(key);
  }
  return { zone, txts, contexts, policyDomains, attemptedDomains, aliasedDomains, others };
}

/** A name for messages: no trailing dot (except the root). */
export function display(name: string): string {
  return name.length > 1 && name.endsWith('.') ? name.slice(0, -1) : name;
}
