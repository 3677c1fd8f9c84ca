/**
 * zone-multiple-soa (RFC 1035 §5.2, RFC 1034 §4.2.1): a zone has exactly one SOA,
 * at its top. BIND rejects a second, different SOA ("multiple RRs of singleton type")
 * and an SOA below the apex ("SOA record not at top of zone"); an identical duplicate
 * merges silently and is not reported.
 */
import type { Problem } from '../../diagnostics/types';
import type { ResourceRecord } from '../ast';
import { ZoneCodes } from '../codes';
import { namesEqual } from '../names';
import { recordsOfType } from './owners';

const SOA = 6;

export function checkMultipleSoa(records: readonly ResourceRecord[]): Problem[] {
  let first: ResourceRecord | undefined;
  const problems: Problem[] = [];
  for (const rr of recordsOfType(records, SOA)) {
    if (first === undefined) {
      first = rr;
      continue;
    }
    if (namesEqual(rr.owner, first.owner) && rr.rdata.canonical === first.rdata.canonical) continue;
    const at = rr.ownerSpan ?? rr.typeSpan;
    const p: Problem = { code: ZoneCodes.multipleSoa.code, offset: at.offset, length: at.length, args: { owner: first.owner } };
    problems.push(rr.file === undefined ? p : { ...p, file: rr.file });
  }
  return problems;
}
