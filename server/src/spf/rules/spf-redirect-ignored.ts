/**
 * Diagnostic: spf-redirect-ignored — RFC 7208 §6.1: "any redirect modifier MUST be
 * ignored if there is an all mechanism anywhere in the record".
 */
import { isMechanism, isModifier } from '../ast';
import { SpfCodes } from '../codes';
import { problemAt, soundTerms, termData, type RecordRule } from './context';

export const checkRedirectIgnored: RecordRule = (ctx) => {
  if (!soundTerms(ctx.spf).some((t) => isMechanism(t) && t.name === 'all')) return [];
  return soundTerms(ctx.spf)
    .filter((t) => isModifier(t) && t.name === 'redirect')
    .map((t) => problemAt(ctx, SpfCodes.redirectIgnored, t, {}, termData(ctx, t)));
};
