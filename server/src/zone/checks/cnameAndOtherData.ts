/**
 * zone-cname-and-other-data (RFC 1034 §3.6.2, RFC 2181 §10.1): a name with a CNAME
 * has no other data, except the DNSSEC records that sign or deny it (RFC 4035 §2.5:
 * RRSIG, NSEC; and the older SIG, NXT, KEY that BIND still allows).
 */
import type { Problem } from '../../diagnostics/types';
import type { ResourceRecord } from '../ast';
import { ZoneCodes } from '../codes';

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
  for (const rr of records) if (rr.typeCode === CNAME) withCname.add(key(rr.owner));
  if (withCname.size === 0) return [];
  const state = new Map<string, { cname: boolean; other: string | undefined; done: boolean }>();
  const problems: Problem[] = [];
  // Records of one owner come in runs: its key is looked up once per run.
  let lastOwner: string | undefined;
  let k = '';
  let hasCname = false;
  for (const rr of records) {
    if (rr.typeCode !== CNAME && ALLOWED.has(rr.typeCode)) continue;
    if (rr.owner !== lastOwner) {
      lastOwner = rr.owner;
      k = key(rr.owner);
      hasCname = withCname.has(k);
    }
    if (!hasCname) continue;
    let s = state.get(k);
    if (!s) state.set(k, (s = { cname: false, other: undefined, done: false }));
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
