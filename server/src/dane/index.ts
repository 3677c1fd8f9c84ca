/**
 * DANE checks over a zone (RFC 6698, RFC 7671; RFC 7672 for SMTP): the TLSA records, inside
 * the zone, that a TLS client cannot use as written or never looks up. BIND loads them all.
 */
import type { Problem } from '../diagnostics/types';
import type { Zone } from '../zone/ast';
import { recordsOfType } from '../zone/checks/owners';
import { isSubdomain } from '../zone/names';
import { checkData } from './rules/data';
import { checkMisplaced } from './rules/misplaced';
import { checkNotMxHost } from './rules/notMxHost';
import { checkUnusable } from './rules/unusable';

export { DaneCodes, DaneDetails } from './codes';

const TLSA = 52;

export function checkDane(zone: Zone): Problem[] {
  const records = recordsOfType(zone.records, TLSA);
  if (records.length === 0) return [];
  const tlsa = records.filter((r) => isSubdomain(r.owner, zone.origin));
  return [...checkData(tlsa), ...checkUnusable(tlsa), ...checkMisplaced(tlsa), ...checkNotMxHost(tlsa, zone.records, zone.origin)];
}
