/**
 * BIND drops a $GENERATE record whose owner is outside the zone ("ignoring out-of-zone
 * data") before reading its RDATA, so bad RDATA there does not fail the zone; an ordinary
 * out-of-zone record's RDATA is still read (differential test, zone seed 800239).
 * Verdicts are named-checkzone 9.18's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseZoneText } from '../../../server/src/zone/index';
import { describe } from './helpers';

const HEAD = '$TTL 1\n@ SOA ns h 1 2 3 4 5\n@ NS ns\nns A 1.1.1.1\n';

function problems(body: string): string[] {
  const text = HEAD + body;
  return describe(parseZoneText(text, { origin: 'example.com.' }), text);
}

test('bad RDATA of an out-of-zone $GENERATE record is not an error; in the zone it is', () => {
  assert.deepEqual(problems('$GENERATE 1-2 x$.example.org. A 1.2.3\n'), []);
  assert.deepEqual(problems('$ORIGIN elsewhere.example.\n$GENERATE 19-24 ${176,4,x}.gen AAAA 2001:db8::${84,6,x}\n'), []);
  assert.deepEqual(problems('$GENERATE 1-2 x$ A 1.2.3\n'), ['zone-bad-rdata rdata-ipv4 "1.2.3"']);
  assert.deepEqual(problems('x.example.org. A 1.2.3\n'), ['zone-bad-rdata rdata-ipv4 "1.2.3"']);
});
