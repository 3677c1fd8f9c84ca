/**
 * "TTL set to prior TTL": without $TTL, a record joining an RRset of BIND's open batch
 * with another TTL makes that RRset's TTL the current one, so the records after it
 * without a TTL inherit it (differential test, zone seed 400263). Each expected print
 * is `named-checkzone -i local -D`'s.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseZoneText, printZone } from '../../../server/src/zone/index';

const HEAD = '@ 10 SOA ns h 1 2 3 4 5\n@ NS ns\nns A 1.2.3.4\n';

/** The printed records below the apex's three, sorted as named-checkzone -D sorts them here. */
function printed(body: string): string[] {
  const zone = parseZoneText(HEAD + body, { origin: 'example.com.' });
  return printZone(zone).trimEnd().split('\n').slice(3).sort();
}

test('records after the prior-TTL one inherit the prior TTL, not the last written', () => {
  assert.deepEqual(printed('mail 100 A 1.1.1.1\nmail 200 A 2.2.2.2\n TXT "x"\nother TXT "y"\n'), [
    'mail.example.com. 100 IN A 1.1.1.1',
    'mail.example.com. 100 IN A 2.2.2.2',
    'mail.example.com. 100 IN TXT "x"',
    'other.example.com. 100 IN TXT "y"',
  ]);
  // An inherited TTL differing from the RRset's counts too.
  assert.deepEqual(printed('mail 100 A 1.1.1.1\nmail 200 TXT "t"\nmail A 2.2.2.2\nmail MX 1 ns\n'), [
    'mail.example.com. 100 IN A 1.1.1.1',
    'mail.example.com. 100 IN A 2.2.2.2',
    'mail.example.com. 100 IN MX 1 ns.example.com.',
    'mail.example.com. 200 IN TXT "t"',
  ]);
});

test('only within one batch, and $TTL wins for records without a TTL', () => {
  // Another owner in between closes the batch: the RRset takes the later TTL, no prior TTL.
  assert.deepEqual(printed('mail 100 A 1.1.1.1\nother 300 TXT "z"\nmail 200 A 2.2.2.2\nmail MX 1 ns\n'), [
    'mail.example.com. 200 IN A 1.1.1.1',
    'mail.example.com. 200 IN A 2.2.2.2',
    'mail.example.com. 200 IN MX 1 ns.example.com.',
    'other.example.com. 300 IN TXT "z"',
  ]);
  // Owners are compared case-sensitively: MAIL opens a new batch.
  assert.deepEqual(printed('mail 100 A 1.1.1.1\nMAIL 200 A 2.2.2.2\nmail MX 1 ns\n'), [
    'MAIL.example.com. 200 IN A 2.2.2.2',
    'mail.example.com. 200 IN A 1.1.1.1',
    'mail.example.com. 200 IN MX 1 ns.example.com.',
  ]);
  assert.deepEqual(printed('$TTL 50\nmail 100 A 1.1.1.1\nmail 200 A 2.2.2.2\nmail MX 1 ns\n'), [
    'mail.example.com. 100 IN A 1.1.1.1',
    'mail.example.com. 100 IN A 2.2.2.2',
    'mail.example.com. 50 IN MX 1 ns.example.com.',
  ]);
});

test('signatures are RRsets by the type they cover: an RRSIG over A and one over MX keep their own TTLs', () => {
  // diff-bind seed 8675309 (zone seed 867556926566): both RRSIGs printed with the MX one's TTL.
  const body =
    'ns 100 RRSIG A 13 2 3600 20300101000000 20200101000000 1 example.com. AQID\n' +
    'ns 200 RRSIG MX 13 2 3600 20300101000000 20200101000000 2 example.com. AQID\n' +
    'www A 192.0.2.2\n' +
    'ns 400 RRSIG A 13 2 3600 20300101000000 20200101000000 3 example.com. AQID\n' +
    'ns 500 RRSIG MX 13 2 3600 20300101000000 20200101000000 4 example.com. AQID\n' +
    's1 600 SIG A 13 2 3600 20300101000000 20200101000000 5 example.com. AQID\n' +
    's1 700 SIG MX 13 2 3600 20300101000000 20200101000000 6 example.com. AQID\n' +
    'www2 A 192.0.2.2\n' +
    's1 800 SIG A 13 2 3600 20300101000000 20200101000000 7 example.com. AQID\n';
  const ttls = printed(body)
    .filter((l) => / (RR)?SIG /.test(l))
    .map((l) => l.split(' '))
    .map((f) => `${f[0]} ${f[1]} ${f[3]} ${f[4]} ${f[10]}`)
    .sort();
  // As named-checkzone -i local -D prints them (BIND 9.18.49).
  assert.deepEqual(ttls, [
    'ns.example.com. 400 RRSIG A 1',
    'ns.example.com. 400 RRSIG A 3',
    'ns.example.com. 500 RRSIG MX 2',
    'ns.example.com. 500 RRSIG MX 4',
    's1.example.com. 700 SIG MX 6',
    's1.example.com. 800 SIG A 5',
    's1.example.com. 800 SIG A 7',
  ]);
});
