/**
 * Diagnostic: spf-provider-missing — RFC 7208 §5.2: a host is authorised only by
 * the terms of the domain's SPF record; mail a provider sends for the domain gets
 * `fail`/`softfail` unless the record includes the provider's record.
 *
 * The zone shows the provider (detect.ts: MX, DKIM selector CNAME, verification
 * TXT); the record's terms, and those of records of this zone it includes, do not
 * name it. Not reported for a record that delegates (`redirect=`), one whose targets
 * use macros, or `v=spf1 -all` (the domain says it sends no mail). Reported on the
 * record's text.
 */
import type { Problem } from '../diagnostics/types';
import type { Zone } from '../zone/ast';
import { isMechanism, isModifier, type SpfRecord } from '../spf/ast';
import { txtRecords } from '../dkim/records';
import { spfRecordOf } from '../spf/check';
import type { SpfRecordContext } from '../spf/rules/context';
import { nameKey } from '../zone/names';
import { providerTerms, type ProviderEntry } from './catalogue';
import { ProviderCodes, type ProviderMissingData } from './codes';
import { providersByDomain } from './detect';
import { misspeltInclude } from './includeTypo';

const MAX_DEPTH = 10;

/** A term as compared: lower case, without a `+` qualifier. */
export function termKey(term: string): string {
  return term.replace(/^\+/, '').toLowerCase();
}

const spfIndexes = new WeakMap<Zone, Map<string, SpfRecordContext[]>>();

/** The zone's TXT SPF records by lower-case absolute owner, built once per zone. */
function spfByOwner(zone: Zone): Map<string, SpfRecordContext[]> {
  let index = spfIndexes.get(zone);
  if (!index) {
    index = new Map();
    // The TXT records in zone order, as the DKIM, DMARC and mail-policy checks share them.
    for (const { record: rr } of txtRecords(zone)) {
      const ctx = spfRecordOf(rr);
      if (!ctx) continue;
      const key = nameKey(rr.owner);
      const list = index.get(key);
      if (list) list.push(ctx);
      else index.set(key, [ctx]);
    }
    spfIndexes.set(zone, index);
  }
  return index;
}

/** The terms of a record and of the records of the zone it includes, as termKeys. */
export function authorisedTerms(zone: Zone, spf: SpfRecord): Set<string> {
  const keys = new Set<string>();
  const seen = new Set<string>();
  const visit = (record: SpfRecord, depth: number) => {
    for (const t of record.terms) {
      keys.add(termKey(t.text));
      if (depth >= MAX_DEPTH || !isMechanism(t) || t.name !== 'include' || !t.domain) continue;
      const target = t.domain.text.toLowerCase().replace(/\.$/, '') + '.';
      if (seen.has(target)) continue;
      seen.add(target);
      for (const inner of spfByOwner(zone).get(target) ?? []) visit(inner.spf, depth + 1);
    }
  };
  visit(spf, 0);
  return keys;
}

/** Whether any of the provider's terms (filled for this MX host) is among the keys. */
export function isAuthorised(provider: ProviderEntry, keys: ReadonlySet<string>, mxHost?: string): boolean {
  const terms = [...(providerTerms(provider, mxHost) ?? provider.spf), ...(provider.accepts ?? [])];
  return terms.some((t) => keys.has(termKey(t)));
}

/** Whether an include among the keys misspells one of the provider's (spf-include-typo). */
function misspells(provider: ProviderEntry, keys: ReadonlySet<string>): boolean {
  for (const k of keys) if (k.startsWith('include:') && misspeltInclude(k.slice('include:'.length).replace(/\.$/, ''))?.provider === provider) return true;
  return false;
}

function judged(spf: SpfRecord): boolean {
  if (spf.errors.length > 0) return false;
  if (spf.terms.some((t) => isModifier(t) && t.name === 'redirect')) return false;
  if (spf.terms.some((t) => isMechanism(t) && t.domain?.items.some((i) => i.kind === 'expand'))) return false;
  const senders = spf.terms.filter((t) => isMechanism(t) && t.name !== 'all');
  return senders.length > 0 || spf.terms.some((t) => isMechanism(t) && t.name === 'all' && t.qualifier !== '-');
}

export function checkProviderMissing(zone: Zone): Problem[] {
  const out: Problem[] = [];
  for (const [domain, detected] of providersByDomain(zone)) {
    const records = spfByOwner(zone).get(domain) ?? [];
    if (records.length !== 1) continue;
    const ctx = records[0];
    if (!judged(ctx.spf)) continue;
    const keys = authorisedTerms(zone, ctx.spf);
    const span = ctx.spf.spanOf(0, ctx.spf.text.length);
    for (const { provider, evidence } of detected) {
      const mxHost = evidence.kind === 'mx' ? evidence.text : undefined;
      const terms = providerTerms(provider, mxHost);
      if (!terms || isAuthorised(provider, keys, mxHost)) continue;
      // A misspelt include of it (`include:spf.sender.xsever.jp`): spf-include-typo says so,
      // and its fix corrects the name; adding the include beside it would leave the permerror.
      if (misspells(provider, keys)) continue;
      const missing = terms.filter((t) => !keys.has(termKey(t)));
      const data: ProviderMissingData = {
        provider: provider.id,
        terms: missing,
        verified: provider.verified,
        evidence: { kind: evidence.kind, text: evidence.text, span: evidence.record.span },
      };
      out.push({
        code: ProviderCodes.providerMissing.code,
        offset: span.offset,
        length: span.length,
        args: {
          providerDetail: `provider-${provider.id}`,
          evidenceDetail: `provider-evidence-${evidence.kind}`,
          evidence: evidence.kind === 'verification' ? evidence.text.slice(0, 60) : evidence.text,
          terms: missing.join(' '),
        },
        data,
        ...(ctx.rr.file ? { file: ctx.rr.file } : {}),
      });
    }
  }
  return out;
}
