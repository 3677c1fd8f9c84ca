/**
 * What an SPF fix works on: the record under a problem, its parsed SPF text with
 * octet positions, and the term at the problem.
 */
import type { ResourceRecord, Zone } from '../zone/ast';
import { isMechanism, isModifier, type SpfRecord, type Term } from '../spf/ast';
import { spfRecordOf } from '../spf/check';
import { recordAt } from './records';

export interface SpfTarget {
  readonly rr: ResourceRecord;
  readonly spf: SpfRecord;
}

/** The SPF record (TXT or type SPF) of the document whose span holds `offset`. */
export function spfAt(zone: Zone, offset: number): SpfTarget | undefined {
  const rr = recordAt(zone, offset);
  const ctx = rr && spfRecordOf(rr);
  return ctx ? { rr: ctx.rr, spf: ctx.spf } : undefined;
}

/** The term whose source span holds `offset` (start inclusive, end exclusive). */
export function termAt(target: SpfTarget, offset: number): Term | undefined {
  return target.spf.terms.find((t) => {
    const span = target.spf.spanOf(t.from, t.to);
    return span.offset <= offset && offset < span.offset + span.length;
  });
}

/** Where new sending terms go: before `all` or `redirect=`, else at the end. */
export function insertionPoint(spf: SpfRecord): { at: number; before: boolean } {
  const end = spf.terms.find((t) => (isMechanism(t) && t.name === 'all') || (isModifier(t) && t.name === 'redirect'));
  if (end) return { at: end.from, before: true };
  const last = spf.terms[spf.terms.length - 1] ?? spf.version;
  return { at: last.to, before: false };
}

/** The joined text with the terms inserted where new sending terms go. */
export function withTerms(spf: SpfRecord, terms: readonly string[]): { from: number; insert: string } {
  const { at, before } = insertionPoint(spf);
  const joined = terms.join(' ');
  return before ? { from: at, insert: joined + ' ' } : { from: at, insert: ' ' + joined };
}

/** The octets a deletion of term `t` removes: the term and the space before it. */
export function withoutTerm(t: Term): { from: number; to: number } {
  return { from: Math.max(0, t.from - 1), to: t.to };
}
