import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, formatRange, formatZone } from '../../../server/src/format/index';
import { parseZoneText, printZone } from '../../../server/src/zone/index';

const FIXTURES = path.resolve(__dirname, '../../fixtures/format');

function format(text: string, origin = 'example.com.'): string {
  return applyEdits(text, formatZone(text, parseZoneText(text, { origin })));
}

test('a hand-typed zone formats to the expected text', () => {
  const before = fs.readFileSync(path.join(FIXTURES, 'mail.zone'), 'utf8');
  const want = fs.readFileSync(path.join(FIXTURES, 'mail.formatted.zone'), 'utf8');
  assert.equal(format(before, 'mail.example.'), want);
});

test('MX preferences and SPF records survive (the incumbent formatter drops them)', () => {
  const text = 'example.com. 300 in mx 10 mx1.example.com.\n@ 300 in mx 0 .\n@ 300 in spf "v=spf1 -all"\n@ 300 txt "v=spf1 mx ~all"\n';
  const out = format(text);
  assert.equal(
    out,
    [
      'example.com. 300 IN MX  10 mx1.example.com.',
      '@            300 IN MX  0 .',
      '@            300 IN SPF "v=spf1 -all"',
      '@            300    TXT "v=spf1 mx ~all"',
      '',
    ].join('\n'),
  );
  assert.equal(printZone(parseZoneText(out, { origin: 'example.com.' })), printZone(parseZoneText(text, { origin: 'example.com.' })));
});

test('columns: owner, TTL, class, type, RDATA; upper-case types and classes; inherited owners indented', () => {
  const out = format('www 60 in cname host\n  in txt "x"\nlong-owner-name a 192.0.2.1\n');
  assert.equal(out, 'www             60 IN CNAME host\n                   IN TXT   "x"\nlong-owner-name       A     192.0.2.1\n');
});

test('TTL and class written in the other order are put in column order', () => {
  assert.equal(format('www IN 300 A 192.0.2.1\n'), 'www 300 IN A 192.0.2.1\n');
});

test('comments, blank lines and directives are kept as written', () => {
  const text = '; head comment   \n\n$TTL   1h ; default\n$ORIGIN  example.com.\nwww  A  192.0.2.1   ; web\n';
  assert.equal(format(text), '; head comment\n\n$TTL   1h ; default\n$ORIGIN  example.com.\nwww A 192.0.2.1 ; web\n');
});

test('a multi-line record stays multi-line, indented to the RDATA column, comments aligned', () => {
  const text = '@ IN SOA ns1 host (\n1 ; serial\n      7200 ; refresh\n 3600 1209600 300 )\n';
  assert.equal(
    format(text),
    ['@ IN SOA ns1 host (', '         1    ; serial', '         7200 ; refresh', '         3600 1209600 300 )', ''].join('\n'),
  );
});

test('tokens written together stay together (SVCB key="value")', () => {
  const out = format('svc  IN  HTTPS  1 . alpn="h2,h3"   port=443\n');
  assert.equal(out, 'svc IN HTTPS 1 . alpn="h2,h3" port=443\n');
});

test('a TXT string over 255 octets is split between characters, never inside an escape', () => {
  const long = 'a'.repeat(254) + '\\065' + 'b'.repeat(100);
  const text = `@ 300 IN TXT "${long}"\n`;
  const out = format(text);
  assert.equal(out, `@ 300 IN TXT "${'a'.repeat(254)}\\065" "${'b'.repeat(100)}"\n`);
  const zone = parseZoneText(out, { origin: 'example.com.' });
  assert.deepEqual(zone.problems, []);
  assert.equal(zone.records[0].rdata.strings?.map((s) => s.value).join(''), 'a'.repeat(254) + 'A' + 'b'.repeat(100));
  const multiByte = '√'.repeat(90);
  const split = format(`@ TXT "${multiByte}"\n`);
  assert.equal(split, `@ TXT "${'√'.repeat(85)}" "${'√'.repeat(5)}"\n`, '85 three-octet characters fit in 255 octets');
});

test('splitting can be turned off', () => {
  const text = `@ 300 IN TXT "${'x'.repeat(300)}"\n`;
  const zone = parseZoneText(text, { origin: 'example.com.' });
  assert.deepEqual(formatZone(text, zone, { splitLongStrings: false }), []);
});

test('CRLF line ends are kept', () => {
  assert.equal(format('www  A 192.0.2.1\r\n@ IN SOA a b (\r\n 1 2 3 4 5 )\r\n'), 'www    A   192.0.2.1\r\n@   IN SOA a b (\r\n           1 2 3 4 5 )\r\n');
});

test('a line holding a lone carriage return (a line break to BIND and editors) is kept as written', () => {
  // Blank lines of lone CRs after a record, and in its comment, were dropped.
  assert.equal(format('@ 3600 IN SOA a b 1 2 3 4 5\r\r\r\nwww  A 192.0.2.1\n'), '@ 3600 IN SOA a b 1 2 3 4 5\r\r\r\nwww A 192.0.2.1\n');
  assert.equal(format('x  A 192.0.2.1 ; c\r\r\nyy   A 192.0.2.2\n'), 'x  A 192.0.2.1 ; c\r\r\nyy A 192.0.2.2\n');
  // Two records on one line for the formatter, two lines for the scanner.
  assert.equal(format('a A 192.0.2.1\rb    A 192.0.2.2\n'), 'a A 192.0.2.1\rb    A 192.0.2.2\n');
  assert.equal(format('x  A ( 192.0.2.1\r)\nyy   A 192.0.2.2\r'), 'x  A ( 192.0.2.1\r)\nyy   A 192.0.2.2\r');
  // A CR before a newline, in a comment and at the end of a record, is part of the line break.
  assert.equal(format('x  A 192.0.2.1 ; c\r\nyy   A 192.0.2.2\r\n'), 'x  A 192.0.2.1 ; c\r\nyy A 192.0.2.2\r\n');
});

test('a record ending in an escaped blank keeps it', () => {
  // Trimming it left the backslash to escape the line break.
  assert.equal(format('x  TXT a\\ \nyy   A 192.0.2.2\n'), 'x  TXT a\\ \nyy A   192.0.2.2\n');
  assert.equal(format('x  TXT a\\ \r\n'), 'x TXT a\\ \r\n');
});

test('after an unclosed parenthesis nothing is touched', () => {
  const text = 'www  A 192.0.2.1\nbad  TXT ( "x"\nmail  A 192.0.2.2\n';
  assert.equal(format(text), 'www A 192.0.2.1\nbad  TXT ( "x"\nmail  A 192.0.2.2\n');
});

test('lines with a lexical error or a class the zone does not have are kept as written', () => {
  const text = 'www  A 192.0.2.1 )\nok  A 192.0.2.1\nchaos  CH  TXT "x"\n';
  assert.equal(format(text), 'www  A 192.0.2.1 )\nok A 192.0.2.1\nchaos  CH  TXT "x"\n');
});

test('records from $INCLUDE and $GENERATE are left to their own lines', () => {
  const text = '$GENERATE 1-3  host$  A  192.0.2.$\nwww  A  192.0.2.1\n';
  assert.equal(format(text), '$GENERATE 1-3  host$  A  192.0.2.$\nwww A 192.0.2.1\n');
});

test('range formatting touches only the lines in the range, with the document columns', () => {
  const text = 'a A 192.0.2.1\nlonger-name A 192.0.2.2\nb A 192.0.2.3\n';
  const zone = parseZoneText(text, { origin: 'example.com.' });
  const third = text.indexOf('b A');
  const edits = formatRange(text, zone, { offset: third, length: 3 });
  assert.equal(applyEdits(text, edits), 'a A 192.0.2.1\nlonger-name A 192.0.2.2\nb           A 192.0.2.3\n');
});

test('formatting a formatted text changes nothing', () => {
  const text = fs.readFileSync(path.join(FIXTURES, 'mail.formatted.zone'), 'utf8');
  assert.deepEqual(formatZone(text, parseZoneText(text, { origin: 'mail.example.' })), []);
});
