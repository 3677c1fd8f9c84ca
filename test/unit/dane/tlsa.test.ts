/**
 * TLSA records (RFC 6698, RFC 7672): tlsa-bad-data (a digest of the wrong length, full data
 * that is no certificate or key, read with node:crypto), tlsa-unusable (unassigned values,
 * PKIX usages for SMTP) and tlsa-misplaced (not at _port._protocol.host). The keys are made
 * at test time; the digests are node:crypto's. BIND loads every one of these records
 * without a word (named-checkzone).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { analyzeSync } from '../../../server/src/analysis';
import { formatMessage, severityOf } from '../../../server/src/diagnostics/registry';
import { parseZoneText } from '../../../server/src/zone/index';
import { bindCheck, needsBind } from '../../helpers/bind';

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
