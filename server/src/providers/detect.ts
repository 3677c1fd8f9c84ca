/**
 * Which catalogued providers the zone shows a domain to use: its MX hosts, the
 * CNAME targets of its DKIM selectors (RFC 6376 §3.6.2.1: `<selector>._domainkey`),
 * and providers' domain-verification TXT records. Plain data over the parsed zone.
 */
import type { ResourceRecord, Zone } from '../zone/ast';
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
  return typeof v === 'string' && v !== '.' ? v.replace(/\.$/, '') : undefined;
}

function txtText(rr: ResourceRecord): string {
  return (rr.rdata.strings ?? []).map((s) => s.value).join('');
}

/** Where a verification TXT may sit: the domain itself or `_label.<domain>` (e.g. `_amazonses`). */
function isVerificationOwner(key: string, domain: string): boolean {
  if (key === domain) return true;
  if (!key.endsWith('.' + domain)) return false;
  const label = key.slice(0, key.length - domain.length - 1);
  return /^_[^.]+$/.test(label) && label !== '_dmarc' && label !== '_domainkey';
}

function evidenceOf(rr: ResourceRecord, domain: string): { kind: EvidenceKind; text: string } | undefined {
  const key = nameKey(rr.owner);
  if (rr.type === 'MX' && key === domain) {
    const host = fieldName(rr, 'exchange');
    return host ? { kind: 'mx', text: host } : undefined;
  }
  if (rr.type === 'CNAME' && key.endsWith('._domainkey.' + domain)) {
    const target = fieldName(rr, 'target');
    return target ? { kind: 'dkim', text: target } : undefined;
  }
  if (rr.type === 'TXT' && isVerificationOwner(key, domain)) return { kind: 'verification', text: txtText(rr) };
  return undefined;
}

function matches(provider: ProviderEntry, kind: EvidenceKind, text: string): boolean {
  const d = provider.detect;
  if (kind === 'mx') return (d.mx ?? []).some((g) => hostMatches(g, text));
  if (kind === 'dkim') return (d.dkim ?? []).some((g) => hostMatches(g, text));
  return (d.verification ?? []).some((re) => new RegExp(re, 'i').test(text));
}

const RANK: Record<EvidenceKind, number> = { mx: 0, dkim: 1, verification: 2 };

/**
 * The providers the zone shows `owner` (absolute or not) to use, each once with its
 * strongest evidence (MX, then DKIM, then verification; zone order within a kind).
 * A host matching several entries' patterns counts for the first entry only.
 */
export function detectProviders(zone: Zone, owner: string): DetectedProvider[] {
  const domain = absoluteKey(owner);
  const found = new Map<string, DetectedProvider>();
  for (const record of zone.records) {
    const ev = evidenceOf(record, domain);
    if (!ev) continue;
    const provider = PROVIDERS.find((p) => matches(p, ev.kind, ev.text));
    if (!provider) continue;
    const prev = found.get(provider.id);
    if (!prev || RANK[ev.kind] < RANK[prev.evidence.kind]) found.set(provider.id, { provider, evidence: { ...ev, record } });
  }
  return [...found.values()];
}
