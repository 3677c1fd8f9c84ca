/**
 * Diagnostic: spf-permissive-all — RFC 7208 §5.1 with §8.3 and §8.2: `+all` makes
 * every host pass and `?all` gives neutral for every other host; neither protects
 * the domain from spoofing. The fix replaces the term with `~all`. In a record
 * that another record of the zone includes, `?all` only means "no match here"
 * (§5.2) and is not reported; `+all` there still lets every host pass.
 */
import { isMechanism } from '../ast';
import { SpfCodes, type SpfReplaceData } from '../codes';
import { problemAt, soundTerms, termData, type RecordRule } from './context';

export const checkPermissiveAll: RecordRule = (ctx) =>
  soundTerms(ctx.spf).filter(isMechanism).flatMap((t) => {
    if (t.name !== 'all' || t.qualifier === '-' || t.qualifier === '~') return [];
    if (t.qualifier === '?' && ctx.included) return [];
    const data: SpfReplaceData = { ...termData(ctx, t), replaceSpan: ctx.spf.spanOf(t.from, t.to), replacement: '~all' };
    const detail = t.qualifier === '+' ? 'spf-plus-all' : 'spf-neutral-all';
    return [problemAt(ctx, SpfCodes.permissiveAll, t, { term: t.text, detail }, data)];
  });
