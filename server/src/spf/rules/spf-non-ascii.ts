/**
 * Diagnostic: spf-non-ascii — RFC 7208 §4.6.1: terms are built from visible ASCII
 * characters only (macro-literal = %x21-24 / %x26-7E); UTF-8 such as a byte order
 * mark pasted from a word processor makes the record a permerror.
 */
import { SpfCodes } from '../codes';
import { parseErrorProblems, type RecordRule } from './context';

export const checkNonAscii: RecordRule = (ctx) => parseErrorProblems(ctx, SpfCodes.nonAscii, () => ({}));
