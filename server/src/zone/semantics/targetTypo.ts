/**
 * zone-target-typo — a target (MX, NS, SRV, CNAME) outside the zone whose domain is one
 * letter off the zone's own: `MX 10 mail.exmaple.jp.` in the example.jp zone, `CNAME
 * exampel.jp.`. Written with its final dot the name is absolute, so the slip gives a name of
 * another domain: lookups go there (nowhere, or to whoever registers it), mail is not
 * delivered, and BIND loads it without a word. RFC 1035 §5.1 (an absolute name is taken as
 * written).
 *
 * Only where a slip is the likely reading: the same public suffix (tldts, ICANN section), a
 * registrable label of 6 letters or more one edit away (a swap of two neighbours is one), and
 * not a difference in digits only (`example2.jp` beside `example.jp` is a sibling's domain).
 * The fix writes the zone's own domain in its place.
 */
import { parse as parseDomain } from 'tldts';
import type { Problem } from '../../diagnostics/types';
import { editDistance } from '../../distance';
import { isSubdomain } from '../names';
import { SemanticsCodes } from './codes';
import { type SemanticContext, problem } from './context';
import { CNAME_TARGET, MX_TARGET, NS_TARGET, SRV_TARGET, targetsOf } from './targets';

const MIN_LABEL = 6;

/** What the fix reads: the name as written, and the name to write. */
export interface TargetTypoData {
  readonly written: string;
  readonly replacement: string;
}

/** The registrable domain and public suffix of an absolute name (lower case, no final dot). */
export function registrable(name: string): { domain: string; suffix: string; label: string } | undefined {
  const parsed = parseDomain(name.replace(/\.$/, '').toLowerCase(), { allowPrivateDomains: false });
  return parsed.domain && parsed.publicSuffix && parsed.domainWithoutSuffix ? { domain: parsed.domain, suffix: parsed.publicSuffix, label: parsed.domainWithoutSuffix } : undefined;
}

/** The target with the zone's registrable domain in place of its own, when its own is one letter off. */
export function ownDomainSlip(target: string, apex: string): string | undefined {
  const own = registrable(apex);
  if (!own || own.label.length < MIN_LABEL) return undefined;
  return slipFor(target, own);
}

/** `target` with `own`'s registrable domain in place of its own, when its own is one edit off (not in digits only). */
export function slipFor(target: string, own: { domain: string; suffix: string; label: string }): string | undefined {
  const lower = target.toLowerCase();
  // Cheap tests first: the same suffix, about the same length.
  if (!lower.endsWith(`.${own.suffix}.`)) return undefined;
  const theirs = registrable(lower);
  if (!theirs || theirs.suffix !== own.suffix) return undefined;
  if (Math.abs(theirs.label.length - own.label.length) > 1 || editDistance(theirs.label, own.label) !== 1) return undefined;
  if (theirs.label.replace(/[0-9]/g, '') === own.label.replace(/[0-9]/g, '')) return undefined;
  return target.slice(0, target.length - theirs.domain.length - 1) + own.domain + '.';
}

export function checkTargetTypo(ctx: SemanticContext): Problem[] {
  const own = registrable(ctx.apex);
  if (!own || own.label.length < MIN_LABEL) return [];
  const out: Problem[] = [];
  // The same few outside names come back in many records.
  const seen = new Map<string, string | undefined>();
  for (const kind of [MX_TARGET, NS_TARGET, SRV_TARGET, CNAME_TARGET]) {
    for (const t of targetsOf(ctx.records, kind)) {
      if (t.name === '.' || isSubdomain(t.name, ctx.apex)) continue;
      let intended = seen.get(t.name);
      if (!seen.has(t.name)) seen.set(t.name, (intended = slipFor(t.name, own)));
      if (intended === undefined) continue;
      const token = t.token;
      const p = problem(SemanticsCodes.targetTypo, t.record, token ?? t.record.span, {
        written: token?.text ?? t.name,
        intended: intended.slice(0, -1),
        whoseDetail: 'target-typo-own',
        apex: ctx.apex.replace(/\.$/, ''),
      });
      const data: TargetTypoData | undefined = token && !token.quoted ? { written: token.text, replacement: intended } : undefined;
      out.push(data ? { ...p, data } : p);
    }
  }
  return out;
}
