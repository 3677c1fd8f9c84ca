/**
 * Which catalogued providers the zone shows a domain to use: its MX hosts, the
 * CNAME targets of its DKIM selectors (RFC 6376 §3.6.2.1: `<selector>._domainkey`),
 * and providers' domain-verification TXT records. Plain data over the parsed zone.
 */
import type { ResourceRecord, Zone } from '../zone/ast';
import { recordsOfTypes } from '../zone/checks/owners';
import { nameKey } from '../zone/names';
import { hostMatches, PROVIDERS, type ProviderEntry } from './catalogue';

export type EvidenceKind = 'mx' | 'dkim' | 'verification';

export interface ProviderEvidence {
  readonly kind: EvidenceKind;
  readonly record: ResourceRecord;
  /** What matched: the MX host or CNAME target (no trailing dot), or the TXT text. */
  readonly text: string;
}

export interface DetectedProvider {
  readonly provider: ProviderEntry;
  readonly evidence: ProviderEvidence;
}

function absoluteKey(owner: string): string {
  return nameKey(owner.endsWith('.') ? owner : owner + '.');
}

function fieldName(rr: ResourceRecord, field: string): string | undefined {
  const v = rr.rdata.fields[field];
  if (typeof v !== 'string' || v === '.') return undefined;
  return v.endsWith('.') ? v.slice(0, -1) : v;
}

function txtText(rr: ResourceRecord): string {
  const strings = rr.rdata.strings ?? [];
  return strings.length === 1 ? strings[0].value : strings.map((s) => s.value).join('');
}

const MX = 15;
const CNAME = 5;
const TXT = 16;
const EVIDENCE_TYPES = [MX, CNAME, TXT];

/** The domain a record is evidence for, and what it shows; undefined when it shows nothing. */
function evidenceOf(rr: ResourceRecord): { domain: string; kind: EvidenceKind; text: string } | undefined {
  // The type first: most records are none of these three and need no owner key.
  const type = rr.typeCode;
  if (type !== MX && type !== CNAME && type !== TXT) return undefined;
  if (type === MX) {
    // Most MX hosts are the zone's own, ruled out by their last labels before anything is made.
    const host = fieldName(rr, 'exchange');
    return host && mayMatch('mx', host) ? { domain: nameKey(rr.owner), kind: 'mx', text: host } : undefined;
  }
  const key = nameKey(rr.owner);
  if (type === CNAME) {
    const at = key.indexOf('._domainkey.');
    if (at <= 0) return undefined;
    const target = fieldName(rr, 'target');
    return target && mayMatch('dkim', target) ? { domain: key.slice(at + '._domainkey.'.length), kind: 'dkim', text: target } : undefined;
  }
  // At the domain itself or at `_label.<domain>` (e.g. `_amazonses`), not at DMARC/DKIM names.
  const m = key.charCodeAt(0) === 0x5f /* _ */ ? /^(_[^.]+)\.(.+)$/.exec(key) : null;
  const domain = m && m[1] !== '_dmarc' && m[1] !== '_domainkey' ? m[2] : key;
  return { domain, kind: 'verification', text: txtText(rr) };
}

const RANK: Record<EvidenceKind, number> = { mx: 0, dkim: 1, verification: 2 };

/** Each provider with its verification patterns compiled, in catalogue order (PROVIDERS is read-only). */
let verifiers: readonly { readonly provider: ProviderEntry; readonly patterns: readonly RegExp[] }[] | undefined;

/**
 * The first provider whose patterns match the text. A zone has a TXT record in ten, most
 * with a text of their own: each is tested against every pattern, compiled once.
 */
function providerFor(kind: EvidenceKind, text: string): ProviderEntry | undefined {
  if (kind === 'mx' || kind === 'dkim') {
    // evidenceOf gave only hosts some pattern's last two labels may match (mayMatch).
    return PROVIDERS.find((p) => (p.detect[kind] ?? []).some((g) => hostMatches(g, text)));
  }
  verifiers ??= PROVIDERS.map((provider) => ({
    provider,
    patterns: (provider.detect.verification ?? []).map((source) => new RegExp(source, 'i')),
  }));
  for (const { provider, patterns } of verifiers) for (const re of patterns) if (re.test(text)) return provider;
  return undefined;
}


/**
 * The last two labels (lower case) of every MX or DKIM host pattern of the catalogue, or
 * undefined when a pattern has a `*` in them, so that any host may match it.
 */
const suffixes: Partial<Record<'mx' | 'dkim', Set<string> | undefined>> = {};

function patternSuffixes(kind: 'mx' | 'dkim'): Set<string> | undefined {
  if (kind in suffixes) return suffixes[kind];
  let out: Set<string> | undefined = new Set<string>();
  for (const p of PROVIDERS) {
    for (const glob of p.detect[kind] ?? []) {
      const star = glob.lastIndexOf('*');
      const labels = glob.slice(star + 1).toLowerCase().split('.');
      // After a `*`, the first piece is the end of a label the `*` began: not a whole label.
      const whole = star < 0 ? labels : labels.slice(1);
      if (whole.length < 2 || whole.slice(-2).some((l) => l === '')) {
        out = undefined;
        break;
      }
      out.add(whole.slice(-2).join('.'));
    }
    if (out === undefined) break;
  }
  suffixes[kind] = out;
  return out;
}

/** Whether any MX or DKIM pattern could match the host (false rules it out; true only may). */
function mayMatch(kind: 'mx' | 'dkim', host: string): boolean {
  const known = patternSuffixes(kind);
  if (known === undefined) return true;
  const h = (host.endsWith('.') ? host.slice(0, -1) : host).toLowerCase();
  const last = h.lastIndexOf('.');
  if (last <= 0) return false;
  const cut = h.lastIndexOf('.', last - 1);
  return known.has(h.slice(cut + 1));
}

const indexes = new WeakMap<Zone, Map<string, DetectedProvider[]>>();

/** Every domain of the zone with the providers its records show: one pass over the records. */
function indexZone(zone: Zone): Map<string, DetectedProvider[]> {
  let index = indexes.get(zone);
  if (index) return index;
  index = new Map();
  // Zones repeat the same MX hosts and CNAME targets: match each once (per kind). TXT texts
  // are mostly unique, and the patterns, anchored at a literal start, rule most out at once.
  const memos: Record<'mx' | 'dkim', Map<string, ProviderEntry | null>> = { mx: new Map(), dkim: new Map() };
  for (const record of recordsOfTypes(zone.records, EVIDENCE_TYPES)) {
    const ev = evidenceOf(record);
    if (!ev) continue;
    let provider: ProviderEntry | null | undefined;
    if (ev.kind === 'verification') provider = providerFor(ev.kind, ev.text);
    else {
      const memo = memos[ev.kind];
      provider = memo.get(ev.text);
      if (provider === undefined) memo.set(ev.text, (provider = providerFor(ev.kind, ev.text) ?? null));
    }
    if (!provider) continue;
    let found = index.get(ev.domain);
    if (!found) index.set(ev.domain, (found = []));
    const at = found.findIndex((d) => d.provider.id === provider.id);
    const hit = { provider, evidence: { kind: ev.kind, record, text: ev.text } };
    if (at < 0) found.push(hit);
    else if (RANK[ev.kind] < RANK[found[at].evidence.kind]) found[at] = hit;
  }
  indexes.set(zone, index);
  return index;
}

/**
 * The providers the zone shows `owner` (absolute or not) to use, each once with its
 * strongest evidence (MX, then DKIM, then verification; zone order within a kind).
 * A host matching several entries' patterns counts for the first entry only.
 */
export function detectProviders(zone: Zone, owner: string): DetectedProvider[] {
  return [...(indexZone(zone).get(absoluteKey(owner)) ?? [])];
}

/** Every domain (lower-case, absolute) the zone shows providers for, in zone order. */
export function providersByDomain(zone: Zone): ReadonlyMap<string, readonly DetectedProvider[]> {
  return indexZone(zone);
}
