/**
 * Diagnostic: spf-after-all — RFC 7208 §4.6.2, §5.1: mechanisms are evaluated in
 * order and `all` always matches, so mechanisms after it are never reached.
 * Modifiers may stand anywhere (§4.6.3) and are not reported.
 */
import { isMechanism } from '../ast';
import { SpfCodes } from '../codes';
import { problemAt, soundTerms, termData, type RecordRule } from './context';

export const checkAfterAll: RecordRule = (ctx) => {
  const terms = soundTerms(ctx.spf);
  const all = terms.findIndex((t) => isMechanism(t) && t.name === 'all');
  if (all < 0) return [];
  return terms
    .slice(all + 1)
    .filter(isMechanism)
    .map((t) => problemAt(ctx, SpfCodes.afterAll, t, { term: t.text }, termData(ctx, t)));
};
