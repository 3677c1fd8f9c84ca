/**
 * Diagnostic: spf-invalid-ip — RFC 7208 §5.6: ip4-network is a dotted quad without
 * leading zeros or missing parts, ip6-network an RFC 4291 address.
 */
import { SpfCodes } from '../codes';
import { parseErrorProblems, termOf, type RecordRule } from './context';

export const checkInvalidIp: RecordRule = (ctx) =>
  parseErrorProblems(ctx, SpfCodes.invalidIp, (e, text) => {
    const term = termOf(ctx, e);
    const v6 = term?.kind === 'mechanism' && term.name === 'ip6';
    return { address: text, family: v6 ? 'IPv6' : 'IPv4' };
  });
