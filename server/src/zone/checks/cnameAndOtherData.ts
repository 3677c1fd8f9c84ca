/**
 * zone-cname-and-other-data (RFC 1034 §3.6.2, RFC 2181 §10.1): a name with a CNAME
 * has no other data, except the DNSSEC records that sign or deny it (RFC 4035 §2.5:
 * RRSIG, NSEC; and the older SIG, NXT, KEY that BIND still allows).
 */
import type { Problem } from '../../diagnostics/types';
import type { ResourceRecord } from '../ast';
import { ZoneCodes } from '../codes';
import { ownerGroups, recordsOfType } from './owners';

const CNAME = 5;
/** Types that may share a name with a CNAME. */
const ALLOWED = new Set([24 /* SIG */, 25 /* KEY */, 30 /* NXT */, 46 /* RRSIG */, 47 /* NSEC */]);

/** The comparison key: lower-cased only when needed (most names already are). */
function key(owner: string): string {
  for (let i = 0; i < owner.length; i++) {
    const c = owner.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) return owner.toLowerCase();
  }
  return owner;
}

/** One problem per name, on the record that makes the conflict (as BIND reports it). */
export function checkCnameAndOtherData(records: readonly ResourceRecord[]): Problem[] {
  const withCname = new Set<string>();
  for (const rr of recordsOfType(records, CNAME)) withCname.add(key(rr.owner));
  if (withCname.size === 0) return [];
  // Each name's records in zone order come from the owner groups the later checks share;
  // the record that completes a conflict, with the other type it met, by record.
  const groups = ownerGroups(records);
  const conflicts = new Map<ResourceRecord, string>();
  for (const k of withCname) {
    let cname = false;
    let other: string | undefined;
    for (const rr of groups.get(k) ?? []) {
      if (rr.typeCode !== CNAME && ALLOWED.has(rr.typeCode)) continue;
      if (rr.typeCode === CNAME) cname = true;
      else other ??= rr.type;
      if (cname && other !== undefined) {
        conflicts.set(rr, other);
        break;
      }
    }
  }
  if (conflicts.size === 0) return [];
  const problems: Problem[] = [];
  for (const rr of records) {
    const other = conflicts.get(rr);
    if (other === undefined) continue;
    const at = rr.ownerSpan ?? rr.typeSpan;
    const p: Problem = {
      code: ZoneCodes.cnameAndOtherData.code,
      offset: at.offset,
      length: at.length,
      args: { owner: rr.owner, type: other },
    };
    problems.push(rr.file === undefined ? p : { ...p, file: rr.file });
  }
  return problems;
}
