/**
 * Diagnostic: spf-include-typo — an `include:` or `redirect=` domain one or two letters off
 * a catalogued provider's (`include:spf.sender.xsever.jp`, `include:_spf.gogle.com`). RFC 7208
 * §5.2: an include whose domain has no SPF record is a permerror, and receivers that follow
 * DMARC then treat every message as failing SPF; offline nothing else shows it until mail
 * bounces. And a misspelt name can be registered by anyone, whose servers the record then
 * authorises.
 *
 * Only near misses that cannot be another name of the same provider or a regional one: the
 * same public suffix, another registrable domain (`_spf.google.com` → `spf.google.com` is
 * left alone, and so is `mailgun.org` → `mailgun.com`), at most one edit when the provider's
 * registrable label has 5 letters or more, two at 10 or more (`mcsv.net` gets none, and
 * `amazonaws.com` is no slip of `amazonses.com`: two edits off a 9-letter label). A swap
 * of two neighbours is one edit. A name one letter off the zone's own domain
 * (`include:_spf.exmaple.jp` in the example.jp zone) is one too, as zone-target-typo reads it.
 * The fix writes the intended domain (spf-unknown-mechanism's replace fix).
 */
import { parse as parseDomain } from 'tldts';
import type { Problem, ProblemArgs } from '../diagnostics/types';
import type { Zone } from '../zone/ast';
import { recordsOfType } from '../zone/checks/owners';
import { isMechanism, isModifier, type MacroString } from '../spf/ast';
import { spfRecordOf } from '../spf/check';
import { problemAt, termData } from '../spf/rules/context';
import type { SpfReplaceData } from '../spf/codes';
import { editDistance } from '../distance';
import { PROVIDERS, type ProviderEntry } from './catalogue';
import { ProviderCodes } from './codes';
import { ownDomainSlip } from '../zone/semantics/targetTypo';

const TXT = 16;
const SPF = 99;

interface Known {
  readonly domain: string;
  readonly suffix: string;
  readonly registrable: string;
  readonly maxEdits: number;
  readonly provider: ProviderEntry;
}

let known: Known[] | undefined;

/** The include domains of the catalogue (terms and accepted alternatives), with how far a typo of each may be. */
function knownIncludes(): Known[] {
  if (known) return known;
  const out: Known[] = [];
  for (const provider of PROVIDERS) {
    for (const term of [...provider.spf, ...(provider.accepts ?? [])]) {
      if (!term.startsWith('include:')) continue;
      const domain = term.slice('include:'.length).toLowerCase();
      const parsed = parseDomain(domain, { allowPrivateDomains: false });
      if (!parsed.publicSuffix || !parsed.domain || !parsed.domainWithoutSuffix) continue;
      const label = parsed.domainWithoutSuffix.length;
      out.push({ domain, suffix: parsed.publicSuffix, registrable: parsed.domain, maxEdits: label >= 10 ? 2 : label >= 5 ? 1 : 0, provider });
    }
  }
  return (known = out);
}

/** The catalogued include a domain (lower case, no final dot) misspells, if it is one. */
export function misspeltInclude(domain: string): Known | undefined {
  const includes = knownIncludes();
  if (includes.some((k) => k.domain === domain)) return undefined;
  const parsed = parseDomain(domain, { allowPrivateDomains: false });
  if (!parsed.publicSuffix || !parsed.domain) return undefined;
  let best: Known | undefined;
  let bestEdits = Infinity;
  for (const k of includes) {
    if (k.maxEdits === 0 || k.suffix !== parsed.publicSuffix || k.registrable === parsed.domain) continue;
    if (Math.abs(k.domain.length - domain.length) > k.maxEdits) continue;
    const edits = editDistance(domain, k.domain);
    if (edits <= k.maxEdits && edits < bestEdits) {
      best = k;
      bestEdits = edits;
    }
  }
  return best;
}

/** The domain as written, lower case without its final dot; undefined when it holds a macro. */
function plainDomain(spec: MacroString | undefined): string | undefined {
  if (!spec || spec.items.some((i) => i.kind !== 'literal')) return undefined;
  const text = spec.text.toLowerCase();
  return text.endsWith('.') ? text.slice(0, -1) : text;
}

/** What a domain misspells: a catalogued include, or a name of the zone's own domain (then `provider` is absent). */
interface Slip {
  readonly intended: string;
  readonly provider?: ProviderEntry;
}

/** The include a domain misspells: a provider's, else one of the zone's own domain (`_spf.exmaple.jp` in example.jp). */
function slipOf(domain: string, origin: string): Slip | undefined {
  const known = misspeltInclude(domain);
  if (known) return { intended: known.domain, provider: known.provider };
  const own = ownDomainSlip(domain + '.', origin);
  return own === undefined ? undefined : { intended: own.slice(0, -1) };
}

export function checkIncludeTypo(zone: Zone): Problem[] {
  const out: Problem[] = [];
  // The same few domains come back in every record of a large zone.
  const seen = new Map<string, Slip | undefined>();
  for (const rr of recordsOfType(zone.records, TXT).concat(recordsOfType(zone.records, SPF))) {
    const ctx = spfRecordOf(rr);
    if (!ctx) continue;
    for (const t of ctx.spf.terms) {
      const spec = isMechanism(t) && t.name === 'include' ? t.domain : isModifier(t) && t.name === 'redirect' ? t.value : undefined;
      const domain = plainDomain(spec);
      if (domain === undefined || spec === undefined) continue;
      let slip = seen.get(domain);
      if (!seen.has(domain)) seen.set(domain, (slip = slipOf(domain, zone.origin)));
      if (!slip) continue;
      const written = spec.text.endsWith('.') ? spec.text.slice(0, -1) : spec.text;
      const data: SpfReplaceData = { ...termData(ctx, t), replaceSpan: ctx.spf.spanOf(spec.from, spec.from + written.length), replacement: slip.intended };
      const whose: ProblemArgs = slip.provider
        ? { whoseDetail: 'include-typo-provider', provider: slip.provider.names.en, 'provider@ja': slip.provider.names.ja }
        : { whoseDetail: 'include-typo-own', apex: zone.origin.replace(/\.$/, '') };
      out.push(problemAt(ctx, ProviderCodes.includeTypo, { from: spec.from, to: spec.from + written.length }, { written, intended: slip.intended, ...whose }, data));
    }
  }
  return out;
}
