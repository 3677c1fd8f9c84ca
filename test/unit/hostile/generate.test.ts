/**
 * Hostile $GENERATE ranges (issue 10): bounded, diagnosed, no hang.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_GENERATED } from '../../../server/src/zone/generate';
import { parseZoneText, ZONE_LIMITS } from '../../../server/src/zone/index';
import { diagnose, under, withinMs } from './helpers';

test('$GENERATE 0-4294967295 is diagnosed on its range and makes no records', () => {
  const text = '$GENERATE 0-4294967295 host$ A 192.0.2.1\n';
  const { zone, problems } = withinMs(2000, '$GENERATE 0-4294967295', () => diagnose(text));
  assert.deepEqual(under(text, problems, 'zone-generate-range'), [['generate-bad-range', '0-4294967295']]);
  assert.equal(zone.records.length, 0);
});

test('$GENERATE 0-2147483647 (a range BIND takes) is over the limit: diagnosed, not expanded', () => {
  const text = '$GENERATE 0-2147483647 host$ A 192.0.2.1\n';
  const { zone, problems } = withinMs(2000, '$GENERATE 0-2147483647', () => diagnose(text));
  assert.deepEqual(under(text, problems, 'zone-generate-range'), [['generate-too-large', '0-2147483647']]);
  assert.equal(zone.records.length, 0);
});

test('$GENERATE with a step counts the records it would make, not the width of the range', () => {
  const over = `$GENERATE 0-${2 * MAX_GENERATED}/2 h$ A 192.0.2.1`;
  const text = `${over}\n$GENERATE 0-20/2 g$ A 192.0.2.1\n`;
  const { zone, problems } = withinMs(2000, 'stepped $GENERATE', () => diagnose(text));
  assert.deepEqual(under(text, problems, 'zone-generate-range'), [['generate-too-large', `0-${2 * MAX_GENERATED}/2`]]);
  assert.equal(zone.records.length, 11);
});

test('$GENERATE with huge offsets and widths in the template is diagnosed, not formatted', () => {
  const text = '$GENERATE 1-3 h${4294967295,255,x} A 192.0.2.1\n$GENERATE 1-3 h${-4294967296,999999999,d} A 192.0.2.1\n$GENERATE 1-3 h${0,100,x} A 192.0.2.1\n';
  const { zone, problems } = withinMs(2000, '$GENERATE templates', () => diagnose(text));
  assert.deepEqual(under(text, problems, 'zone-syntax'), [
    ['generate-modifier', 'h${4294967295,255,x}'],
    ['generate-modifier', 'h${-4294967296,999999999,d}'],
  ]);
  assert.deepEqual(under(text, problems, 'zone-bad-name'), [['label-too-long', 'h${0,100,x}']]);
  assert.equal(zone.records.length, 0);
});

test('many $GENERATE lines together stay under the per-zone bound', () => {
  // The budget is a parse option so the test stays cheap: 3 directives of 400 against 1000.
  const text = ['a', 'b', 'c'].map((l) => `$GENERATE 0-399 ${l}$ A 192.0.2.1`).join('\n') + '\n';
  const zone = withinMs(10000, 'three $GENERATE lines', () =>
    parseZoneText(text, { origin: 'example.com.', limits: { generatedRecords: 1000 } }),
  );
  assert.equal(zone.records.length, 800);
  const over = zone.problems.filter((p) => p.code === 'zone-generate-range');
  assert.deepEqual(over.map((p) => [text.slice(p.offset, p.offset + p.length), p.args?.detail]), [['0-399', 'generate-zone-budget']]);
  // The default budget is there too: 100 directives of MAX_GENERATED do not all expand.
  assert.ok(ZONE_LIMITS.generatedRecords < 100 * MAX_GENERATED);
});
