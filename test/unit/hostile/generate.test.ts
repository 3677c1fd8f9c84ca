/**
 * Hostile $GENERATE ranges (issue 10): bounded, diagnosed, no hang.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_GENERATED } from '../../../server/src/zone/generate';
import { parseZoneText } from '../../../server/src/zone/index';
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

test('many $GENERATE lines together stay under the per-zone bound', { todo: 'bug: MAX_GENERATED bounds each directive, not the zone; 100 lines of 0-65535 (4 KB) make 6.5 M records and exhaust memory (generate.ts, zone parser owner)' }, () => {
  // Two directives of just over half the limit each: cheap to run, over the limit together.
  const half = MAX_GENERATED / 2;
  const text = `$GENERATE 0-${half} a$ A 192.0.2.1\n$GENERATE 0-${half} b$ A 192.0.2.1\n`;
  const zone = withinMs(10000, 'two $GENERATE lines', () => parseZoneText(text, { origin: 'example.com.' }));
  assert.ok(zone.records.length <= MAX_GENERATED, `${zone.records.length} generated records`);
});
