/**
 * Diagnostic: spf-duplicate-modifier — RFC 7208 §6: redirect= and exp= may each
 * appear at most once; a second one makes check_host() return permerror.
 * Reported on every occurrence after the first.
 */
import { isModifier } from '../ast';
import { SpfCodes } from '../codes';
import { problemAt, soundTerms, termData, type RecordRule } from './context';

export const checkDuplicateModifier: RecordRule = (ctx) => {
  const seen = new Set<string>();
  return soundTerms(ctx.spf).filter(isModifier).flatMap((m) => {
    if (m.name !== 'redirect' && m.name !== 'exp') return [];
    if (!seen.has(m.name)) {
      seen.add(m.name);
      return [];
    }
    return [problemAt(ctx, SpfCodes.duplicateModifier, m, { name: m.name }, termData(ctx, m))];
  });
};
