/**
 * Fixes never throw: any code, any offset, junk or missing data, on odd zone texts.
 * Every edit they return lies inside the text, and the edits do not overlap.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FIXABLE_CODES, fixesFor, refactorsAt, spfCompletions } from '../../../server/src/fixes/index';
import { HEAD, parse } from './helpers';

const LINES = [
  '@ TXT "v=spf1 mx -all"',
  '@ TXT "v=spf1 ptr ?all ip4:192.0.2.1" "  include:x"',
  '@ MX 10 aspmx.l.google.com.',
  '@ SPF "v=spf1 +all"',
  '_dmarc TXT "v=DMARC1; p=none"',
  'www A 192.0.2.1',
  '    AAAA 2001:db8::1',
  't TXT ( "v=spf1 a"\n   " mx" ) ; c',
  't TXT "v=spf1 \\"\\065 %{x}"',
  '$ORIGIN sub.example.com.',
  '$TTL 60',
  '"unterminated',
  'x TXT "' + 'k'.repeat(300) + '"',
];

const text = fc.array(fc.constantFrom(...LINES), { maxLength: 8 }).map((lines) => HEAD + lines.join('\n') + '\n');
const junk = fc.oneof(fc.constant(undefined), fc.constant(null), fc.constant({}), fc.record({ replacement: fc.string(), owner: fc.string(), terms: fc.array(fc.string()), provider: fc.constantFrom('google-workspace', 'nope'), replaceSpan: fc.record({ offset: fc.integer({ min: -5, max: 2000 }), length: fc.integer({ min: -5, max: 50 }) }), tree: fc.constant({ children: [] }) }));

function assertEditsSound(t: string, edits: readonly { offset: number; length: number; newText: string }[]) {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  for (const e of sorted) assert.ok(e.offset >= 0 && e.length >= 0 && e.offset + e.length <= t.length, JSON.stringify(e));
  for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i - 1].offset + sorted[i - 1].length <= sorted[i].offset);
}

test('fixesFor never throws and returns sound edits', () => {
  fc.assert(
    fc.property(text, fc.constantFrom(...FIXABLE_CODES), fc.nat(3000), fc.nat(40), junk, fc.dictionary(fc.constantFrom('detail', 'ttl', 'tag'), fc.oneof(fc.string(), fc.integer())), (t, code, at, length, data, args) => {
      const zone = parse(t);
      const problem = { code, offset: at % (t.length + 1), length, data, args };
      for (const fix of fixesFor({ text: t, zone, problem })) assertEditsSound(t, fix.edits);
    }),
    { numRuns: 400 },
  );
});

test('refactors and completions never throw at any offset', () => {
  fc.assert(
    fc.property(text, (t) => {
      const zone = parse(t);
      for (let at = HEAD.length; at <= t.length; at += 3) {
        for (const fix of refactorsAt(t, zone, at)) assertEditsSound(t, fix.edits);
        for (const item of spfCompletions(t, zone, at)) assert.ok(item.range.offset + item.range.length <= t.length);
      }
    }),
    { numRuns: 60 },
  );
});
