import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { checkDkim, decodeDkimKey, parseDkimKey } from '../../../server/src/dkim/index';
import { checkDmarc } from '../../../server/src/dmarc/index';
import { formatMessage, severityOf } from '../../../server/src/diagnostics/registry';
import { fixtureZone, found } from '../../fixtures/mail/zone';
import { printable } from '../../../server/src/dkim/records';

// Public keys only, generated at test time: no private key is ever written down.
const spki = (type: 'rsa' | 'ed25519' | 'ec', bits = 2048): string => {
  const options = type === 'rsa' ? { modulusLength: bits } : type === 'ec' ? { namedCurve: 'P-256' } : {};
  const { publicKey } = generateKeyPairSync(type as 'rsa', options as { modulusLength: number });
  return publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
};
const rsa2048 = spki('rsa', 2048);
const rsa512 = spki('rsa', 512);
const ed25519Spki = spki('ed25519');
const ed25519Raw = Buffer.from(ed25519Spki, 'base64').subarray(12).toString('base64');
const ecSpki = spki('ec');
const rsaPkcs1 = (() => {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return publicKey.export({ type: 'pkcs1', format: 'der' }).toString('base64');
})();

// RFC 6376 Appendix C: the example 1024-bit key of brisbane._domainkey.example.com.
const RFC6376_KEY =
  'MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/zYtIxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631uBItLa7od+v/RtdC2UzJ1lWT947qR+Rcac2gbto/NMqJ0fzfVjH4OuKhitdY9tf6mcwGjaNBcWToIMmPSPDdQPNUYckcQ2QIDAQAB';
// RFC 8463 Appendix A.2: the example Ed25519 key of brisbane._domainkey.football.example.com.
const RFC8463_KEY = '11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=';

/** Splits a long key into quoted strings of `size` characters, as zone files do. */
const strings = (text: string, size = 60): string =>
  '( ' + (text.match(new RegExp(`.{1,${size}}`, 'g')) ?? ['']).map((s) => `"${s}"`).join('\n    ') + ' )';

function check(text: string) {
  const problems = checkDkim(fixtureZone(text));
  return { problems, found: found(text, problems) };
}

test('RFC 6376 and RFC 8463 example keys, and fresh 2048-bit and Ed25519 keys', () => {
  const text = [
    `brisbane._domainkey TXT "v=DKIM1; p=${RFC6376_KEY}"`,
    `football._domainkey TXT "v=DKIM1; k=ed25519; p=${RFC8463_KEY}"`,
    `big._domainkey TXT ${strings(`v=DKIM1; k=rsa; h=sha256; s=email; p=${rsa2048}`)}`,
    `ed._domainkey TXT "v=DKIM1; k=ed25519; p=${ed25519Raw}"`,
    `spaced._domainkey TXT ( "k=rsa; p=${rsa2048.slice(0, 100)} ${rsa2048.slice(100, 200)}" "${rsa2048.slice(200)}" )`,
    `_domainkey TXT "o=~; r=postmaster@example.com"`,
  ].join('\n');
  const { problems, found: f } = check(text);
  // Only the 1024-bit example key falls short of RFC 8301's 2048 bits.
  assert.deepEqual(f, [['dkim-weak-key', RFC6376_KEY]]);
  assert.equal(severityOf(problems[0]), 'warning');
  assert.match(formatMessage(problems[0]), /has 1024 bits: RFC 8301 asks for at least 2048/);
});

test('a bad character in the third string of a multi-line key points at that character', () => {
  const key = rsa2048.slice(0, 130) + '*' + rsa2048.slice(131);
  const text = `sel._domainkey TXT ${strings(`v=DKIM1; k=rsa; p=${key}`)}`;
  const { problems } = check(text);
  assert.equal(problems.length, 1);
  const p = problems[0];
  assert.equal(p.code, 'dkim-invalid-key');
  assert.equal(text.slice(p.offset, p.offset + p.length), '*');
  assert.equal(p.offset, text.indexOf('*'));
  assert.equal(text.lastIndexOf('\n', p.offset) > text.indexOf('\n'), true, 'the star is on the third line');
  assert.equal(formatMessage(p), 'The public key in p= cannot be used: it is not valid base64 ("*"). Mail signed with selector sel will fail DKIM');
});

test('keys that are not what k= says, or not keys at all', () => {
  const truncated = rsa2048.slice(0, rsa2048.length - 1);
  const text = [
    `a._domainkey TXT "v=DKIM1; k=ed25519; p=${ed25519Spki}"`,
    `b._domainkey TXT "v=DKIM1; p=${ed25519Raw}"`,
    `c._domainkey TXT "v=DKIM1; k=rsa; p=${ecSpki}"`,
    `d._domainkey TXT ${strings(`v=DKIM1; k=dsa; p=${rsa2048}`)}`,
    `e._domainkey TXT ${strings(`v=DKIM1; p=${truncated}`)}`,
    `f._domainkey TXT "v=DKIM1; p=${Buffer.from('not a key at all').toString('base64')}"`,
    `g._domainkey TXT "v=DKIM1; k=ed25519; p=${Buffer.alloc(16).toString('base64')}"`,
    `h._domainkey TXT ${strings(`v=DKIM1; p=${rsaPkcs1}`)}`,
    `i._domainkey TXT "v=DKIM1; k=ed25519; p=-----BEGIN PUBLIC KEY-----${ed25519Spki}-----END PUBLIC KEY-----"`,
  ].join('\n');
  const { problems } = check(text);
  const details = problems.map((p) => [p.code, p.args?.detail, severityOf(p)]);
  assert.deepEqual(details, [
    ['dkim-invalid-key', 'dkim-key-ed25519-spki', 'error'],
    ['dkim-invalid-key', 'dkim-key-looks-ed25519', 'error'],
    ['dkim-invalid-key', 'dkim-key-type-mismatch', 'error'],
    ['dkim-invalid-key', 'dkim-key-unknown-type', 'error'],
    ['dkim-invalid-key', 'dkim-key-truncated', 'error'],
    ['dkim-invalid-key', 'dkim-key-not-key', 'error'],
    ['dkim-invalid-key', 'dkim-key-ed25519-length', 'error'],
    ['dkim-invalid-key', 'dkim-key-pkcs1', 'warning'],
    ['dkim-invalid-key', 'dkim-key-pem', 'error'],
  ]);
  const under = problems.map((p) => text.slice(p.offset, p.offset + p.length));
  assert.equal(under[0], ed25519Spki);
  assert.equal(under[2], ecSpki);
  assert.equal(under[3], 'dsa');
  assert.equal(under[4].replace(/"\s*"/g, ''), truncated, 'the range covers the key across its strings');
  assert.match(formatMessage(problems[2]), /it is an ec key but k= says rsa/);
  assert.match(formatMessage(problems[6], 'ja'), /Ed25519 の鍵は 32 バイトですが、これは 16 バイトです/);
});

test('weak keys: RSA under 1024 bits is an error, sha1-only is an error', () => {
  const text = [`small._domainkey TXT "v=DKIM1; p=${rsa512}"`, `old._domainkey TXT ${strings(`v=DKIM1; h=sha1; p=${rsa2048}`)}`, `both._domainkey TXT ${strings(`v=DKIM1; h=sha1:sha256; p=${rsa2048}`)}`].join('\n');
  const { problems, found: f } = check(text);
  assert.deepEqual(f, [['dkim-weak-key', rsa512], ['dkim-weak-key', 'sha1']]);
  assert.deepEqual(problems.map(severityOf), ['error', 'error']);
  assert.match(formatMessage(problems[0]), /only 512 bits: verifiers must reject keys under 1024 bits/);
});

test('a record verifiers never use for mail gets no weak-key warning ("it still works" would be untrue)', () => {
  const text = [
    `two._domainkey TXT "v=DKIM2; k=rsa; p=${RFC6376_KEY}"`,
    `tls._domainkey TXT "v=DKIM1; s=tlsrpt; p=${RFC6376_KEY}"`,
    `old._domainkey TXT ${strings(`v=DKIM2; h=sha1; p=${rsa2048}`)}`,
    `used._domainkey TXT "v=DKIM1; s=Email; p=${RFC6376_KEY}"`,
  ].join('\n');
  const { found: f } = check(text);
  // What makes each record unused is said; the key's size only where the record is used.
  assert.deepEqual(f, [['dkim-syntax', 'DKIM2'], ['dkim-invalid-key', 'tlsrpt'], ['dkim-syntax', 'DKIM2'], ['dkim-weak-key', RFC6376_KEY]]);
});

test('revoked, testing, unknown tags and syntax errors, each at its range', () => {
  const text = [
    'gone._domainkey TXT "v=DKIM1; k=rsa; p="',
    `test._domainkey TXT "v=DKIM1; t=s:y; p=${ed25519Raw}; k=ed25519"`,
    `odd._domainkey TXT "v=DKIM1; g=*; P=x; x-foo=1; zz=2; k=ed25519; p=${ed25519Raw}"`,
    `ver._domainkey TXT "v=DKIM2; k=ed25519; p=${ed25519Raw}"`,
    `late._domainkey TXT "k=ed25519; v=DKIM1; p=${ed25519Raw}"`,
    'nokey._domainkey TXT "v=DKIM1; k=rsa"',
    `twice._domainkey TXT "v=DKIM1; k=ed25519; p=${ed25519Raw}; k=rsa"`,
    `list._domainkey TXT "v=DKIM1; k=ed25519; h=sha256:; s=email:*; t=!; p=${ed25519Raw}"`,
  ].join('\n');
  const { problems, found: f } = check(text);
  assert.deepEqual(f, [
    ['dkim-revoked', 'p='],
    ['dkim-testing', 'y'],
    ['dkim-unknown-tag', 'g'],
    ['dkim-unknown-tag', 'P'],
    ['dkim-syntax', 'x-foo'],
    ['dkim-unknown-tag', 'zz'],
    ['dkim-syntax', 'DKIM2'],
    ['dkim-syntax', `v=DKIM1`],
    ['dkim-syntax', '"v=DKIM1; k=rsa"'],
    ['dkim-syntax', 'k'],
    ['dkim-syntax', ':'],
    ['dkim-syntax', '!'],
  ]);
  const bySeverity = Object.fromEntries(problems.map((p) => [text.slice(p.offset, p.offset + p.length), severityOf(p)]));
  assert.equal(bySeverity['g'], 'information');
  assert.equal(bySeverity['P'], 'warning');
  assert.equal(bySeverity['p='], 'information');
  assert.equal(bySeverity['y'], 'information');
  const unknownP = problems.find((p) => p.args?.tag === 'P')!;
  assert.match(formatMessage(unknownP), /Unknown DKIM key tag "P": verifiers ignore it \(did you mean p=\?\)/);
});

test('a key type in upper case is a warning (values are case-sensitive; verifiers differ), the key still read as that type', () => {
  const text = [`upper._domainkey TXT "v=DKIM1; k=RSA; p=${RFC6376_KEY}"`, `mixed._domainkey TXT "v=DKIM1; k=Ed25519; p=${RFC8463_KEY}"`, `lower._domainkey TXT ${strings(`v=DKIM1; k=rsa; p=${rsa2048}`)}`].join('\n');
  const { problems, found: f } = check(text);
  assert.deepEqual(
    f.filter(([code]) => code === 'dkim-syntax'),
    [
      ['dkim-syntax', 'RSA'],
      ['dkim-syntax', 'Ed25519'],
    ],
  );
  const typeCase = problems.filter((p) => p.args?.detail === 'dkim-key-type-case');
  assert.deepEqual(typeCase.map(severityOf), ['warning', 'warning']);
  assert.match(formatMessage(typeCase[0]), /the key type is written "RSA"; tag values are case-sensitive \(§3\.2\): write "rsa"\. dkimpy ignores the key/);
  assert.match(formatMessage(typeCase[1], 'ja'), /「Ed25519」と書かれています。.*「ed25519」と書いてください/);
  // Read as the type it names: no dkim-invalid-key.
  assert.equal(problems.filter((p) => p.code === 'dkim-invalid-key').length, 0);
});

test('decodeDkimKey and parseDkimKey work on bare texts', () => {
  assert.deepEqual(decodeDkimKey('rsa', rsa2048), { ok: true, type: 'rsa', bits: 2048 });
  assert.deepEqual(decodeDkimKey('ed25519', RFC8463_KEY), { ok: true, type: 'ed25519' });
  assert.deepEqual(decodeDkimKey('rsa', 'MII='), { ok: false, reason: 'not-key' });
  assert.deepEqual(decodeDkimKey('rsa', 'MI=I'), { ok: false, reason: 'base64' });
  const key = parseDkimKey('v=DKIM1; K=x; p = ab\tcd ef==');
  assert.equal(key.keyType, 'rsa');
  assert.equal(key.publicKey, 'abcdef==');
  assert.equal(key.version?.value, 'DKIM1');
});

test('several key records at one selector, and a key kept away from mail by s=', () => {
  const text = [
    `rot._domainkey TXT "v=DKIM1; k=ed25519; p=${ed25519Raw}"`,
    `rot._domainkey TXT "v=DKIM1; k=ed25519; p=${RFC8463_KEY}"`,
    `same._domainkey TXT "v=DKIM1; k=ed25519; p=${RFC8463_KEY}"`,
    `same._domainkey TXT "v=DKIM1; k=ed25519; p=${RFC8463_KEY}"`,
    `svc._domainkey TXT "v=DKIM1; k=ed25519; s=tlsrpt:ftp; p=${RFC8463_KEY}"`,
    `any._domainkey TXT "v=DKIM1; k=ed25519; s=*; p=${RFC8463_KEY}"`,
  ].join('\n');
  const { problems, found: f } = check(text);
  assert.deepEqual(f, [
    ['dkim-multiple-records', `"v=DKIM1; k=ed25519; p=${ed25519Raw}"`],
    ['dkim-multiple-records', `"v=DKIM1; k=ed25519; p=${RFC8463_KEY}"`],
    ['dkim-invalid-key', 'tlsrpt:ftp'],
  ]);
  const multiple = problems.find((p) => p.code === 'dkim-multiple-records')!;
  const service = problems.find((p) => p.code === 'dkim-invalid-key')!;
  assert.equal(formatMessage(multiple).startsWith('Selector rot has 2 key records'), true);
  assert.equal(severityOf(service), 'warning');
  assert.match(formatMessage(service), /s=tlsrpt:ftp does not include email or \*/);
});

test('a full-width space (U+3000) or an invisible character between tags is named in dkim-syntax and dmarc-syntax', () => {
  const text = [
    's1._domainkey TXT "v=DKIM1;\u3000k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="',
    '_dmarc TXT "v=DMARC1;\u200bp=reject"',
    '_dmarc.sub TXT "v=DMARC1; p=reject; x\u00e9=1"',
    '',
  ].join('\n');
  const zone = fixtureZone(text);
  const dkim = checkDkim(zone).filter((p) => p.code === 'dkim-syntax');
  assert.equal(dkim.length, 1);
  assert.match(formatMessage(dkim[0]), /"\\227\\128\\128k" holds a full-width or invisible blank, which receivers do not read as a space/);
  assert.match(formatMessage(dkim[0], 'ja'), /全角などの空白か目に見えない文字があり/);
  const dmarc = checkDmarc(zone).filter((p) => p.code === 'dmarc-syntax').map((p) => formatMessage(p));
  assert.equal(dmarc.length, 2);
  assert.match(dmarc[0], /"\\226\\128\\139p" holds a full-width or invisible blank/);
  // Another non-ASCII character keeps the plain message, and shows as itself (blanks stay escaped).
  assert.match(dmarc[1], /"xé" is not a valid tag name$/);
});

test('messages quote a record\'s UTF-8 text as characters; blanks, controls, invisible characters and bytes that are not UTF-8 as \\DDD', () => {
  assert.equal(printable('DMARC1\xef\xbc\x9b p=reject'), 'DMARC1； p=reject');
  assert.equal(printable('\xef\xbd\x92\xef\xbd\x85'), 'ｒｅ');
  assert.equal(printable('a\xe3\x80\x80b'), 'a\\227\\128\\128b', 'a full-width space stays visible as octets');
  assert.equal(printable('a\xe2\x80\x8bb\xe2\x80\xaec'), 'a\\226\\128\\139b\\226\\128\\174c', 'zero-width space and a bidi override');
  assert.equal(printable('a\x93\xfab\xe6\x97'), 'a\\147\\250b\\230\\151', 'Shift_JIS bytes and a cut sequence');
  assert.equal(printable('\x00\x1b[31m'), '\\000\\027[31m');
  assert.equal(printable('x'.repeat(70)), 'x'.repeat(60) + '…');
});
