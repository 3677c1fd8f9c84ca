/**
 * Checks BIND makes while loading a zone, found missing by the differential test
 * (test/unit/zone/differential.test.ts): singleton CNAME/DNAME, obsolete MD/MF and
 * NSEC3 owners. Each case's verdict is named-checkzone 9.18's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseZoneText } from '../../../server/src/zone/index';
import { checkZoneSemantics } from '../../../server/src/zone/semantics/index';
import { describe, under } from './helpers';

const HEAD = '$TTL 1\n@ SOA ns h 1 2 3 4 5\n@ NS ns\nns A 1.2.3.4\n';
const O = { origin: 'example.' };

function problems(body: string): string[] {
  const text = HEAD + body;
  return describe(parseZoneText(text, O), text);
}

test('a second, different CNAME or DNAME at a name: "multiple RRs of singleton type"', () => {
  assert.deepEqual(problems('x CNAME a.\nx CNAME b.\n'), ['zone-syntax singleton-type "x"']);
  assert.deepEqual(problems('x CNAME a.\ny A 1.1.1.1\nX.example. CNAME b.\n'), ['zone-syntax singleton-type "X.example."']);
  assert.deepEqual(problems('d DNAME a.\nd DNAME b.\n'), ['zone-syntax singleton-type "d"']);
  // The same target again is a duplicate that merges; NSEC is not a singleton.
  assert.deepEqual(problems('x CNAME a.\nx CNAME A.\nn NSEC a. A\nn NSEC b. A\n'), []);
  // RESINFO (RFC 9606) too, found by the differential run; its strings compare with case.
  assert.deepEqual(problems('r RESINFO "qnamemin"\nr RESINFO "exterr=15-17"\n'), ['zone-syntax singleton-type "r"']);
  assert.deepEqual(problems('r RESINFO "A"\nr RESINFO "a"\n'), ['zone-syntax singleton-type "r"']);
  assert.deepEqual(problems('r RESINFO "a" "b"\nr RESINFO "a" "b"\nw WALLET "a"\nw WALLET "b"\n'), []);
});

test('an obsolete type or a bad NSEC3 owner is refused outside the zone too (BIND checks each record as it reads it)', () => {
  const outside = '$ORIGIN elsewhere.example.org.\n';
  assert.deepEqual(problems(outside + 'x MF a.\n'), ['zone-unknown-type "MF"']);
  assert.deepEqual(problems(outside + 'ab NSEC3 1 0 0 - AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA A\n').map((p) => p.split(' ')[0]), ['zone-bad-name']);
  // A second SOA there is ignored with the rest of the out-of-zone data.
  assert.deepEqual(problems(outside + '@ SOA ns h 1 2 3 4 5\n'), []);
});

test('MD and MF are refused as obsolete', () => {
  assert.deepEqual(problems('x MD a.\nx MF a.\n'), ['zone-unknown-type "MD"', 'zone-unknown-type "MF"']);
});

test('an NSEC3 owner starts with a base32hex hash label', () => {
  const bad = ['0', '000', '000000', '01', '0v', 'vv', 'ab_c', 'c\\065', '\\*', 'a'.repeat(63), 'x.2T7B4G4VSA5SMI47K61MV5BV1A22BOJR'];
  const good = ['00', '0000', '00000', '0000000', '0g', '2T7B4G4VSA5SMI47K61MV5BV1A22BOJR', '2t7b4g4vsa5smi47k61mv5bv1a22bojr.a.b'];
  for (const owner of bad) {
    assert.deepEqual(problems(`${owner} NSEC3 1 0 1 - 2T7B4G4VSA5SMI47K61MV5BV1A22BOJR\n`), [`zone-bad-name nsec3-owner ${JSON.stringify(owner)}`], owner);
  }
  for (const owner of good) assert.deepEqual(problems(`${owner} NSEC3 1 0 1 - 2T7B4G4VSA5SMI47K61MV5BV1A22BOJR\n`), [], owner);
});

test('an apex name server inside the zone with no address is an error; a delegation\'s only a warning', () => {
  const check = (body: string) => {
    const zone = parseZoneText('$TTL 1\n@ SOA ns h 1 2 3 4 5\n' + body, O);
    return checkZoneSemantics(zone)
      .filter((p) => p.code === 'zone-missing-glue')
      .map((p) => `${p.severity ?? 'warning'} ${JSON.stringify(under('$TTL 1\n@ SOA ns h 1 2 3 4 5\n' + body, p))}`);
  };
  // named-checkzone: "NS 'ns2.example' has no address records", not loaded.
  assert.deepEqual(check('@ NS ns\n@ NS ns2\nns A 1.2.3.4\n'), ['error "ns2"']);
  // Loaded, with the message only.
  assert.deepEqual(check('@ NS ns\nns A 1.2.3.4\nsub NS ns.sub\n'), ['warning "ns.sub"']);
  // Below a delegation BIND says nothing: a warning at most, never an error.
  assert.deepEqual(check('@ NS ns.sub\nsub NS x.net.\n'), ['warning "ns.sub"']);
});

test('$INCLUDE after a $DATE (here or in an earlier include) is refused, as BIND does', () => {
  const files: Record<string, string> = { '/v/i.db': 'y A 1.1.1.1\n', '/v/j.db': '$DATE 20241201000000\n' };
  const run = (body: string) => {
    const text = HEAD + body;
    return describe(parseZoneText(text, { ...O, path: '/v/z.db', readFile: (p) => files[p] }), text);
  };
  assert.deepEqual(run('$DATE 20241201000000\n$INCLUDE i.db\n'), ['zone-syntax include-after-date "$INCLUDE"']);
  assert.deepEqual(run('$INCLUDE j.db\n$INCLUDE i.db\n'), ['zone-syntax include-after-date "$INCLUDE"']);
  assert.deepEqual(run('$INCLUDE i.db\n$DATE 20241201000000\n'), []);
});

// Found by the differential run with lone carriage returns in the generator's line ends:
// BIND ignores out-of-zone data before these checks, so they do not apply to it.
test('records outside the zone are ignored by the load checks, as BIND ignores them', () => {
  const outside = '$ORIGIN elsewhere.example.org.\ntwice CNAME a.\ntwice CNAME b.\ntwice A 1.1.1.1\nd DNAME a.\nd DNAME b.\n';
  assert.deepEqual(problems(outside), []);
  // The zone-out-of-zone warnings come from the semantic checks, one per record.
  const text = HEAD + outside;
  const zone = parseZoneText(text, O);
  assert.equal(checkZoneSemantics(zone).filter((p) => p.code === 'zone-out-of-zone').length, 5);
  // The same records inside the zone are still refused.
  assert.deepEqual(problems(outside.replace('$ORIGIN elsewhere.example.org.', '$ORIGIN inside.example.')), [
    'zone-cname-and-other-data "twice"',
    'zone-syntax singleton-type "twice"',
    'zone-syntax singleton-type "d"',
  ]);
});
