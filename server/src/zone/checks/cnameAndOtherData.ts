/**
 * zone-cname-and-other-data (RFC 1034 §3.6.2, RFC 2181 §10.1): a name with a CNAME
 * has no other data, except the DNSSEC records that sign or deny it (RFC 4035 §2.5:
 * RRSIG, NSEC; and the older SIG, NXT, KEY that BIND still allows).
 */
import type { Problem } from '../../diagnostics/types';
import type { ResourceRecord } from '../ast';
import { ZoneCodes } from '../codes';
import { nameKey } from '../names';

const CNAME = 5;
/** Types that may share a name with a CNAME. */
const ALLOWED = new Set([24 /* SIG */, 25 /* KEY */, 30 /* NXT */, 46 /* RRSIG */, 47 /* NSEC */]);

/** One problem per name, on the record that makes the conflict (as BIND reports it). */
export function checkCnameAndOtherData(records: readonly ResourceRecord[]): Problem[] {
  const withCname = new Set<string>();
  for (const rr of records) if (rr.typeCode === CNAME) withCname.add(nameKey(rr.owner));
  if (withCname.size === 0) return [];
  const state = new Map<string, { cname: boolean; other: string | undefined; done: boolean }>();
  const problems: Problem[] = [];
  for (const rr of records) {
    if (rr.typeCode !== CNAME && ALLOWED.has(rr.typeCode)) continue;
    const key = nameKey(rr.owner);
    if (!withCname.has(key)) continue;
    let s = state.get(key);
    if (!s) state.set(key, (s = { cname: false, other: undefined, done: false }));
    if (s.done) continue;
    if (rr.typeCode === CNAME) s.cname = true;
    else s.other ??= rr.type;
    if (s.cname && s.other !== undefined) {
      s.done = true;
      const at = rr.ownerSpan ?? rr.typeSpan;
      const p: Problem = {
        code: ZoneCodes.cnameAndOtherData.code,
        offset: at.offset,
        length: at.length,
        args: { owner: rr.owner, type: s.other },
      };
      problems.push(rr.file === undefined ? p : { ...p, file: rr.file });
    }
  }
  return problems;
}
