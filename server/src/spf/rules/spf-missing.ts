/**
 * Diagnostic: spf-missing — RFC 7208 §2.1, §4.5: a name that receives mail (has MX
 * records) and publishes no SPF record gets `none` for every sender, so nothing
 * stops others from using it in MAIL FROM. Reported on the type field of the
 * owner's first MX record (the owner itself may be inherited, or `@`); not for a null MX
 * (RFC 7505: the name takes no mail) nor for a name outside the zone, nor where a record
 * meant as SPF is malformed (spf-malformed-version says so; a fix here would add a second).
 */
import type { Problem } from '../../diagnostics/types';
import { SpfCodes } from '../codes';
import type { OwnerRule } from './context';
import { isMalformedSpf } from './spf-malformed-version';
import { isSubdomain } from '../../zone/names';

export const checkMissing: OwnerRule = (owner) => {
  // A record meant as SPF but malformed is spf-malformed-version's (a second one would follow the fix).
  if (owner.txtSpf.length > 0 || owner.rrs.some(isMalformedSpf)) return [];
  // RFC 7505 null MX (`MX 0 .`): the name takes no mail. The exchange as parsed.
  const mx = owner.rrs.find((rr) => rr.type === 'MX' && rr.rdata.fields.exchange !== '.');
  // A name outside the zone is data servers ignore (zone-out-of-zone says so).
  if (!mx || !isSubdomain(mx.owner, owner.origin)) return [];
  const at = mx.typeSpan;
  const last = owner.rrs[owner.rrs.length - 1];
  const problem: Problem = {
    code: SpfCodes.missing.code,
    offset: at.offset,
    length: at.length,
    args: { owner: owner.owner },
    data: { owner: owner.owner, insertOffset: last.span.offset + last.span.length },
    ...(mx.file ? { file: mx.file } : {}),
  };
  return [problem];
};
