import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandTemplate, parseRange, MAX_GENERATED } from '../../../server/src/zone/generate';
import { parseZoneText } from '../../../server/src/zone/index';
import { describe, lines, under } from './helpers';

const O = { origin: 'example.' };
const x = (t: string, it: number) => {
  const r = expandTemplate(t, it);
  return r.ok ? r.text : `!${r.reason}`;
};

test('$GENERATE modifiers: offset, width, bases d o x X n N, $$ and \\$', () => {
  assert.equal(x('host$', 7), 'host7');
  assert.equal(x('${1}', 7), '8');
  assert.equal(x('${1,4}', 7), '0008');
  assert.equal(x('${-10,4}', 7), '-003');
  assert.equal(x('${0,0,o}', 8), '10');
  assert.equal(x('${0,4,x}', 1024), '0400');
  assert.equal(x('${0,0,X}', 255), 'FF');
  assert.equal(x('${0,3,n}', 1024), '0.0.4');
  assert.equal(x('${0,0,N}', 171), 'B.A');
  assert.equal(x('${0,8,n}', 1), '1.0.0.0.');
  assert.equal(x('${-2000,0,n}', 1024), '0.3.c.f.f.f.f.f');
  assert.equal(x('${-1,0,x}', 0), 'ffffffff');
  assert.equal(x('$$ \\$ $', 3), '$ \\$ 3');
});

test('$GENERATE modifier errors', () => {
  assert.equal(x('${', 1), '!syntax');
  assert.equal(x('${1,}', 1), '!syntax');
  assert.equal(x('${1,2,q}', 1), '!syntax');
  assert.equal(x('${1,2,x', 1), '!syntax');
  assert.equal(x('${2147483647}', 1), '!range');
  assert.equal(x('${2147483647}', 0), '2147483647');
});

test('$GENERATE ranges as BIND reads them', () => {
  assert.deepEqual(parseRange('1-10'), { start: 1, stop: 10, step: 1 });
  assert.deepEqual(parseRange('0-100/10'), { start: 0, stop: 100, step: 10 });
  assert.equal(parseRange('10-1'), undefined);
  assert.equal(parseRange('-1-5'), undefined);
  assert.equal(parseRange('1-5/0'), undefined);
  assert.equal(parseRange('1-5/'), undefined);
  assert.equal(parseRange('x'), undefined);
});

test('$GENERATE makes records: lhs, optional TTL/class, quoted rhs re-read as RDATA', () => {
  const text = '$TTL 60\n$GENERATE 1-3/2 host-$ 300 IN A 192.0.2.$\n$GENERATE 1-2 @ MX "${9} mx$"\n$GENERATE 8-9 ${0,2,x} CNAME $.x.\n';
  const zone = parseZoneText(text, O);
  assert.deepEqual(describe(zone, text), []);
  assert.deepEqual(lines(zone), [
    'host-1.example. 300 IN A 192.0.2.1',
    'host-3.example. 300 IN A 192.0.2.3',
    'example. 60 IN MX 10 mx10.example.',
    'example. 60 IN MX 11 mx11.example.',
    '08.example. 60 IN CNAME 8.x.',
    '09.example. 60 IN CNAME 9.x.',
  ]);
  const rr = zone.records[0];
  assert.equal(rr.generated, true);
  assert.equal(under(text, rr.ownerSpan!), 'host-$');
  assert.equal(under(text, rr.span), '$GENERATE 1-3/2 host-$ 300 IN A 192.0.2.$');
  assert.equal(under(text, rr.tokens[0]), '192.0.2.$');
  assert.equal(zone.directives[1].name, '$GENERATE');
});

test('$GENERATE errors: bad range, overflow, modifier, too large, extra text', () => {
  const text = [
    '$TTL 1',
    '$GENERATE 5-1 h$ A 192.0.2.1',
    '$GENERATE 1-1 h$ TXT foo${2147483647}',
    '$GENERATE 1-2 h${1,x} A 192.0.2.1',
    '$GENERATE 0-4000000000 h$ A 192.0.2.1',
    `$GENERATE 0-${MAX_GENERATED} h$ A 192.0.2.1`,
    '$GENERATE 1-2 h$ MX 10 mail',
    '$GENERATE 1-2 h$',
  ].join('\n') + '\n';
  const zone = parseZoneText(text, O);
  assert.deepEqual(describe(zone, text), [
    'zone-generate-range generate-bad-range "5-1"',
    'zone-generate-range generate-overflow "foo${2147483647}"',
    'zone-syntax generate-modifier "h${1,x}"',
    'zone-generate-range generate-bad-range "0-4000000000"',
    `zone-generate-range generate-too-large "0-${MAX_GENERATED}"`,
    'zone-syntax extra-text "mail"',
    'zone-syntax missing-argument "h$"',
  ]);
  assert.equal(zone.records.length, 0);
});

test('$GENERATE: a bare $ after ${offset…} keeps that offset in plain decimal, as BIND 9.18 does', () => {
  // named-checkzone prints g243x163 and g00244x244 for these (differential test, seeds 200049 and 200119).
  assert.equal(x('g${155,0,o}x$', 8), 'g243x163');
  assert.equal(x('g${229,5,d}x$', 15), 'g00244x244');
  assert.equal(x('${1,2,n}$$$', 0), '1.$1');
  assert.equal(x('$-${3}', 1), '1-4');
});
