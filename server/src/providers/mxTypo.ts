/**
 * Diagnostic: zone-target-typo, for mail providers — an MX host outside the zone whose
 * domain is one letter off a catalogued provider's mail servers (`MX 1 aspmx.l.gogle.com.`,
 * `MX 10 example-jp.mail.protection.outlok.com.`): no mail for the name is delivered, and
 * BIND loads it without a word. The same reading as the zone's own domain gets
 * (zone/semantics/targetTypo.ts): same public suffix, a registrable label of 6 letters or
 * more one edit away, not a difference in digits only. The fix writes the provider's domain.
 */
import type { Problem } from '../diagnostics/types';
import type { Zone } from '../zone/ast';
import { isSubdomain } from '../zone/names';
import { SemanticsCodes } from '../zone/semantics/codes';
import { problem } from '../zone/semantics/context';
import { ownDomainSlip, registrable, slipFor, type TargetTypoData } from '../zone/semantics/targetTypo';
import { MX_TARGET, targetsOf } from '../zone/semantics/targets';
import { PROVIDERS, type ProviderEntry } from './catalogue';

const MIN_LABEL = 6;

interface MailDomain {
  readonly domain: string;
  readonly suffix: string;
  readonly label: string;
  readonly provider: ProviderEntry;
}

let mailDomains: MailDomain[] | undefined;

/** The registrable domains of the catalogue's MX host patterns (`*.google.com` → google.com), each once. */
function providerMailDomains(): MailDomain[] {
  if (mailDomains) return mailDomains;
  const out: MailDomain[] = [];
  for (const provider of PROVIDERS) {
    for (const pattern of provider.detect.mx ?? []) {
      const host = pattern.slice(pattern.lastIndexOf('*') + 1).replace(/^\./, '');
      const r = registrable(host + '.');
      if (r && r.label.length >= MIN_LABEL && !out.some((d) => d.domain === r.domain)) out.push({ ...r, provider });
    }
  }
  return (mailDomains = out);
}

/** The MX host with a provider's domain in place of its own, when its own is one letter off one. */
export function providerMxSlip(host: string): { intended: string; domain: MailDomain } | undefined {
  const domains = providerMailDomains();
  const own = registrable(host);
  if (!own || domains.some((d) => d.domain === own.domain)) return undefined;
  for (const d of domains) {
    const intended = slipFor(host, d);
    if (intended !== undefined) return { intended, domain: d };
  }
  return undefined;
}

export function checkProviderMxTypo(zone: Zone): Problem[] {
  const out: Problem[] = [];
  const seen = new Map<string, ReturnType<typeof providerMxSlip>>();
  for (const t of targetsOf(zone.records, MX_TARGET)) {
    if (t.name === '.' || isSubdomain(t.name, zone.origin)) continue;
    // One letter off the zone's own domain: zone semantics says so already.
    if (ownDomainSlip(t.name, zone.origin) !== undefined) continue;
    let slip = seen.get(t.name);
    if (!seen.has(t.name)) seen.set(t.name, (slip = providerMxSlip(t.name)));
    if (!slip) continue;
    const token = t.token;
    const p = problem(SemanticsCodes.targetTypo, t.record, token ?? t.record.span, {
      written: token?.text ?? t.name,
      intended: slip.intended.slice(0, -1),
      whoseDetail: 'target-typo-provider',
      domain: slip.domain.domain,
      provider: slip.domain.provider.names.en,
      'provider@ja': slip.domain.provider.names.ja,
    });
    const data: TargetTypoData | undefined = token && !token.quoted ? { written: token.text, replacement: slip.intended } : undefined;
    out.push(data ? { ...p, data } : p);
  }
  return out;
}
