/**
 * Diagnostic: spf-duplicate-term — RFC 7208 §4.6.2: mechanisms are tried in order
 * and the first match decides, so a mechanism repeated later (same name and
 * argument, whatever its qualifier) can never match and only costs lookups.
 */
import { isMechanism, type Mechanism } from '../ast';
import { SpfCodes } from '../codes';
import { problemAt, soundTerms, termData, type RecordRule } from './context';

/** The mechanism without its qualifier, case-folded: what decides whether it matches. */
export function mechanismKey(m: Mechanism, text: string): string {
  return text.slice(m.namePart.from, m.to).toLowerCase();
}

export const checkDuplicateTerm: RecordRule = (ctx) => {
  const seen = new Set<string>();
  return soundTerms(ctx.spf).filter(isMechanism).flatMap((m) => {
    const key = mechanismKey(m, ctx.spf.text);
    if (!seen.has(key)) {
      seen.add(key);
      return [];
    }
    return [problemAt(ctx, SpfCodes.duplicateTerm, m, { term: m.text }, termData(ctx, m))];
  });
};
