/**
 * zone-out-of-zone (RFC 1034 §4.2.1): a zone holds the names at and below its origin.
 * BIND ignores anything else with "ignoring out-of-zone data".
 */
import type { Problem } from '../../diagnostics/types';
import type { ResourceRecord } from '../ast';
import { ZoneCodes } from '../codes';
import { inZone } from '../printer';

export function checkOutOfZone(records: readonly ResourceRecord[], origin: string): Problem[] {
  if (origin === '.') return [];
  const problems: Problem[] = [];
  for (const rr of records) {
    if (inZone(rr, origin)) continue;
    const at = rr.ownerSpan ?? rr.typeSpan;
    const p: Problem = { code: ZoneCodes.outOfZone.code, offset: at.offset, length: at.length, args: { owner: rr.owner, origin } };
    problems.push(rr.file === undefined ? p : { ...p, file: rr.file });
  }
  return problems;
}
