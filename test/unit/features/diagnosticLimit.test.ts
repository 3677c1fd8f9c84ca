/** The maxPerFile selection's helpers and choice (test/lsp/limit.test.ts drives it over LSP). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nthSmallest, selectProblems } from '../../../server/src/features/diagnosticLimit';
import type { Problem } from '../../../server/src/diagnostics/types';

test('nthSmallest is the k-th value of the sorted list, for any values (duplicates, sorted and reversed runs)', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: -5, max: 50 }), { minLength: 1, maxLength: 400 }), fc.nat(), fc.constantFrom('as is', 'sorted', 'reversed'), (xs, k0, order) => {
      const values = order === 'as is' ? xs : [...xs].sort((a, b) => (order === 'sorted' ? a - b : b - a));
      const k = k0 % values.length;
      return nthSmallest(Float64Array.from(values), k) === [...values].sort((a, b) => a - b)[k];
    }),
    { numRuns: 5000 },
  );
});

test('selectProblems keeps the problems near the edit, then by severity, then the first in document order of the bucket cut', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ offset: fc.nat({ max: 2000 }), length: fc.integer({ min: 1, max: 5 }), code: fc.constantFrom('zone-syntax', 'zone-ttl-mismatch', 'dmarc-missing', 'dkim-missing') }), { maxLength: 300 }),
      fc.integer({ min: 2, max: 60 }),
      fc.nat({ max: 2000 }),
      (specs, max, at) => {
        const problems: Problem[] = specs.map((s) => ({ ...s }));
        const focus = { start: at, end: at + 100 };
        const selection = selectProblems(problems, max, {}, focus);
        // The reference: distinct problems ranked by (near, severity, offset), the first max - 1.
        const rank = { 'zone-syntax': 0, 'zone-ttl-mismatch': 1, 'dmarc-missing': 1, 'dkim-missing': 2 } as const;
        const seen = new Set<string>();
        const distinct = problems.filter((p) => {
          const id = `${p.offset}:${p.length}:${p.code}`;
          return seen.has(id) ? false : (seen.add(id), true);
        });
        if (distinct.length <= max) return selection === undefined;
        const key = (p: Problem) => (p.offset + p.length >= focus.start && p.offset <= focus.end ? 0 : 4) + rank[p.code as keyof typeof rank];
        const ranked = [...distinct].sort((a, b) => key(a) - key(b) || a.offset - b.offset);
        const want = ranked.slice(0, max - 1);
        const cut = want[want.length - 1];
        assert.ok(selection);
        assert.equal(selection.chosen.length, max - 1);
        assert.equal(selection.left, distinct.length - (max - 1));
        // Equal keys at the cut may be chosen either way: compare what is strictly before it.
        const before = (p: Problem) => key(p) < key(cut) || (key(p) === key(cut) && p.offset < cut.offset);
        const chosen = new Set(selection.chosen);
        for (const p of want) if (before(p)) assert.ok(chosen.has(p), `${p.code}@${p.offset} is chosen`);
        for (const p of selection.chosen) assert.ok(key(p) < key(cut) || (key(p) === key(cut) && p.offset <= cut.offset), `${p.code}@${p.offset} is not past the cut`);
        return true;
      },
    ),
    { numRuns: 1500 },
  );
});
