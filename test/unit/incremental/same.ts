/**
 * What "the same as checking the whole text" means for an incremental zone: its problems,
 * records, parse problems, directives and comments equal those of parseZoneText and
 * analyzeSync on the text (problems as multisets).
 */
import assert from 'node:assert/strict';
import { analyzeSync } from '../../../server/src/analysis';
import type { Problem } from '../../../server/src/diagnostics/types';
import type { IncrementalZone } from '../../../server/src/incremental/zone';
import { parseZoneText } from '../../../server/src/zone/index';
import type { Zone } from '../../../server/src/zone/ast';

export const SAME_NOW = new Date('2026-11-24T00:00:00Z');
export const SAME_OPTIONS = { origin: 'example.com.' };

function key(p: Problem): string {
  return JSON.stringify([p.code, p.file ?? '', p.offset, p.length, p.severity ?? '', p.args ?? {}, p.data ?? null]);
}

export function sortedKeys(ps: readonly Problem[]): string[] {
  return ps.map(key).sort();
}

export function recordKeys(zone: Zone): string[] {
  return zone.records.map((r) =>
    JSON.stringify([r.owner, r.type, r.ttl, r.class, r.span, r.ownerSpan ?? null, r.typeSpan, r.rdata.canonical, r.rdata.strings ?? null, r.tokens]),
  );
}

export function expectSame(inc: IncrementalZone, text: string, context: string): void {
  const full = parseZoneText(text, SAME_OPTIONS);
  const expected = analyzeSync(full, { now: SAME_NOW });
  assert.deepEqual(sortedKeys(inc.allProblems()), sortedKeys(expected), `problems differ: ${context}`);
  const zone = inc.zone();
  assert.deepEqual(recordKeys(zone), recordKeys(full), `records differ: ${context}`);
  assert.deepEqual(sortedKeys(zone.problems), sortedKeys(full.problems), `zone.problems differ: ${context}`);
  assert.deepEqual(
    zone.directives.map((d) => [d.name, d.span, d.args.map((a) => [a.text, a.offset])]),
    full.directives.map((d) => [d.name, d.span, d.args.map((a) => [a.text, a.offset])]),
    `directives differ: ${context}`,
  );
  assert.deepEqual(zone.comments, full.comments, `comments differ: ${context}`);
}

/**
 * The seeds of the random-edit property tests: INCREMENTAL_SEEDS of them (60 unless set,
 * times `share`), from INCREMENTAL_FIRST_SEED (1 unless set), so a long soak can go on
 * past the seeds an earlier one ran: `INCREMENTAL_FIRST_SEED=2001 INCREMENTAL_SEEDS=2000`.
 */
export function seedRange(share = 1): number[] {
  const count = Math.floor(Number(process.env.INCREMENTAL_SEEDS ?? 60) * share);
  const first = Number(process.env.INCREMENTAL_FIRST_SEED ?? 1);
  return Array.from({ length: count }, (_, i) => first + i);
}
