/**
 * Diagnostic: spf-invalid-cidr — RFC 7208 §5.6: ip4-cidr-length is /0 to /32 and
 * ip6-cidr-length /0 to /128, without leading zeros; a and mx take `/N//M`
 * (dual-cidr-length), ip4 and ip6 a single `/N`.
 */
import { SpfCodes } from '../codes';
import { parseErrorProblems, termOf, type RecordRule } from './context';

export const checkInvalidCidr: RecordRule = (ctx) =>
  parseErrorProblems(ctx, SpfCodes.invalidCidr, (e, text) => {
    const term = termOf(ctx, e);
    const ip6 = term?.kind === 'mechanism' && term.cidr6?.from === e.from;
    const ip6Mechanism = term?.kind === 'mechanism' && term.name === 'ip6';
    return { cidr: text, max: ip6 || ip6Mechanism ? 128 : 32 };
  });
