/**
 * The TTL each RRset is printed with, as named-checkzone -D printed it for these zones
 * (BIND 9.18; cases found by the differential test, test/unit/zone/differential.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseZoneText, printZone } from '../../../server/src/zone/index';

const HEAD = '$TTL 1\n@ SOA ns h 1 2 3 4 5\n@ NS ns\nns A 1.2.3.4\n';

function ttls(body: string, files: Record<string, string> = {}): string[] {
  const zone = parseZoneText(HEAD + body, {
    origin: 'example.',
    path: '/virtual/z.db',
    readFile: (p) => files[p.replace('/virtual/', '')],
  });
  return printZone(zone)
    .split('\n')
    .filter((l) => /^[xX]\./.test(l))
    .map((l) => l.split(' ').slice(1, 2).concat(l.split(' ').slice(-1)).join(' '));
}

test('within a batch of one owner the first TTL wins; a later batch replaces it', () => {
  assert.deepEqual(ttls('x 100 A 1.1.1.1\nx 200 A 2.2.2.2\n'), ['100 1.1.1.1', '100 2.2.2.2']);
  assert.deepEqual(ttls('x 100 A 1.1.1.1\ny A 1.1.1.1\nx 50 A 2.2.2.2\n'), ['50 1.1.1.1', '50 2.2.2.2']);
  assert.deepEqual(ttls('x 50 A 1.1.1.1\ny A 1.1.1.1\nx 100 A 2.2.2.2\n'), ['100 1.1.1.1', '100 2.2.2.2']);
});

test('the owner is compared case-sensitively: x then X are two batches', () => {
  assert.deepEqual(ttls('x 100 A 1.1.1.1\nX 200 A 2.2.2.2\n'), ['200 1.1.1.1', '200 2.2.2.2']);
});

test('directives and $GENERATE do not end a batch; generated records are committed at once', () => {
  assert.deepEqual(ttls('x 100 A 1.1.1.1\n$TTL 5\n$ORIGIN example.\nx 200 A 2.2.2.2\n'), ['100 1.1.1.1', '100 2.2.2.2']);
  assert.deepEqual(ttls('x 100 A 1.1.1.1\n$GENERATE 1-1 g$ A 1.1.1.$\nx 200 A 2.2.2.2\n'), ['100 1.1.1.1', '100 2.2.2.2']);
  assert.deepEqual(ttls('x 100 A 1.1.1.1\n$GENERATE 3-3 x 50 A 1.1.1.$\nx 200 A 2.2.2.2\n'), ['100 1.1.1.1', '100 1.1.1.3', '100 2.2.2.2']);
  assert.deepEqual(ttls('$GENERATE 1-2 x 100 A 1.1.1.$\n$GENERATE 3-3 x 50 A 1.1.1.$\n'), ['50 1.1.1.1', '50 1.1.1.2', '50 1.1.1.3']);
});

test('an $INCLUDE ends the batch before and after it', () => {
  const files = { 'h.db': 'x 50 A 3.3.3.3\n' };
  assert.deepEqual(ttls('x 100 A 1.1.1.1\n$INCLUDE h.db\n', files), ['50 1.1.1.1', '50 3.3.3.3']);
  assert.deepEqual(ttls('x 100 A 1.1.1.1\n$INCLUDE h.db\n 200 A 2.2.2.2\n', files), ['200 1.1.1.1', '200 3.3.3.3', '200 2.2.2.2']);
});
