/**
 * Diagnostic: spf-non-ascii — RFC 7208 §4.6.1: terms are built from visible ASCII
 * characters only (macro-literal = %x21-24 / %x26-7E); UTF-8 such as a byte order
 * mark pasted from a word processor makes the record a permerror. A full-width space
 * (typed with a Japanese input method) or an invisible character is named as such.
 */
import { blankFromOctets } from '../../zone/lookalike';
import { SpfCodes } from '../codes';
import { parseErrorProblems, type RecordRule } from './context';

/** A full-width or invisible blank (zone/lookalike.ts) is named, with what to type instead. */
export const checkNonAscii: RecordRule = (ctx) =>
  parseErrorProblems(ctx, SpfCodes.nonAscii, (_error, octets) => {
    const blank = blankFromOctets(octets);
    return { charDetail: blank === undefined ? 'spf-char-other' : blank.kind === 'space' ? 'spf-char-space' : 'spf-char-invisible' };
  });
