/**
 * Diagnostic: spf-no-all — RFC 7208 §4.7: when no mechanism matches and there is
 * no redirect=, the result is neutral, which tells receivers nothing. Reported on
 * `v=spf1`; the fix appends ` ~all`. Not for a record that another record of the
 * zone includes: there, no match just hands evaluation back to the includer (§5.2).
 */
import { isMechanism, isModifier } from '../ast';
import { SpfCodes, type SpfInsertData } from '../codes';
import { problemAt, type RecordRule } from './context';

export const checkNoAll: RecordRule = (ctx) => {
  const { spf } = ctx;
  if (spf.errors.length > 0 || ctx.included) return [];
  const ends = spf.terms.some((t) => (isMechanism(t) && t.name === 'all') || (isModifier(t) && t.name === 'redirect'));
  if (ends) return [];
  const last = spf.terms[spf.terms.length - 1] ?? spf.version;
  const end = spf.spanOf(last.to - 1, last.to);
  const data: SpfInsertData = { offset: end.offset + end.length, text: ' ~all' };
  return [problemAt(ctx, SpfCodes.noAll, spf.version, {}, data)];
};
