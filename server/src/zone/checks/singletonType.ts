/**
 * Singleton types (RFC 2181 §10.1 CNAME, RFC 6672 §2.4 DNAME, RFC 9606 §4 RESINFO): a
 * name has at most one record of each. BIND rejects a second, different one anywhere in
 * the zone ("multiple RRs of singleton type"); an identical duplicate merges silently
 * (names compared without case, RESINFO's strings as written). Reported as zone-syntax
 * with the detail `singleton-type`. (SOA: see multipleSoa.ts.)
 */
import type { Problem } from '../../diagnostics/types';
import type { ResourceRecord } from '../ast';
import { ZoneCodes } from '../codes';
import { nameKey } from '../names';
import { recordsOfTypes } from './owners';

const CNAME = 5;
const DNAME = 39;
const RESINFO = 261;

export function checkSingletonTypes(records: readonly ResourceRecord[]): Problem[] {
  const first = new Map<string, ResourceRecord>();
  const problems: Problem[] = [];
  for (const rr of recordsOfTypes(records, [CNAME, DNAME, RESINFO])) {
    const key = `${rr.typeCode} ${nameKey(rr.owner)}`;
    const seen = first.get(key);
    if (seen === undefined) {
      first.set(key, rr);
      continue;
    }
    const same = rr.typeCode === RESINFO ? seen.rdata.canonical === rr.rdata.canonical : nameKey(seen.rdata.canonical) === nameKey(rr.rdata.canonical);
    if (same) continue;
    const at = rr.ownerSpan ?? rr.typeSpan;
    const p: Problem = {
      code: ZoneCodes.syntax.code,
      offset: at.offset,
      length: at.length,
      args: { detail: 'singleton-type', type: rr.type, owner: rr.owner },
    };
    problems.push(rr.file === undefined ? p : { ...p, file: rr.file });
  }
  return problems;
}
