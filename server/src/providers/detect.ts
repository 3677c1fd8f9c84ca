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
  const key = nameKey(rr.owner);
  if (type === MX) {
    const host = fieldName(rr, 'exchange');
    return host ? { domain: key, kind: 'mx', text: host } : undefined;
  }
  if (type === CNAME) {
    const at = key.indexOf('._domainkey.');
    if (at <= 0) return undefined;
    const target = fieldName(rr, 'target');
    return target ? { domain: key.slice(at + '._domainkey.'.length), kind: 'dkim', text: target } : undefined;
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
  if (kind === 'mx') return PROVIDERS.find((p) => (p.detect.mx ?? []).some((g) => hostMatches(g, text)));
  if (kind === 'dkim') return PROVIDERS.find((p) => (p.detect.dkim ?? []).some((g) => hostMatches(g, text)));
  verifiers ??= PROVIDERS.map((provider) => ({
    provider,
    patterns: (provider.detect.verification ?? []).map((source) => new RegExp(source, 'i')),
  }));
  for (const { provider, patterns } of verifiers) for (const re of patterns) if (re.test(text)) return provider;
  return undefined;
}


const indexes = new WeakMap<Zone, Map<string, DetectedProvider[]>>();

/** Every domain of the zone with the providers its records show: one pass over the records. */
function indexZone(zone: Zone): Map<string, DetectedProvider[]> {
  let index = indexes.get(zone);
  if (index) return index;
  index = new Map();
  // Zones repeat the same MX hosts and CNAME targets: match each text once (per kind).
  const memos: Record<EvidenceKind, Map<string, ProviderEntry | null>> = { mx: new Map(), dkim: new Map(), verification: new Map() };
  for (const record of recordsOfTypes(zone.records, EVIDENCE_TYPES)) {
    const ev = evidenceOf(record);
    if (!ev) continue;
    const memo = memos[ev.kind];
    let provider = memo.get(ev.text);
    if (provider === undefined) {
      provider = providerFor(ev.kind, ev.text) ?? null;
      memo.set(ev.text, provider);
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
