/**
 * zone-duplicate-record — the same RR written twice.
 *
 * RFC 2181 §5 makes an RRset a *set*: two records with the same owner, class, type and
 * RDATA are one record. BIND's `named-checkzone` drops the copy silently (compare
 * `-D` output) and Knot merges it, so the second line a user reads has no effect — and
 * an edit to only one of the two changes nothing. We flag the later copy.
 *
 * RDATA is compared in canonical form (RFC 4034 §6.2, see recordKey): domain names
 * inside RDATA are case-insensitive, other fields (TXT strings, base64 keys) exact.
 */
import type { Problem } from '../../diagnostics/types';
import { SemanticsCodes } from './codes';
import { type SemanticContext, problem } from './context';

export function checkDuplicateRecords(ctx: SemanticContext): Problem[] {
  if (ctx.duplicates.size === 0) return [];
  const out: Problem[] = [];
  for (const r of ctx.all) {
    if (ctx.duplicates.has(r)) out.push(problem(SemanticsCodes.duplicateRecord, r, r.span, { type: r.type }));
  }
  return out;
}
