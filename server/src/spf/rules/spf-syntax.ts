/**
 * Diagnostic: spf-syntax — RFC 7208 §4.6.1 (record and term ABNF), §5 (mechanism
 * arguments), §6 (modifier values: redirect= and exp= take a domain-spec).
 * A record with any syntax error is a permerror for every receiver (§4.6).
 */
import { SpfCodes } from '../codes';
import { parseErrorProblems, type RecordRule } from './context';

export const checkSyntax: RecordRule = (ctx) =>
  parseErrorProblems(ctx, SpfCodes.syntax, (e) => ({ detail: e.detail ?? 'spf-version' }));
