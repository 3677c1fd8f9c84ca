/**
 * MD and MF (RFC 973 made them obsolete in favour of MX; RFC 1035 §3.3.4–3.3.5): BIND 9.18
 * refuses them in a zone file ("type 'MD': obsolete"). Reported as zone-unknown-type,
 * whose message says the type is unusable in zone files.
 */
import type { Problem } from '../../diagnostics/types';
import type { ResourceRecord } from '../ast';
import { ZoneCodes } from '../codes';
import { recordsOfTypes } from './owners';

/** MD and MF (isObsoleteType). */
const OBSOLETE = [3, 4];

export function checkObsoleteTypes(records: readonly ResourceRecord[]): Problem[] {
  const problems: Problem[] = [];
  for (const rr of recordsOfTypes(records, OBSOLETE)) {
    const p: Problem = { code: ZoneCodes.unknownType.code, offset: rr.typeSpan.offset, length: rr.typeSpan.length, args: { type: rr.type } };
    problems.push(rr.file === undefined ? p : { ...p, file: rr.file });
  }
  return problems;
}
