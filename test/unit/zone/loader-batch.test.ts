/**
 * BIND's glue batches (server/src/zone/loaderBatch.ts): after `@ NS ns`, the records of
 * `ns` are read while the apex is still BIND's current owner. A DS there is "DS record
 * at top of zone" (differential test, zone seed 600042), and the apex's batch goes on
 * after them ("TTL set to prior TTL"). Each verdict and print is named-checkzone 9.18's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseZoneText, printZone } from '../../../server/src/zone/index';
import { describe } from './helpers';

const O = { origin: 'example.com.' };
const HEAD = '$TTL 1\n@ SOA ns h 1 2 3 4 5\n@ NS ns\n';

function problems(body: string): string[] {
  const text = HEAD + body;
  return describe(parseZoneText(text, O), text);
}

test('a DS at an apex name server written right after the apex is "at top of zone"', () => {
  assert.deepEqual(problems('ns A 1.2.3.4\nns DS 48459 13 99 7E8C794F\n'), ['zone-syntax ds-apex-glue "DS"']);
  assert.deepEqual(problems('ns DS 48459 13 99 7E8C794F\nns A 1.2.3.4\n'), ['zone-syntax ds-apex-glue "DS"']);
  // Another owner in between closes the apex's batch: the DS is an ordinary (loaded) one.
  assert.deepEqual(problems('ns A 1.2.3.4\nsub DS 48459 13 99 7E8C794F\n'), []);
  assert.deepEqual(problems('other A 1.1.1.1\nns A 1.2.3.4\nns DS 48459 13 99 7E8C794F\n'), []);
  // Glue of a delegation: the current owner is the delegation, not the apex.
  assert.deepEqual(problems('ns A 1.2.3.4\nsub NS ns.sub\nns.sub A 1.1.1.1\nns.sub DS 48459 13 99 7E8C794F\n'), []);
});

test('back from an $INCLUDE, BIND has the owners it had before: the apex glue goes on (zone seed 1401163)', () => {
  const ds = 'DS 7068 8 2 ' + 'AB'.repeat(32);
  const run = (body: string) => {
    const text = HEAD + body;
    return describe(parseZoneText(text, { ...O, path: '/v/z.db', readFile: (p) => (p === '/v/inc.db' ? 'y A 1.1.1.1\n' : undefined) }), text);
  };
  assert.deepEqual(run(`ns AAAA ::1\n$INCLUDE inc.db\n  ${ds}\n`), ['zone-syntax ds-apex-glue "DS"']);
  assert.deepEqual(run(`ns AAAA ::1\n$INCLUDE inc.db\nns ${ds}\n`), ['zone-syntax ds-apex-glue "DS"']);
  assert.deepEqual(run(`ns AAAA ::1\n$INCLUDE inc.db\nz A 1.1.1.1\nns ${ds}\n`), []);
});

test('the apex batch goes on after its glue: RRset TTLs and the prior TTL', () => {
  const text = HEAD + 'ns A 1.2.3.4\n@ 5 NS ns\nns 9 A 2.2.2.2\n@ 7 NS ns2\nns2 A 1.1.1.1\n@ MX 1 ns\n';
  const zone = parseZoneText(text.replace('$TTL 1\n@ SOA', '@ 1 SOA'), O);
  assert.deepEqual(printZone(zone).trimEnd().split('\n').sort(), [
    'example.com. 1 IN MX 1 ns.example.com.',
    // `@ 5 NS ns` repeats the first NS record: loaded (and printed) once.
    'example.com. 1 IN NS ns.example.com.',
    'example.com. 1 IN NS ns2.example.com.',
    'example.com. 1 IN SOA ns.example.com. h.example.com. 1 2 3 4 5',
    'ns.example.com. 9 IN A 1.2.3.4',
    'ns.example.com. 9 IN A 2.2.2.2',
    'ns2.example.com. 1 IN A 1.1.1.1',
  ]);
});
