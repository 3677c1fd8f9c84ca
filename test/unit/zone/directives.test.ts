import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { formatMessage } from '../../../server/src/diagnostics/registry';
import { parseZoneText } from '../../../server/src/zone/index';
import { describe, lines, under } from './helpers';

const O = { origin: 'example.com.' };

test('$ORIGIN absolute and relative (to the current origin), any case', () => {
  const text = '$TTL 1\n$ORIGIN sub\na A 192.0.2.1\n$origin other.net.\nb A 192.0.2.2\n$ORIGIN x\n@ A 192.0.2.3\n';
  const zone = parseZoneText(text, O);
  assert.deepEqual(zone.records.map((r) => r.owner), ['a.sub.example.com.', 'b.other.net.', 'x.other.net.']);
  assert.deepEqual(zone.directives.map((d) => [d.name, under(text, d.nameSpan), d.args.map((a) => a.text)]), [
    ['$TTL', '$TTL', ['1']],
    ['$ORIGIN', '$ORIGIN', ['sub']],
    ['$ORIGIN', '$origin', ['other.net.']],
    ['$ORIGIN', '$ORIGIN', ['x']],
  ]);
});

test('directive errors: unknown, missing argument, extra text, bad $DATE', () => {
  const text = '$FOO 1\n$ORIGIN\n$TTL 1 2\n$DATE 2021\n$DATE 20210101000000\n$ORIGIN a..b\n';
  assert.deepEqual(describe(parseZoneText(text, O), text), [
    'zone-syntax unknown-directive "$FOO"',
    'zone-syntax missing-argument "$ORIGIN"',
    'zone-syntax extra-text "2"',
    'zone-syntax bad-date "2021"',
    'zone-bad-name empty-label "a..b"',
  ]);
});

/** An in-memory file system for $INCLUDE. */
function files(map: Record<string, string>) {
  return (p: string): string | undefined => map[p];
}

test('$INCLUDE: relative to the including file, with an origin; origin and owner restored', () => {
  const main = '$TTL 1\nwww A 192.0.2.1\n$INCLUDE sub/part.inc inc\n A 192.0.2.9\nlast A 192.0.2.2\n';
  const part = 'p A 192.0.2.3\n$ORIGIN deeper\nq A 192.0.2.4 ; note\n$INCLUDE ../leaf.inc\n';
  const leaf = 'r A 192.0.2.5\n';
  const zone = parseZoneText(main, {
    ...O,
    path: '/zones/db.example.com',
    readFile: files({ '/zones/sub/part.inc': part, '/zones/leaf.inc': leaf }),
  });
  assert.deepEqual(describe(zone, main), []);
  assert.deepEqual(lines(zone).map((l) => l.split(' ')[0]), [
    'www.example.com.',
    'p.inc.example.com.',
    'q.deeper.inc.example.com.',
    'r.deeper.inc.example.com.',
    'www.example.com.',
    'last.example.com.',
  ]);
  assert.deepEqual(zone.records.map((r) => r.file), [undefined, '/zones/sub/part.inc', '/zones/sub/part.inc', '/zones/leaf.inc', undefined, undefined]);
  assert.deepEqual(zone.includes, ['/zones/sub/part.inc', '/zones/leaf.inc']);
  const q = zone.records[2];
  assert.equal(part.slice(q.ownerSpan!.offset, q.ownerSpan!.offset + q.ownerSpan!.length), 'q');
  assert.deepEqual(zone.comments.map((c) => [c.file, part.slice(c.offset, c.offset + c.length)]), [['/zones/sub/part.inc', '; note']]);
});

test('$INCLUDE problems carry the included file', () => {
  const inc = 'ok A 192.0.2.1\nbad A 999.1.1.1\n';
  const zone = parseZoneText('$TTL 1\n$INCLUDE a.inc\n', { ...O, path: '/z/main', readFile: files({ '/z/a.inc': inc }) });
  assert.equal(zone.problems.length, 1);
  assert.equal(zone.problems[0].file, '/z/a.inc');
  assert.equal(under(inc, zone.problems[0]), '999.1.1.1');
});

test('$INCLUDE: missing file, cycle, disallowed', () => {
  const text = '$INCLUDE missing.inc\n$INCLUDE "self.zone"\n';
  const zone = parseZoneText(text, { ...O, path: '/z/self.zone', readFile: files({ '/z/self.zone': text }) });
  assert.deepEqual(describe(zone, text), ['zone-include-not-found not-found "missing.inc"', 'zone-include-cycle "\\"self.zone\\""']);
  assert.deepEqual(zone.problems[1].args, { file: 'self.zone' });

  const loop = { '/z/a.inc': '$INCLUDE b.inc\n', '/z/b.inc': '$INCLUDE a.inc\n' };
  const z2 = parseZoneText('$INCLUDE a.inc\n', { ...O, path: '/z/main', readFile: files(loop) });
  assert.deepEqual(z2.problems.map((p) => [p.code, p.file]), [['zone-include-cycle', '/z/b.inc']]);

  const z3 = parseZoneText('$INCLUDE a.inc\n', { ...O, path: '/z/main', readFile: files({ '/z/a.inc': 'x A 192.0.2.1\n' }), allowInclude: () => false });
  assert.deepEqual(z3.problems.map((p) => [p.code, p.args?.detail, p.severity]), [['zone-include-not-found', 'include-disallowed', 'information']]);
  assert.equal(z3.records.length, 0);
});

test('$INCLUDE reads the disk by default, relative to the document', () => {
  const fixtures = path.resolve(__dirname, '../../fixtures/zone');
  const zone = parseZoneText('$TTL 1\n$INCLUDE include-part.inc\n', { ...O, path: path.join(fixtures, 'x.zone') });
  assert.deepEqual(zone.problems, []);
  assert.deepEqual(zone.records.map((r) => r.owner), ['host.example.com.', 'x.deeper.example.com.']);
});

test('a directive ending the file without a line break: zone-syntax directive-at-eof on its name, in English and Japanese', () => {
  const text = '$TTL 1\n@ SOA ns h 1 2 3 4 5\n$ttl 300 ; the last line';
  const zone = parseZoneText(text, O);
  assert.deepEqual(describe(zone, text), ['zone-syntax directive-at-eof "$ttl"']);
  const [p] = zone.problems;
  assert.match(formatMessage(p, 'en'), /\$TTL ends the file without a line break/);
  assert.match(formatMessage(p, 'ja'), /ファイルの最後の \$TTL の後に改行がありません/);
  // With the line break, or a carriage return, nothing; $TTL still applies either way.
  assert.deepEqual(describe(parseZoneText(text + '\n', O), text + '\n'), []);
  assert.deepEqual(describe(parseZoneText('$TTL 1\r', O), '$TTL 1\r'), []);
});
