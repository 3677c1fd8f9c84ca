/**
 * Names written in Unicode (zone/idn.ts): BIND publishes their UTF-8 bytes, a name nobody
 * looks up; zone-unicode-name says so on the name as written, with its IDNA form, and the
 * quick-fix writes that form.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseZoneText, printZone } from '../../../server/src/zone/index';
import { analyzeSync } from '../../../server/src/analysis';
import { formatMessage } from '../../../server/src/diagnostics/registry';
import { fixesFor } from '../../../server/src/fixes/index';
import { unicodeName } from '../../../server/src/zone/idn';
import { applyEdits } from '../fixes/helpers';
import { bindCheck, bindRecords, needsBind, recordLines } from '../../helpers/bind';

const HEAD = '$ORIGIN example.jp.\n$TTL 3600\n@ SOA ns1 root 1 3600 900 604800 3600\n@ NS ns1\nns1 A 192.0.2.1\n';
const CODE = 'zone-unicode-name';
// Expected IDNA forms checked against Python's encodings.idna (IDNA 2003), a second implementation.

const hits = (text: string) => parseZoneText(text, { origin: 'example.jp.' }).problems.filter((p) => p.code === CODE);
const written = (text: string) => hits(text).map((p) => [text.slice(p.offset, p.offset + p.length), p.args?.ascii]);

test('unicodeName: the IDNA form of each Unicode label, full-width letters and stops mapped; none for bytes, look-alikes or escapes', () => {
  assert.deepEqual(unicodeName('ショップ'), { ascii: 'xn--xckya1d0c' });
  assert.deepEqual(unicodeName('メール.Example.jp.'), { ascii: 'xn--4dkua4c.Example.jp.' });
  assert.deepEqual(unicodeName('ｍａｉｌ'), { ascii: 'mail' });
  assert.deepEqual(unicodeName('www．example'), { ascii: 'www.example' });
  assert.deepEqual(unicodeName('bücher.de.'), { ascii: 'xn--bcher-kva.de.' });
  assert.equal(unicodeName('www.example.jp.'), undefined);
  assert.equal(unicodeName('www\u3000IN'), undefined, 'a look-alike alone is zone-lookalike-character');
  assert.equal(unicodeName('\uDC93\uDCFA'), undefined, 'bytes that are not UTF-8 are zone-not-utf8');
  assert.deepEqual(unicodeName('日本\\.x'), { ascii: undefined }, 'an escape: reported, no fix');
  assert.deepEqual(unicodeName('\u0378x'), { ascii: undefined }, 'not an IDN: reported, no fix');
});

test('owners, $ORIGIN and names in RDATA written in Unicode are reported on the name as written', () => {
  const text =
    HEAD +
    'ショップ IN A 192.0.2.2\n' +
    '  IN AAAA 2001:db8::2\n' +
    'ショップ IN TXT "owner written again"\n' +
    'www IN CNAME 日本語.jp.\n' +
    '@ IN MX 10 メール\n' +
    '_sip._tcp IN SRV 0 5 5060 ｓｉｐ.example.jp.\n' +
    'sub IN NS ネーム.example.net.\n' +
    '$ORIGIN 部署.example.jp.\n' +
    'host IN A 192.0.2.3\n';
  assert.deepEqual(written(text), [
    ['ショップ', 'xn--xckya1d0c'],
    ['ショップ', 'xn--xckya1d0c'],
    ['日本語.jp.', 'xn--wgv71a119e.jp.'],
    ['メール', 'xn--4dkua4c'],
    ['ｓｉｐ.example.jp.', 'sip.example.jp.'],
    ['ネーム.example.net.', 'xn--kdkvbxe.example.net.'],
    ['部署.example.jp.', 'xn--ss0ao17a.example.jp.'],
  ]);
  const [first] = hits(text);
  assert.equal(
    formatMessage(first),
    "'ショップ' is written in Unicode, but DNS names are ASCII: BIND publishes its UTF-8 bytes as the name (\\227\\130\\183\\227\\131\\167\\227\\131\\131\\227\\131\\151.example.jp.), which nobody looks up. Browsers and mail servers ask for 'xn--xckya1d0c' (its IDNA form): write that instead",
  );
  assert.match(formatMessage(first, 'ja'), /^'ショップ' は Unicode で書かれていますが、DNS の名前は ASCII です。.*'xn--xckya1d0c'（IDNA 形式）です。こちらを書いてください$/);
  // One diagnostic per name: check-names (a hint) is not given beside it.
  const all = analyzeSync(parseZoneText(text, { origin: 'example.jp.' }));
  assert.deepEqual(all.filter((p) => p.code === 'zone-check-names'), []);
});

test('nothing is reported for Japanese in comments and TXT data, nor for ASCII names; check-names stays for an ASCII bad name', () => {
  const text = HEAD + '; 日本語のコメント\ninfo IN TXT "日本語のテキスト"\nbad_name IN A 192.0.2.9\n';
  assert.deepEqual(hits(text), []);
  const all = analyzeSync(parseZoneText(text, { origin: 'example.jp.' }));
  assert.deepEqual(all.filter((p) => p.code === 'zone-check-names').map((p) => text.slice(p.offset, p.offset + p.length)), ['bad_name']);
});

test('quick-fix: the IDNA form, and every Unicode name of the file at once; the zone then has none', () => {
  const text = HEAD + 'ショップ IN A 192.0.2.2\nｍａｉｌ IN A 192.0.2.3\n@ IN MX 10 ｍａｉｌ\n';
  const zone = parseZoneText(text, { origin: 'example.jp.' });
  const problems = zone.problems.filter((p) => p.code === CODE);
  assert.equal(problems.length, 3);
  const [one, all] = fixesFor({ text, zone, problem: problems[0] });
  assert.deepEqual(one.title, { en: "Write 'xn--xckya1d0c' (the IDNA form)", ja: "IDNA 形式の 'xn--xckya1d0c' に書き換える" });
  assert.equal(one.preferred, true);
  assert.equal(applyEdits(text, one.edits), text.replace('ショップ', 'xn--xckya1d0c'));
  assert.deepEqual(all.title, { en: 'Write all 3 Unicode names of this file in ASCII', ja: 'このファイルの Unicode の名前 3 個をすべて ASCII に書き換える' });
  const fixed = applyEdits(text, all.edits);
  assert.equal(fixed, HEAD + 'xn--xckya1d0c IN A 192.0.2.2\nmail IN A 192.0.2.3\n@ IN MX 10 mail\n');
  assert.deepEqual(parseZoneText(fixed, { origin: 'example.jp.' }).problems, []);
  // No fix for a name without an IDNA form; the diagnostic stays.
  const odd = HEAD + '\u0378x IN A 192.0.2.4\n';
  const oddZone = parseZoneText(odd, { origin: 'example.jp.' });
  const [p] = oddZone.problems.filter((q) => q.code === CODE);
  assert.match(formatMessage(p), /\. Write the name in ASCII \(an internationalized name in its IDNA form, xn--…\)$/);
  assert.deepEqual(fixesFor({ text: odd, zone: oddZone, problem: p }), []);
});

test('BIND publishes the UTF-8 bytes of a Unicode name; after the fix, the IDNA name', { skip: needsBind }, () => {
  const text = HEAD + 'ショップ IN A 192.0.2.2\n@ IN MX 10 メール\nメール IN A 192.0.2.3\n';
  const before = bindRecords(text, 'example.jp');
  assert.ok(before.includes('\\227\\130\\183\\227\\131\\167\\227\\131\\131\\227\\131\\151.example.jp. 3600 in a 192.0.2.2'), before.join('\n'));
  assert.deepEqual(recordLines(printZone(parseZoneText(text, { origin: 'example.jp.' }))), before);
  const zone = parseZoneText(text, { origin: 'example.jp.' });
  const problem = zone.problems.find((p) => p.code === CODE)!;
  const fixes = fixesFor({ text, zone, problem });
  const after = bindRecords(applyEdits(text, fixes[fixes.length - 1].edits), 'example.jp');
  assert.ok(after.includes('xn--xckya1d0c.example.jp. 3600 in a 192.0.2.2'), after.join('\n'));
  assert.ok(after.includes('example.jp. 3600 in mx 10 xn--4dkua4c.example.jp.'), after.join('\n'));
});

test('the warning does not hide an error at the same place: a line that is only a Unicode name (or bytes that are not UTF-8) still lacks its type', () => {
  for (const line of ['ショップ', 'ｗｗｗ', '\uDC93\uDCFA\uDC96{']) {
    const text = HEAD + line + '\n';
    const problems = parseZoneText(text, { origin: 'example.jp.' }).problems.map((p) => [p.code, text.slice(p.offset, p.offset + p.length)]);
    assert.deepEqual(problems.find((p) => p[0] === 'zone-syntax'), ['zone-syntax', line], line);
    assert.ok(problems.some((p) => p[0] === CODE || p[0] === 'zone-not-utf8'), line);
  }
});

test('a name whose escapes spell UTF-8 text (as BIND and dig print a Unicode name) is reported the same way, with the text it spells', () => {
  const shop = '\\227\\130\\183\\227\\131\\167\\227\\131\\131\\227\\131\\151';
  assert.deepEqual(unicodeName(shop), { ascii: 'xn--xckya1d0c', escaped: 'ショップ' });
  assert.deepEqual(unicodeName(`${shop}.Example.jp.`), { ascii: 'xn--xckya1d0c.Example.jp.', escaped: 'ショップ.Example.jp.' });
  assert.deepEqual(unicodeName('b\\195\\188cher.de.'), { ascii: 'xn--bcher-kva.de.', escaped: 'bücher.de.' });
  // A dot inside a label: shown escaped, and no IDNA form (it would be two labels).
  assert.deepEqual(unicodeName('a\\.\\195\\169'), { ascii: undefined, escaped: 'a\\.é' });
  // Escapes of ASCII, octets that are not UTF-8, control characters and look-alikes are not text.
  for (const name of ['\\097bc', 'a\\@b', 'x\\000y', '\\200\\201', '\\194\\160x', '\\227\\128\\128', '\\194\\128']) assert.equal(unicodeName(name), undefined, name);

  const text = HEAD + `${shop} IN A 192.0.2.2\nwww IN CNAME ${shop}\n`;
  assert.deepEqual(written(text), [
    [shop, 'xn--xckya1d0c'],
    [shop, 'xn--xckya1d0c'],
  ]);
  const [first] = hits(text);
  assert.equal(
    formatMessage(first),
    `'${shop}' spells the UTF-8 of 'ショップ' in escapes, but DNS names are ASCII: BIND publishes its UTF-8 bytes as the name (${shop}.example.jp.), which nobody looks up. Browsers and mail servers ask for 'xn--xckya1d0c' (its IDNA form): write that instead`,
  );
  assert.match(formatMessage(first, 'ja'), /^'\\227.*\\151' は 'ショップ' の UTF-8 をエスケープで書いたものですが、DNS の名前は ASCII です。/);
  // BIND's check-names warns about such an owner; here it is this one warning, not a hint beside it.
  const all = analyzeSync(parseZoneText(text, { origin: 'example.jp.' }));
  assert.deepEqual(all.filter((p) => p.code === 'zone-check-names'), []);
  // The quick-fix writes the IDNA form, and the zone then has nothing to report.
  const zone = parseZoneText(text, { origin: 'example.jp.' });
  const fixes = fixesFor({ text, zone, problem: zone.problems.find((p) => p.code === CODE)! });
  const fixed = applyEdits(text, fixes[fixes.length - 1].edits);
  assert.equal(fixed, HEAD + 'xn--xckya1d0c IN A 192.0.2.2\nwww IN CNAME xn--xckya1d0c\n');
  assert.deepEqual(parseZoneText(fixed, { origin: 'example.jp.' }).problems, []);
});

test('BIND warns about an owner whose escapes spell UTF-8 (check-names); so do we, once', { skip: needsBind }, () => {
  const shop = '\\227\\130\\183\\227\\131\\167\\227\\131\\131\\227\\131\\151';
  const text = HEAD + `${shop} IN A 192.0.2.2\n`;
  const r = bindCheck(text, 'example.jp');
  assert.match(r.stdout + r.stderr, /db:6: .*example\.jp: bad owner name \(check-names\)/);
  const ours = analyzeSync(parseZoneText(text, { origin: 'example.jp.' })).filter((p) => p.code === CODE || p.code === 'zone-check-names');
  assert.deepEqual(ours.map((p) => [p.code, text.slice(0, p.offset).split('\n').length]), [[CODE, 6]]);
});
