/**
 * CAA checks over a zone (RFC 8659, RFC 9495): the records, inside the zone, that a
 * certificate authority cannot read as written. BIND loads them all.
 */
import type { Problem } from '../diagnostics/types';
import type { Zone } from '../zone/ast';
import { recordsOfType } from '../zone/checks/owners';
import { isSubdomain } from '../zone/names';
import { checkBadValue } from './rules/bad-value';
import { checkUnknownTag } from './rules/unknown-tag';

export { CaaCodes, CaaDetails } from './codes';
export { issueValueProblem, iodefValueProblem, CAA_TAGS } from './value';

const CAA = 257;

export function checkCaa(zone: Zone): Problem[] {
  const records = recordsOfType(zone.records, CAA);
  if (records.length === 0) return [];
  const caa = records.filter((r) => isSubdomain(r.owner, zone.origin));
  return [...checkUnknownTag(caa), ...checkBadValue(caa)];
}
