import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseZoneText, printZone } from '../../../server/src/zone/index';
import { describe } from './helpers';

const O = { origin: 'example.' };

test('zone-cname-and-other-data: on the record that makes the conflict, once per name', () => {
  const text = '$TTL 1\nbad A 192.0.2.1\nBAD CNAME @\n  TXT "x"\nok CNAME @\nok RRSIG A 8 2 1 20300101000000 20200101000000 1 example. AAAA\nok NSEC x. A\nlater CNAME @\nlater MX 1 @\n';
  const zone = parseZoneText(text, O);
  const cname = zone.problems.filter((p) => p.code === 'zone-cname-and-other-data');
  assert.deepEqual(
    cname.map((p) => [text.slice(p.offset, p.offset + p.length), p.args?.type]),
    [
      ['BAD', 'A'],
      ['later', 'MX'],
    ],
  );
});

test('zone-multiple-soa: a second, different SOA; an identical duplicate is merged', () => {
  const text = '$TTL 1\n@ SOA ns h 1 2 3 4 5\n@ SOA ns h 1 2 3 4 5\nsub SOA ns h 1 2 3 4 5\n@ SOA ns h 2 2 3 4 5\n';
  assert.deepEqual(describe(parseZoneText(text, O), text), ['zone-multiple-soa "sub"', 'zone-multiple-soa "@"']);
  const zone = parseZoneText(text, O);
  assert.equal(zone.problems[1].offset, text.lastIndexOf('@'));
});

test('printZone gives each RRset the TTL BIND loads it with', () => {
  const text = '$TTL 1\na 10 A 192.0.2.1\nA 20 A 192.0.2.2\na 10 TXT "x"\nb 30 A 192.0.2.3\n';
  const zone = parseZoneText(text, O);
  assert.deepEqual(describe(zone, text), [], 'zone-ttl-mismatch is a semantic check, not the parser\'s');
  assert.equal(zone.records[1].ttl, 20, 'the record keeps the TTL written');
  // BIND batches owners case-sensitively: `A` starts a new batch whose TTL replaces `a`'s
  // (named-checkzone -D prints 20 for both A records).
  assert.equal(printZone(zone).split('\n')[1], 'A.example. 20 IN A 192.0.2.2');
  // A later run at the same owner replaces the RRset's TTL.
  const later = parseZoneText('$TTL 1\nw 300 A 192.0.2.1\nx A 192.0.2.2\nw 77 A 192.0.2.3\n', O);
  assert.deepEqual(printZone(later).split('\n').filter((l) => l.startsWith('w')), ['w.example. 77 IN A 192.0.2.1', 'w.example. 77 IN A 192.0.2.3']);
});
