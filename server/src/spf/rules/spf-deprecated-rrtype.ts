/**
 * Diagnostic: spf-deprecated-rrtype — RFC 7208 §3.1, §14.1: the SPF RR type (99)
 * of RFC 4408 is gone; SPF records are published as TXT only and receivers no
 * longer query type 99. Reported on the type field of every type-99 record.
 */
import type { Problem } from '../../diagnostics/types';
import { SpfCodes } from '../codes';
import type { OwnerRule } from './context';

export const checkDeprecatedRrtype: OwnerRule = (owner) =>
  owner.rrs
    .filter((rr) => rr.type === 'SPF' || rr.typeCode === 99)
    .map(
      (rr): Problem => ({
        code: SpfCodes.deprecatedRrtype.code,
        offset: rr.typeSpan.offset,
        length: rr.typeSpan.length,
        data: { typeSpan: rr.typeSpan },
        ...(rr.file ? { file: rr.file } : {}),
      }),
    );
