/** What the null-MX rules share. */
import type { ResourceRecord } from '../../zone/ast';
import { isMechanism, isModifier, type SpfRecord } from '../ast';

/**
 * An RFC 7505 null MX: an MX whose exchange is the root (`MX 0 .`). Any preference
 * counts, as mail servers read it; zone-null-mx says when it is not 0. The exchange as
 * parsed, not the token: reading tokens scans the record's line again.
 */
export function isNullMx(rr: ResourceRecord): boolean {
  return rr.type === 'MX' && rr.rdata.fields.exchange === '.';
}

/**
 * Whether an SPF record can let some host pass: a mechanism that matches with `+` (the
 * default qualifier), or a redirect to another record. `v=spf1 -all` and `v=spf1 ~all`
 * authorise nobody.
 */
export function authorisesSenders(spf: SpfRecord): boolean {
  return spf.terms.some((t) => (isMechanism(t) && t.qualifier === '+') || (isModifier(t) && t.name === 'redirect'));
}
