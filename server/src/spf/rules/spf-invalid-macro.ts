/**
 * Diagnostic: spf-invalid-macro — RFC 7208 §7.1: a `%` starts `%{letter…}`, `%%`,
 * `%_` or `%-`; the letters c, r and t are for explanation text only; the number
 * of parts is not zero.
 */
import { SpfCodes } from '../codes';
import { parseErrorProblems, type RecordRule } from './context';

export const checkInvalidMacro: RecordRule = (ctx) =>
  parseErrorProblems(ctx, SpfCodes.invalidMacro, (e, text) => ({ macro: text, detail: e.detail ?? 'spf-macro-letter' }));
