/**
 * Diagnostic: spf-non-ascii — RFC 7208 §4.6.1: terms are built from visible ASCII
 * characters only (macro-literal = %x21-24 / %x26-7E); UTF-8 such as a byte order
 * mark pasted from a word processor makes the record a permerror. A full-width space
 * (typed with a Japanese input method) or an invisible character is named as such, and
 * full-width letters and signs from the same input method (`ｉｎｃｌｕｄｅ`, `～all`) with
 * the ASCII they stand for.
 */
import { blankFromOctets, halfWidthFromOctets } from '../../zone/lookalike';
import type { ProblemArgs } from '../../diagnostics/types';
import { SpfCodes } from '../codes';
import { parseErrorProblems, type RecordRule } from './context';

/** A full-width or invisible blank (zone/lookalike.ts) is named, with what to type instead. */
export const checkNonAscii: RecordRule = (ctx) =>
  parseErrorProblems(ctx, SpfCodes.nonAscii, (_error, octets): ProblemArgs => {
    const halfWidth = halfWidthFromOctets(octets);
    if (halfWidth !== undefined) return { charDetail: 'spf-char-fullwidth', ascii: halfWidth };
    const blank = blankFromOctets(octets);
    return { charDetail: blank === undefined ? 'spf-char-other' : blank.kind === 'space' ? 'spf-char-space' : 'spf-char-invisible' };
  });
