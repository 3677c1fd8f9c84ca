/**
 * Files that are not UTF-8 (a Shift_JIS or EUC-JP zone written on a Japanese Windows
 * machine): read from disk, their bytes are kept (zone/encoding.ts) and the records
 * print as BIND reads them; each line holding such bytes, or U+FFFD where an editor
 * replaced them, is reported as zone-not-utf8.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { charOctets, decodeZoneBytes } from '../../../server/src/zone/encoding';
import { parseZoneFile, parseZoneText, printZone } from '../../../server/src/zone/index';
import { formatMessage } from '../../../server/src/diagnostics/registry';

const HEAD = '$ORIGIN example.jp.\n$TTL 3600\n@ SOA ns1 root 1 3600 900 604800 3600\n@ NS ns1\nns1 A 192.0.2.1\n';
const CODE = 'zone-not-utf8';
const root = path.resolve(__dirname, '../../..');
const hasBind = spawnSync('named-checkzone', ['-v']).status === 0;
/** 日本語 in Shift_JIS. */
const SJIS = Buffer.from([0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea]);

/** The octets a text stands for, char by char, as the parser reads them. */
function octetsOf(text: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    for (const ch of charOctets(text, i)) out.push(ch.charCodeAt(0));
    i += cp > 0xffff ? 2 : 1;
  }
  return Buffer.from(out);
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-encoding-'));
}

test('decodeZoneBytes: UTF-8 reads as UTF-8; any bytes read back to themselves', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (s) => {
      const bytes = Buffer.from(s, 'utf8');
      assert.equal(decodeZoneBytes(bytes), bytes.toString('utf8'));
    }),
    { numRuns: 2000 },
  );
  // Bytes from UTF-8 pieces and stray octets (lead bytes, continuations, overlong forms,
  // surrogates, beyond U+10FFFF): each is kept, the valid pieces decode as before.
  const piece = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 4 }).map((s) => [...Buffer.from(s, 'utf8')]),
    fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 3 }),
    fc.constantFrom([0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe6, 0x97]),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
      const bytes = Buffer.from(pieces.flat());
      const text = decodeZoneBytes(bytes);
      assert.deepEqual(octetsOf(text), bytes);
      // Escapes only where the bytes are not UTF-8.
      assert.equal(/(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/.test(text), !isUtf8(bytes));
    }),
    { numRuns: 3000 },
  );
  assert.equal(decodeZoneBytes(Buffer.from([0x61, 0x93, 0xfa, 0x62])), 'a\uDC93\uDCFAb');
  assert.equal(decodeZoneBytes(Buffer.from([0xe6, 0x97, 0xa5, 0xe6, 0x97])), '日\uDCE6\uDC97');
});

test('each line holding bytes that are not UTF-8 is reported once, from its first such character to its last', () => {
  const lines = [
    '; \uFFFD\uFFFD{\uFFFD comment written in Shift_JIS',
    'info TXT "\uDC93\uDCFA ok \uDC96"',
    'bad\uFFFD A 192.0.2.2',
    '; a comment in UTF-8: 日本語のコメント',
    'ok TXT "日本語 \u{1F480} \u{100FF}"',
    '( \uFFFD',
    '  ) ; a record over two lines is one logical line',
  ];
  const text = HEAD + lines.join('\n') + '\n';
  const zone = parseZoneText(text, { origin: 'example.jp.' });
  const hits = zone.problems.filter((p) => p.code === CODE);
  const at = (line: string, from: string, to: string) => {
    const start = text.indexOf(line) + line.indexOf(from);
    return { offset: start, length: text.indexOf(line) + line.lastIndexOf(to) + 1 - start };
  };
  assert.deepEqual(
    hits.map((p) => ({ offset: p.offset, length: p.length })),
    [at(lines[0], '\uFFFD', '\uFFFD'), at(lines[1], '\uDC93', '\uDC96'), at(lines[2], '\uFFFD', '\uFFFD'), at(lines[5], '\uFFFD', '\uFFFD')],
  );
  assert.match(formatMessage(hits[0]), /^This line has bytes that are not UTF-8: the file is probably in Shift_JIS or EUC-JP\. BIND loads the bytes as they are/);
  assert.match(formatMessage(hits[0], 'ja'), /^この行には UTF-8 ではないバイトがあります。.*エンコード付きで再度開く/);
  assert.equal(hits[0].severity ?? 'warning', 'warning');
  // A UTF-8 file with Japanese text has nothing to report.
  assert.deepEqual(parseZoneText(HEAD + lines.slice(3, 5).join('\n') + '\n', { origin: 'example.jp.' }).problems, []);
});

test('a Shift_JIS zone prints as named-checkzone -D prints it: the bytes are kept', { skip: hasBind ? false : 'named-checkzone (bind9-utils) is not installed' }, () => {
  const bytes = Buffer.concat([
    Buffer.from(HEAD + '; '),
    SJIS,
    Buffer.from('\ninfo TXT "'),
    SJIS,
    Buffer.from(' \xc0\xaf \xed\xa0\x80 \xe6\x97\xa5"\n', 'latin1'),
    SJIS.subarray(0, 2),
    Buffer.from(' TXT '),
    SJIS,
    Buffer.from('\n'),
  ]);
  const dir = tempDir();
  try {
    const file = path.join(dir, 'db');
    fs.writeFileSync(file, bytes);
    const bind = spawnSync('named-checkzone', ['-i', 'local', '-D', '-o', '-', 'example.jp', 'db'], { cwd: dir, encoding: 'latin1' });
    assert.equal(bind.status, 0, bind.stderr + bind.stdout);
    const norm = (s: string) => s.split('\n').filter((l) => l && !l.startsWith(';')).map((l) => l.split(/\s+/).join(' ').toLowerCase()).sort();
    const zone = parseZoneFile(file, { origin: 'example.jp.' });
    const ours = norm(printZone(zone));
    assert.deepEqual(ours, norm(bind.stdout));
    assert.ok(ours.some((l) => l.includes('"\\147\\250\\150{\\140\\234 \\192\\175 \\237\\160\\128 \\230\\151\\165"')), ours.join('\n'));
    assert.deepEqual(zone.problems.map((p) => p.code), [CODE, CODE, CODE]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('zonelint check and print on a Shift_JIS file: the lines are reported, the printed bytes are the file\'s', () => {
  const dir = tempDir();
  try {
    const file = path.join(dir, 'db.example.jp');
    fs.writeFileSync(file, Buffer.concat([Buffer.from(HEAD + 'info TXT "'), SJIS, Buffer.from('"\n')]));
    const cli = path.join(root, 'dist', 'cli.js');
    const check = spawnSync(process.execPath, [cli, 'check', '--format', 'json', file], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
    const findings = JSON.parse(check.stdout) as Array<{ code: string; range: { start: { line: number; character: number } } }>;
    assert.deepEqual(findings.map((f) => [f.code, f.range.start.line, f.range.start.character]), [[CODE, 5, 10]]);
    const print = spawnSync(process.execPath, [cli, 'print', file], { encoding: 'utf8' });
    assert.equal(print.status, 0, print.stderr);
    assert.match(print.stdout, /^info\.example\.jp\. 3600 IN TXT "\\147\\250\\150\{\\140\\234"$/m);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
