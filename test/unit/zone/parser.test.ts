import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseZoneText, printZone } from '../../../server/src/zone/index';
import { describe, lines, under } from './helpers';

const O = { origin: 'example.com.' };

test('a simple zone: records, fields, spans, TXT strings, comments', () => {
  const text = [
    '$TTL 1h',
    '@ IN SOA ns1 hostmaster ( 1 ; serial',
    '   2 3 4 5 )',
    '  NS ns1',
    'ns1 A 192.0.2.1',
    'mail 300 IN MX 10 mail',
    '@ TXT "v=spf1 -all" "x"',
  ].join('\n');
  const zone = parseZoneText(text, O);
  assert.deepEqual(describe(zone, text), []);
  assert.deepEqual(lines(zone), [
    'example.com. 3600 IN SOA ns1.example.com. hostmaster.example.com. 1 2 3 4 5',
    'example.com. 3600 IN NS ns1.example.com.',
    'ns1.example.com. 3600 IN A 192.0.2.1',
    'mail.example.com. 300 IN MX 10 mail.example.com.',
    'example.com. 3600 IN TXT "v=spf1 -all" "x"',
  ]);
  const [soa, ns, , mx, txt] = zone.records;
  assert.equal(under(text, soa.span), '@ IN SOA ns1 hostmaster ( 1 ; serial\n   2 3 4 5');
  assert.equal(ns.ownerSpan, undefined);
  assert.equal(under(text, ns.typeSpan), 'NS');
  assert.equal(under(text, mx.ttlSpan!), '300');
  assert.equal(under(text, mx.classSpan!), 'IN');
  assert.equal(under(text, mx.ownerSpan!), 'mail');
  assert.deepEqual(mx.tokens.map((t) => t.text), ['10', 'mail']);
  assert.deepEqual(txt.tokens[0], { text: 'v=spf1 -all', offset: text.indexOf('"v=spf1'), length: 13, quoted: true });
  assert.deepEqual(txt.rdata.strings?.map((s) => s.value), ['v=spf1 -all', 'x']);
  assert.deepEqual(zone.comments.map((c) => under(text, c)), ['; serial']);
  assert.equal(zone.origin, 'example.com.');
});

test('TTL and class in either order; the type may be lower case', () => {
  const text = 'a IN 10 A 192.0.2.1\nb 20 IN a 192.0.2.2\nc 30 A 192.0.2.3\nd IN A 192.0.2.4\n';
  const zone = parseZoneText('$TTL 5\n' + text, O);
  assert.deepEqual(
    zone.records.map((r) => `${r.owner} ${r.ttl} ${r.type}`),
    ['a.example.com. 10 A', 'b.example.com. 20 A', 'c.example.com. 30 A', 'd.example.com. 5 A'],
  );
});

test('blank owner inherits the previous owner, also after $ORIGIN (with a warning)', () => {
  const text = '$TTL 1\nb A 192.0.2.1\n$ORIGIN sub.example.com.\n A 192.0.2.2\n AAAA ::1\n';
  const zone = parseZoneText(text, O);
  assert.deepEqual(zone.records.map((r) => r.owner), ['b.example.com.', 'b.example.com.', 'b.example.com.']);
  assert.deepEqual(describe(zone, text), ['zone-inherited-owner "A"']);
  assert.deepEqual(zone.problems[0].args, { owner: 'b.example.com.', origin: 'sub.example.com.' });
});

test('a blank owner with nothing to inherit is an error', () => {
  const text = '$TTL 1\n  A 192.0.2.1\nok A 192.0.2.2\n';
  const zone = parseZoneText(text, O);
  assert.deepEqual(describe(zone, text), ['zone-syntax no-owner "A"']);
  assert.deepEqual(lines(zone), ['ok.example.com. 1 IN A 192.0.2.2']);
});

test('@, relative and absolute names, escapes and wildcards', () => {
  const text = '$TTL 1\n@ A 192.0.2.1\nwww A 192.0.2.2\nother.org. A 192.0.2.3\n*.w A 192.0.2.4\na\\.b\\065 A 192.0.2.5\n';
  const zone = parseZoneText(text, { origin: 'example.com' });
  assert.deepEqual(zone.records.map((r) => r.owner), [
    'example.com.',
    'www.example.com.',
    'other.org.',
    '*.w.example.com.',
    'a\\.bA.example.com.',
  ]);
  assert.deepEqual(describe(zone, text), []);
  assert.equal(printZone(zone).includes('other.org.'), false, 'BIND ignores out-of-zone data');
});

test('bad names: label and name length, empty labels, bad escapes', () => {
  const long = 'a'.repeat(64);
  const text = `$TTL 1\n${long} A 192.0.2.1\na..b A 192.0.2.2\nx\\25 A 192.0.2.3\n${'abcdefghi.'.repeat(25)}x A 192.0.2.4\nok A 192.0.2.5\n`;
  const zone = parseZoneText(text, O);
  assert.deepEqual(
    zone.problems.map((p) => `${p.code} ${p.args?.detail} ${p.offset === text.indexOf(under(text, p)) ? 'at-token' : p.offset}`),
    [
      'zone-bad-name label-too-long at-token',
      'zone-bad-name empty-label at-token',
      'zone-bad-name bad-escape at-token',
      'zone-bad-name name-too-long at-token',
    ],
  );
  assert.deepEqual(describe(zone, text).slice(1, 3), ['zone-bad-name empty-label "a..b"', 'zone-bad-name bad-escape "x\\\\25"']);
  assert.deepEqual(lines(zone), ['ok.example.com. 1 IN A 192.0.2.5']);
});

test('default TTL: $TTL, else the SOA minimum, else the last TTL (RFC 1035)', () => {
  const soaMin = '@ SOA ns h 1 2 3 4 2h\n@ NS ns\nns 20 A 192.0.2.1\nx A 192.0.2.2\n';
  const a = parseZoneText(soaMin, O);
  assert.deepEqual(a.records.map((r) => r.ttl), [7200, 7200, 20, 7200]);
  assert.deepEqual(describe(a, soaMin), ['zone-bad-ttl soa-minimum-ttl "SOA"']);
  assert.equal(a.problems[0].severity, 'warning');

  const last = '@ 10 SOA ns h 1 2 3 4 5\n@ NS ns\nns 20 A 192.0.2.1\nx A 192.0.2.2\n';
  assert.deepEqual(parseZoneText(last, O).records.map((r) => r.ttl), [10, 10, 20, 20]);

  const none = 'x A 192.0.2.2\n';
  assert.deepEqual(describe(parseZoneText(none, O), none), ['zone-bad-ttl no-ttl "A"']);

  assert.deepEqual(parseZoneText('x A 192.0.2.2\n', { ...O, defaultTtl: 99 }).records[0].ttl, 99);
});

test('TTLs: units, bad values, and > MAXTTL treated as 0 with a warning', () => {
  const text = '$TTL 1h30m\na 1W A 192.0.2.1\nb 1x A 192.0.2.2\nc 4294967296 A 192.0.2.3\nd 2147483648 A 192.0.2.4\n$TTL 1h30\ne A 192.0.2.5\n';
  const zone = parseZoneText(text, O);
  assert.deepEqual(describe(zone, text), [
    'zone-bad-ttl not-a-ttl "1x"',
    'zone-bad-ttl ttl-too-large "4294967296"',
    'zone-bad-ttl ttl-over-max "2147483648"',
    'zone-bad-ttl not-a-ttl "1h30"',
  ]);
  assert.equal(zone.problems[2].severity, 'warning');
  // The rejected $TTL leaves the previous default in force.
  assert.deepEqual(zone.records.map((r) => `${r.owner} ${r.ttl}`), ['a.example.com. 604800', 'd.example.com. 0', 'e.example.com. 5400']);
});

test('parentheses across lines with comments inside; empty groups', () => {
  const text = '$TTL 1\n@ ( ) NS (  ; one\n ) () (\n\n example.net. ; two\n ) (\n)\nnext A 192.0.2.1\n';
  const zone = parseZoneText(text, O);
  assert.deepEqual(describe(zone, text), []);
  assert.deepEqual(lines(zone), ['example.com. 1 IN NS example.net.', 'next.example.com. 1 IN A 192.0.2.1']);
  assert.deepEqual(zone.comments.map((c) => under(text, c)), ['; one', '; two']);
});

test('an unbalanced parenthesis is reported once and parsing resumes', () => {
  const close = '$TTL 1\na A 192.0.2.1 )\nb A 192.0.2.2\n';
  const z1 = parseZoneText(close, O);
  assert.deepEqual(describe(z1, close), ['zone-unbalanced-paren close-without-open ")"']);
  assert.deepEqual(lines(z1), ['b.example.com. 1 IN A 192.0.2.2']);

  const open = '$TTL 1\nb A 192.0.2.2\na TXT ( "x" ; c1\nc A 192.0.2.3 ; c2\n';
  const z2 = parseZoneText(open, O);
  assert.deepEqual(describe(z2, open), ['zone-unbalanced-paren open-without-close "("']);
  // Parsing resumes on the line after the '(': the rest of the file is not lost.
  assert.deepEqual(lines(z2), ['b.example.com. 1 IN A 192.0.2.2', 'c.example.com. 1 IN A 192.0.2.3']);
  assert.deepEqual(z2.comments.map((c) => under(open, c)), ['; c1', '; c2']);
});

test('quoted strings: escapes kept raw in tokens; an unescaped newline is an error (BIND)', () => {
  const text = '$TTL 1\na TXT "say \\"hi\\"" "semi;colon" "(paren" \\"bare\n' + 'b TXT "first\nsecond"\nc TXT "ok"\n';
  const zone = parseZoneText(text, O);
  assert.deepEqual(zone.records[0].tokens.map((t) => [t.text, t.quoted]), [
    ['say \\"hi\\"', true],
    ['semi;colon', true],
    ['(paren', true],
    ['\\"bare', false],
  ]);
  const problems = describe(zone, text);
  assert.equal(problems[0], 'zone-unterminated-string "\\"first"');
  assert.deepEqual(zone.records.map((r) => r.owner)[0], 'a.example.com.');
  assert.ok(zone.records.some((r) => r.owner === 'c.example.com.'), 'parsing resumes after the bad string');
});

test('an escaped newline inside quotes is kept in the token', () => {
  const text = '$TTL 1\na TXT "one\\\ntwo"\n';
  const zone = parseZoneText(text, O);
  assert.deepEqual(describe(zone, text), []);
  assert.equal(zone.records[0].tokens[0].text, 'one\\\ntwo');
});

test('a string unterminated at the end of the file', () => {
  const text = '$TTL 1\na TXT "open';
  assert.deepEqual(describe(parseZoneText(text, O), text), ['zone-unterminated-string "\\"open"']);
});

test('unknown and meta types, missing type, class mismatch', () => {
  const text = '$TTL 1\na IN A 192.0.2.1\nb FOO x\nc TYPE0 \\# 0\nd AXFR x\ne 10\nf CH A 192.0.2.1\ng TYPE65280 \\# 1 00\n';
  const zone = parseZoneText(text, O);
  assert.deepEqual(describe(zone, text), [
    'zone-unknown-type "FOO"',
    'zone-unknown-type "TYPE0"',
    'zone-unknown-type "AXFR"',
    'zone-syntax missing-type "10"',
    'zone-syntax class-mismatch "CH"',
  ]);
  assert.deepEqual(zone.records.map((r) => r.type), ['A', 'TYPE65280']);
});

test('the zone class follows the first record (CLASSnnn included)', () => {
  const text = '$TTL 1\na CLASS32 TYPE731 \\# 1 00\nb TYPE731 \\# 1 00\n';
  const zone = parseZoneText(text, O);
  assert.deepEqual(describe(zone, text), []);
  assert.deepEqual(zone.records.map((r) => r.class), ['CLASS32', 'CLASS32']);
});

test('a second problem at the same offset is dropped', () => {
  const text = '$TTL 1\n$GENERATE 1-3 h$ A 300.0.0.$\n';
  const zone = parseZoneText(text, O);
  assert.equal(zone.problems.length, 1);
  assert.equal(under(text, zone.problems[0]), '300.0.0.$');
});

test('zone-origin-unknown once, on the first relative name, when nothing gives the origin', () => {
  const text = '$TTL 1\nabs.example. A 192.0.2.1\nwww A 192.0.2.2\n@ A 192.0.2.3\n';
  const zone = parseZoneText(text);
  assert.deepEqual(describe(zone, text), ['zone-origin-unknown "www"']);
  assert.equal(zone.origin, '.');
  assert.deepEqual(zone.records.map((r) => r.owner), ['abs.example.', 'www.', '.']);
  // A file name gives it.
  const named = parseZoneText(text, { path: '/z/db.example.org' });
  assert.equal(named.origin, 'example.org.');
  assert.deepEqual(named.problems.filter((p) => p.code === 'zone-origin-unknown'), []);
});

test('CRLF line ends and a byte-order mark', () => {
  const text = '\ufeff$TTL 1\r\nwww A 192.0.2.1 ; c\r\n  A 192.0.2.2\r\n';
  const zone = parseZoneText(text, O);
  assert.deepEqual(describe(zone, text), []);
  assert.deepEqual(lines(zone), ['www.example.com. 1 IN A 192.0.2.1', 'www.example.com. 1 IN A 192.0.2.2']);
  assert.equal(under(text, zone.comments[0]), '; c');
});

test('printZone: one record per line in file order, absolute names, numeric TTLs', () => {
  const text = '$TTL 1h\nb A 192.0.2.1\na MX 10 b\n';
  assert.equal(
    printZone(parseZoneText(text, O)),
    'b.example.com. 3600 IN A 192.0.2.1\na.example.com. 3600 IN MX 10 b.example.com.\n',
  );
});

test('records serialise to plain data', () => {
  const rr = parseZoneText('$TTL 1\na A 192.0.2.1\n', O).records[0];
  const json = JSON.parse(JSON.stringify(rr));
  assert.deepEqual(json.ownerSpan, { offset: 7, length: 1 });
  assert.deepEqual(json.span, { offset: 7, length: 13 });
  assert.equal(json.type, 'A');
});

test('garbage never throws', () => {
  for (const text of ['(', ')', '"', '\\', '$', '$GENERATE', '$INCLUDE', '@ ( "', 'a\\', '\u0000\u0001 ;;; ((', '$TTL\n$ORIGIN\n']) {
    assert.doesNotThrow(() => parseZoneText(text, O));
  }
});
