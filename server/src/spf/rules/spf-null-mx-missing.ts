/**
 * Diagnostic: spf-null-mx-missing — RFC 7208 §8.4 with RFC 7505 §4: a name whose only MX
 * is the null MX (`MX 0 .`) takes no mail, and usually sends none either (a parked
 * domain); without an SPF record every sender gets `none` for it, so mail forged in its
 * name is not refused. `v=spf1 -all` makes every sender `fail` (M3AAWG's advice for
 * parked domains). Reported on the type field of the null MX; a name outside the zone is
 * left to zone-out-of-zone, and a name with other MX records to spf-missing.
 */
import type { Problem } from '../../diagnostics/types';
import { SpfCodes } from '../codes';
import type { OwnerRule } from './context';
import { isMalformedSpf } from './spf-malformed-version';
import { isSubdomain } from '../../zone/names';
import { isNullMx } from './nullMx';

export const checkNullMxMissing: OwnerRule = (owner) => {
  if (owner.txtSpf.length > 0 || owner.rrs.some(isMalformedSpf)) return [];
  let nullMx;
  for (const rr of owner.rrs) {
    if (rr.type !== 'MX') continue;
    if (!isNullMx(rr)) return [];
    nullMx ??= rr;
  }
  if (!nullMx || !isSubdomain(nullMx.owner, owner.origin)) return [];
  const problem: Problem = {
    code: SpfCodes.nullMxMissing.code,
    offset: nullMx.typeSpan.offset,
    length: nullMx.typeSpan.length,
    args: { owner: owner.owner },
    data: { owner: owner.owner },
    ...(nullMx.file ? { file: nullMx.file } : {}),
  };
  return [problem];
};
