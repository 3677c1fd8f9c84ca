/**
 * zone-duplicate-record — the same RR written twice.
 *
 * RFC 2181 §5 makes an RRset a *set*: two records with the same owner, class, type and
 * RDATA are one record. BIND's `named-checkzone` drops the copy silently (compare
 * `-D` output) and Knot merges it, so the second line a user reads has no effect — and
 * an edit to only one of the two changes nothing. We flag the later copy.
 *
 * RDATA is compared in canonical form (RFC 4034 §6.2): domain names inside RDATA are
 * case-insensitive, other fields (TXT strings, base64 keys) are compared exactly.
 */
import type { Problem } from '../../diagnostics/types';
import type { ResourceRecord } from '../ast';
import { nameKey } from '../names';
import { SemanticsCodes } from './codes';
import { type SemanticContext, problem } from './context';

/** Types whose canonical RDATA holds only names, numbers and mnemonics: safe to fold case. */
const CASE_FOLDED = new Set([
  'A', 'AAAA', 'NS', 'MD', 'MF', 'CNAME', 'SOA', 'MB', 'MG', 'MR', 'PTR', 'MINFO', 'MX', 'RP',
  'AFSDB', 'RT', 'PX', 'KX', 'SRV', 'DNAME', 'NSEC', 'NSAP-PTR',
]);

export function rdataKey(record: ResourceRecord): string {
  const canonical = record.rdata.canonical;
  return CASE_FOLDED.has(record.type) ? canonical.toLowerCase() : canonical;
}

export function checkDuplicateRecords(ctx: SemanticContext): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const r of ctx.records) {
    const key = `${nameKey(r.owner)} ${r.class.toUpperCase()} ${r.typeCode} ${rdataKey(r)}`;
    if (!seen.has(key)) {
      seen.add(key);
      continue;
    }
    out.push(problem(SemanticsCodes.duplicateRecord, r, r.span, { type: r.type }));
  }
  return out;
}
