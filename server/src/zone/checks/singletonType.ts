/**
 * Singleton types (RFC 2181 §10.1 CNAME, RFC 6672 §2.4 DNAME): a name has at most one
 * CNAME and one DNAME record. BIND rejects a second, different one anywhere in the zone
 * ("multiple RRs of singleton type"); an identical duplicate merges silently. Reported
 * as zone-syntax with the detail `singleton-type`. (SOA: see multipleSoa.ts.)
 */
import type { Problem } from '../../diagnostics/types';
import type { ResourceRecord } from '../ast';
import { ZoneCodes } from '../codes';
import { nameKey } from '../names';
import { recordsOfTypes } from './owners';

const CNAME = 5;
const DNAME = 39;

export function checkSingletonTypes(records: readonly ResourceRecord[]): Problem[] {
  const first = new Map<string, ResourceRecord>();
  const problems: Problem[] = [];
  for (const rr of recordsOfTypes(records, [CNAME, DNAME])) {
    const key = `${rr.typeCode} ${nameKey(rr.owner)}`;
    const seen = first.get(key);
    if (seen === undefined) {
      first.set(key, rr);
      continue;
    }
    if (nameKey(seen.rdata.canonical) === nameKey(rr.rdata.canonical)) continue;
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
