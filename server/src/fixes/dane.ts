/**
 * tlsa-not-mx-host: the TLSA records of `_25._tcp.<mail domain>` moved to
 * `_25._tcp.<MX host>`, the name sending servers look up (RFC 7672 §2.2.3). Offered when the
 * MX names one host of the zone that has no TLSA records yet, and every record of the
 * misplaced name is a TLSA record of this file (no other data moves with them). A record
 * written without an owner takes it from one of these (the one before it, or the one before
 * an `$INCLUDE`, whose owner BIND restores after it) and follows it; the others get the new
 * owner written, as an absolute name (what `$ORIGIN` is in effect does not matter then).
 */
import { nameKey } from '../zone/names';
import type { NotMxHostData } from '../dane/rules/notMxHost';
import type { DomainFix, FixInput, TextEditOffsets } from './types';

const TLSA = 52;

export function fixTlsaNotMxHost({ zone, problem }: FixInput): DomainFix[] {
  const data = problem.data as Partial<NotMxHostData> | undefined;
  const owner = data?.owner;
  const moveTo = data?.moveTo;
  if (typeof owner !== 'string' || typeof moveTo !== 'string' || !moveTo.endsWith('.')) return [];
  const target = nameKey(moveTo);
  const edits: TextEditOffsets[] = [];
  let atProblem = false;
  for (const r of zone.records) {
    const key = nameKey(r.owner);
    if (key === target && r.typeCode === TLSA) return [];
    if (key === owner) {
      if (r.typeCode !== TLSA || r.file !== undefined || r.generated) return [];
      if (r.ownerSpan) {
        edits.push({ offset: r.ownerSpan.offset, length: r.ownerSpan.length, newText: moveTo });
        if (r.ownerSpan.offset === problem.offset) atProblem = true;
      }
    }
  }
  if (!atProblem || edits.length === 0) return [];
  const shown = moveTo.slice(0, -1);
  return [
    {
      title: { en: `Move the TLSA records to ${shown}`, ja: `TLSA レコードを ${shown} に移す` },
      kind: 'quickfix',
      edits,
      preferred: true,
    },
  ];
}
