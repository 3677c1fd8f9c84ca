/**
 * Diagnostic: spf-null-mx-sender — RFC 7208 §2.4 with RFC 7505 §4.2: SPF checks the
 * MAIL FROM (envelope sender) domain, where bounces go back to. A name with a null MX
 * takes no mail, and RFC 7505 §4.2 tells receivers to refuse mail whose envelope
 * sender's domain has a null MX (`550 5.7.27`): an SPF record that authorises senders
 * for such a name authorises mail that will be refused. Reported on the null MX's
 * data; a name outside the zone is left to zone-out-of-zone.
 */
import type { Problem } from '../../diagnostics/types';
import { SpfCodes } from '../codes';
import type { OwnerRule } from './context';
import { isSubdomain } from '../../zone/names';
import { rdataSpan } from '../../zone/semantics/context';
import { authorisesSenders, isNullMx } from './nullMx';

export const checkNullMxSender: OwnerRule = (owner) => {
  if (!owner.txtSpf.some((r) => authorisesSenders(r.spf))) return [];
  const out: Problem[] = [];
  for (const rr of owner.rrs) {
    if (!isNullMx(rr) || !isSubdomain(rr.owner, owner.origin)) continue;
    const at = rdataSpan(rr);
    out.push({
      code: SpfCodes.nullMxSender.code,
      offset: at.offset,
      length: at.length,
      args: { owner: owner.owner },
      ...(rr.file ? { file: rr.file } : {}),
    });
  }
  return out;
};
