/**
 * TLSA records (RFC 6698, RFC 7672): tlsa-bad-data (a digest of the wrong length, full data
 * that is no certificate or key, read with node:crypto), tlsa-unusable (unassigned values,
 * PKIX usages for SMTP), tlsa-misplaced (not at _port._protocol.host) and tlsa-not-mx-host
 * (at the mail domain instead of its MX host). The keys are made
 * at test time; the digests are node:crypto's. BIND loads every one of these records
 * without a word (named-checkzone).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { analyzeSync } from '../../../server/src/analysis';
import { formatMessage, severityOf } from '../../../server/src/diagnostics/registry';
import { parseZoneText } from '../../../server/src/zone/index';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixesFor } from '../../../server/src/fixes/index';
import { IncrementalZone } from '../../../server/src/incremental/zone';
import { testAnnotatedFixtures } from '../../helpers/annotated';
import { bindCheck, bindRecords, needsBind } from '../../helpers/bind';
import { applyEdits, asSent } from '../fixes/helpers';
import { expectSame, SAME_NOW, SAME_OPTIONS } from '../incremental/same';

const HEAD = '$ORIGIN example.jp.\n$TTL 3600\n@ SOA ns1 hostmaster 1 3600 900 604800 3600\n@ NS ns1\nns1 A 192.0.2.1\n@ MX 10 mail\nmail A 192.0.2.25\n';
const spki = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'der' });
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const sha256 = hex(createHash('sha256').update(spki).digest());
const sha512 = hex(createHash('sha512').update(spki).digest());

const RECORDS = [
  // Fine: a key digest (3 1 1), its SHA-512 (3 1 2), the whole key (3 1 0), a CA's digest (2 0 1), HTTPS with PKIX-EE.
  `_25._tcp.mail IN TLSA 3 1 1 ${sha256}`,
  `_25._tcp.mail IN TLSA 3 1 2 ( ${sha512.slice(0, 64)}\n    ${sha512.slice(64)} )`,
  `_25._tcp.mail IN TLSA 3 1 0 ${hex(spki)}`,
  `_25._tcp.mail IN TLSA 2 0 1 ${sha256}`,
  `_443._tcp.www IN TLSA 1 0 1 ${sha256}`,
  // A SHA-256 digest cut short; a SHA-512 one given as SHA-256; full data that is no key / no certificate.
  `_25._tcp.mx2 IN TLSA 3 1 1 ${sha256.slice(0, 40)}`,
  `_25._tcp.mx3 IN TLSA 3 1 1 ${sha512}`,
  '_25._tcp.mx4 IN TLSA 3 1 0 abcdef',
  '_25._tcp.mx5 IN TLSA 3 0 0 3082',
  // Unassigned values; PKIX for SMTP.
  `_25._tcp.mx6 IN TLSA 4 1 1 ${sha256}`,
  `_25._tcp.mx7 IN TLSA 3 2 1 ${sha256}`,
  `_25._tcp.mx8 IN TLSA 1 1 1 ${sha256}`,
  // Where no client looks: the host itself, no port label.
  `mail IN TLSA 3 1 1 ${sha256}`,
  `_tcp.mail IN TLSA 3 1 1 ${sha256}`,
];
const TEXT = HEAD + RECORDS.join('\n') + '\n';

test('each problem on the field it is about, with its severity and message', () => {
  const zone = parseZoneText(TEXT, { origin: 'example.jp.' });
  assert.deepEqual(zone.problems, [], 'BIND-valid RDATA');
  const found = analyzeSync(zone)
    .filter((p) => p.code.startsWith('tlsa-'))
    .map((p) => [p.code, severityOf(p), TEXT.slice(p.offset, p.offset + p.length).slice(0, 12), p.args?.detail ?? '']);
  assert.deepEqual(found, [
    ['tlsa-bad-data', 'error', sha256.slice(0, 12), 'tlsa-digest-length'],
    ['tlsa-bad-data', 'error', sha512.slice(0, 12), 'tlsa-digest-length'],
    ['tlsa-bad-data', 'error', 'abcdef', 'tlsa-full-spki'],
    ['tlsa-bad-data', 'error', '3082', 'tlsa-full-cert'],
    ['tlsa-unusable', 'warning', '4', 'tlsa-unassigned'],
    ['tlsa-unusable', 'warning', '2', 'tlsa-unassigned'],
    ['tlsa-unusable', 'warning', '1', 'tlsa-smtp-pkix'],
    ['tlsa-misplaced', 'warning', 'mail', ''],
    ['tlsa-misplaced', 'warning', '_tcp.mail', ''],
  ]);
  const [short, , , , , , pkix, misplaced] = analyzeSync(zone).filter((p) => p.code.startsWith('tlsa-'));
  assert.equal(
    formatMessage(short),
    'TLSA record: matching type 1 (SHA-256) needs a digest of 32 octets (64 hex digits), and this one has 20: it matches no certificate, and a client that uses DANE refuses the connection (mail waits, then bounces)',
  );
  assert.match(formatMessage(short, 'ja'), /^TLSA レコード: マッチングタイプ 1（SHA-256）には 32 オクテット（16 進数 64 桁）のダイジェストが必要ですが、これは 20 オクテットです。/);
  assert.equal(formatMessage(pkix), 'TLSA record: usage 1 (PKIX-EE) is not used between mail servers, which treat the record as unusable: write 3 (DANE-EE) or 2 (DANE-TA)');
  assert.match(formatMessage(misplaced), /^This TLSA record is at mail\.example\.jp, where clients never look/);
});

test('BIND loads each of these records without a word', { skip: needsBind }, () => {
  const r = bindCheck(TEXT, 'example.jp');
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.deepEqual(r.stdout.split('\n').filter((l) => l && !/^zone example\.jp\/IN: loaded serial|^OK$/.test(l)), []);
});

// Annotated fixtures (test/fixtures/dane): every tlsa- diagnostic is annotated, and every annotation found.
testAnnotatedFixtures(path.resolve(__dirname, '../../fixtures/dane'), 'tlsa-');

const NOT_MX = fs.readFileSync(path.resolve(__dirname, '../../fixtures/dane/tlsa-not-mx-host.zone'), 'utf8');
const notMxHost = (text: string) => {
  const zone = parseZoneText(text, { origin: 'example.com.' });
  return { zone, problems: analyzeSync(zone).filter((p) => p.code === 'tlsa-not-mx-host') };
};

test('tlsa-not-mx-host: where the records belong, in English and Japanese; a fix only for one MX host of the zone', () => {
  const { zone, problems } = notMxHost(NOT_MX);
  assert.deepEqual(
    problems.map((p) => formatMessage(p)),
    [
      'Mail for example.com goes to its MX host (mail.example.com), and sending servers look for TLSA records at _25._tcp.<MX host>, never at this name: this record is read by no one, so DANE is not in force: put it at _25._tcp.mail.example.com',
      'Mail for shop.example.com goes to its MX host (smtp.google.com), and sending servers look for TLSA records at _25._tcp.<MX host>, never at this name: this record is read by no one, so DANE is not in force. The MX host is run by someone else, and its TLSA records are theirs to publish',
      'Mail for two.example.com goes to its MX host (mx1.example.com, mx2.example.com), and sending servers look for TLSA records at _25._tcp.<MX host>, never at this name: this record is read by no one, so DANE is not in force: put it at _25._tcp. of each MX host (mx1.example.com, mx2.example.com) that presents this certificate',
    ],
  );
  assert.equal(
    formatMessage(problems[0], 'ja'),
    'example.com 宛てのメールは MX ホスト（mail.example.com）に届きます。送信側のメールサーバーが TLSA レコードを探すのは _25._tcp.<MX ホスト> で、この名前は見ません。このレコードは誰にも読まれず、DANE は有効になっていません。_25._tcp.mail.example.com に置いてください',
  );
  assert.equal(severityOf(problems[0]), 'warning');
  // As the editor sends a diagnostic back: code, range and data.
  const fixes = problems.map((p) => fixesFor({ text: NOT_MX, zone, problem: asSent(p) }));
  assert.deepEqual(fixes.map((f) => f.map((x) => x.title.en)), [['Move the TLSA records to _25._tcp.mail.example.com'], [], []]);
  assert.equal(fixes[0][0].title.ja, 'TLSA レコードを _25._tcp.mail.example.com に移す');
  const after = applyEdits(NOT_MX, fixes[0][0].edits);
  // Only the one owner written is rewritten; the record that inherits it moves with it.
  assert.equal(after.replace('_25._tcp.mail.example.com.', '_25._tcp                 '.slice(0, 8)), NOT_MX);
  const left = notMxHost(after).problems.map((p) => p.args?.domain);
  assert.deepEqual(left, ['shop.example.com', 'two.example.com']);
  const again = parseZoneText(after, { origin: 'example.com.' });
  assert.deepEqual(
    again.records.filter((r) => r.typeCode === 52 && r.owner.startsWith('_25._tcp.mail.')).map((r) => r.tokens[0].text),
    ['3', '2'],
  );
});

test('tlsa-not-mx-host: no fix when the MX host has TLSA records already, or other data would move too', () => {
  const cases = [
    NOT_MX + `_25._tcp.mail   TLSA  3 1 1 ${sha256}\n`,
    NOT_MX + '_25._tcp        TXT   "note"\n',
  ];
  for (const text of cases) {
    const { zone, problems } = notMxHost(text);
    const first = problems.find((p) => p.args?.domain === 'example.com');
    assert.ok(first, text);
    assert.deepEqual(fixesFor({ text, zone, problem: asSent(first) }), [], text);
  }
  // A record of that name in an $INCLUDEd file: the fix would leave it behind.
  const main = NOT_MX + '$INCLUDE more.inc\n';
  const zone = parseZoneText(main, { origin: 'example.com.', path: '/z/main', readFile: (p: string) => (p === '/z/more.inc' ? `_25._tcp.example.com. TLSA 3 1 2 ${sha512}\n` : undefined) });
  assert.equal(zone.records.filter((r) => r.file === '/z/more.inc').length, 1);
  const first = analyzeSync(zone).find((p) => p.code === 'tlsa-not-mx-host' && p.args?.domain === 'example.com');
  assert.ok(first);
  assert.deepEqual(fixesFor({ text: main, zone, problem: asSent(first) }), []);
  // A record of another owner in between: the blank owner of the second TLSA record is then that owner's.
  const split = NOT_MX.replace('                TLSA  2 1 1', 'x A 192.0.2.9\n                TLSA  2 1 1');
  const { problems } = notMxHost(split);
  assert.equal(problems.filter((p) => p.args?.domain === 'example.com').length, 1);
});

test('BIND loads the misplaced records and the moved ones alike, at the names the fix writes', { skip: needsBind }, () => {
  const { zone, problems } = notMxHost(NOT_MX);
  const [fix] = fixesFor({ text: NOT_MX, zone, problem: asSent(problems[0]) });
  const after = applyEdits(NOT_MX, fix.edits);
  for (const text of [NOT_MX, after]) assert.equal(bindCheck(text, 'example.com').status, 0, text);
  const moved = bindRecords(after, 'example.com').filter((l) => l.startsWith('_25._tcp.mail.example.com.'));
  assert.equal(moved.length, 2, moved.join('\n'));
});

test('tlsa-not-mx-host follows edits of the MX record in the editor (incremental checks equal a whole check)', () => {
  const filler = Array.from({ length: 30 }, (_, i) => `h${i} A 192.0.2.${i + 10}\n`).join('');
  const head = '$ORIGIN example.com.\n$TTL 300\n@ SOA ns1 host 1 2 3 4 5\n@ NS ns1\nns1 A 192.0.2.1\n';
  const tail = `mail A 192.0.2.25\n_25._tcp.shop TLSA 3 1 1 ${sha256}\n`;
  const steps = ['', 'shop MX 10 mail\n', 'shop MX 10 shop\nshop A 192.0.2.7\n', 'shop MX 10 smtp.google.com.\n', 'shop MX 0 .\n'];
  const inc = new IncrementalZone(SAME_OPTIONS, () => SAME_NOW, 1);
  const said: number[] = [];
  for (const [i, mx] of steps.entries()) {
    const text = head + filler + mx + filler.replace(/h(\d+)/g, 'k$1') + tail;
    inc.update(text);
    expectSame(inc, text, `step ${i}: ${JSON.stringify(mx)}`);
    said.push(inc.allProblems().filter((p) => p.code === 'tlsa-not-mx-host').length);
  }
  assert.deepEqual(said, [0, 1, 0, 1, 0]);
});
