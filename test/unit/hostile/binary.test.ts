/**
 * Files that are not zone files (issue 10): random bytes, a PNG, an ELF binary,
 * NUL bytes, invalid UTF-8 and lone surrogates. Opened as zones they must give
 * problems inside the text, never a throw or a hang.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyzeSync } from '../../../server/src/analysis';
import { allCodes } from '../../../server/src/diagnostics/registry';
import { parseZoneFile } from '../../../server/src/zone/index';
import { decodeZoneBytes } from '../../../server/src/zone/encoding';
import { badProblems } from '../../helpers/fuzz';
import { diagnose, withinMs } from './helpers';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-binary-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes `bytes` to a file and diagnoses it the way the CLI opens a zone (UTF-8, bad bytes kept: zone/encoding.ts). */
function openAsZone(name: string, bytes: Uint8Array) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return withinMs(5000, name, () => {
    const zone = parseZoneFile(file, { origin: 'example.com.' });
    const problems = analyzeSync(zone);
    const text = decodeZoneBytes(fs.readFileSync(file));
    assert.deepEqual(badProblems(text, problems), []);
    return { zone, problems, text };
  });
}

const isError = (code: string) => allCodes.get(code)?.severity === 'error';

test('random bytes opened as a zone: problems inside the text, never a throw', () => {
  const samples = fc.sample(fc.uint8Array({ minLength: 1, maxLength: 4096 }), { numRuns: 60, seed: 10 });
  for (const [i, bytes] of samples.entries()) openAsZone(`random-${i}.db`, bytes);
  const big = fc.sample(fc.uint8Array({ minLength: 1 << 20, maxLength: 1 << 20 }), { numRuns: 1, seed: 11 })[0];
  const { problems } = openAsZone('random-1mb.db', big);
  assert.ok(problems.some((p) => isError(p.code)), 'a megabyte of noise is not a valid zone');
});

test('a PNG image opened as a zone is reported, not parsed into records silently', () => {
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from('0000000d49484452000000100000001008060000001ff3ff61', 'hex'),
    Buffer.from(fc.sample(fc.uint8Array({ minLength: 2000, maxLength: 2000 }), { numRuns: 1, seed: 12 })[0]),
    Buffer.from('0000000049454e44ae426082', 'hex'),
  ]);
  const { problems } = openAsZone('image.png', png);
  assert.ok(problems.some((p) => isError(p.code)));
});

test('an ELF executable (the running node binary, first 256 KB) opened as a zone', () => {
  const fd = fs.openSync(process.execPath, 'r');
  const head = Buffer.alloc(256 * 1024);
  const n = fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  assert.deepEqual([...head.subarray(0, 4)], [0x7f, 0x45, 0x4c, 0x46], 'node is an ELF binary here');
  const { problems } = openAsZone('node.elf', head.subarray(0, n));
  assert.ok(problems.some((p) => isError(p.code)));
});

test('invalid UTF-8 is kept byte for byte, and the problems point at it', () => {
  const bytes = Buffer.concat([Buffer.from('$TTL 60\nw'), Buffer.from([0xff, 0xc3]), Buffer.from('w A 192.0.2.1\n@ TXT "v=spf1 include:'), Buffer.from([0xe2, 0x82]), Buffer.from('.example.com -all"\n')]);
  const { problems, text, zone } = openAsZone('bad-utf8.db', bytes);
  assert.ok(text.includes('w\uDCFF\uDCC3w'));
  const owner = problems.find((p) => p.code === 'zone-check-names');
  assert.equal(owner && text.slice(owner.offset, owner.offset + owner.length), 'w\uDCFF\uDCC3w');
  assert.equal(zone.records[0].owner, 'w\\255\\195w.example.com.');
  const spf = problems.find((p) => p.code === 'spf-non-ascii');
  assert.equal(spf && text.slice(spf.offset, spf.offset + spf.length), '\uDCE2\uDC82');
  assert.deepEqual(
    problems.filter((p) => p.code === 'zone-not-utf8').map((p) => text.slice(p.offset, p.offset + p.length)),
    ['\uDCFF\uDCC3', '\uDCE2\uDC82'],
  );
});

test('NUL bytes in owners, RDATA, SPF, DMARC and on lines of their own', () => {
  const text = '$TTL 60\na\0b A 192.0.2.1\n@ A 192.0.2.1\0\n@ TXT "v=spf1 a\0 -all"\n_dmarc TXT "v=DMARC1; p=reject\0"\n\0\0\0\0\n';
  const { problems } = withinMs(2000, 'NUL bytes', () => diagnose(text));
  const at = (code: string) => problems.filter((p) => p.code === code).map((p) => [p.args?.detail, text.slice(p.offset, p.offset + p.length)]);
  assert.deepEqual(at('zone-check-names'), [[undefined, 'a\0b']]);
  assert.deepEqual(at('zone-bad-rdata'), [['rdata-ipv4', '192.0.2.1\0']]);
  assert.deepEqual(at('spf-syntax'), [['spf-control-char', '\0']]);
  assert.deepEqual(at('dmarc-syntax'), [['dmarc-bad-char', '\0']]);
  assert.deepEqual(at('zone-syntax'), [['missing-type', '\0\0\0\0']]);
});

test('lone surrogates (possible in an editor buffer, not in a decoded file) are diagnosed or carried as U+FFFD', () => {
  const text = '$TTL 60\n\uDC00 A 192.0.2.1\n@ TXT "x\uD800y"\n@ TXT "v=spf1 a:\uD800.example.com -all"\n';
  const { zone, problems } = withinMs(2000, 'lone surrogates', () => diagnose(text));
  const at = (code: string) => problems.filter((p) => p.code === code).map((p) => text.slice(p.offset, p.offset + p.length));
  assert.deepEqual(at('zone-check-names'), ['\uDC00']);
  assert.deepEqual(at('spf-non-ascii'), ['\uD800']);
  // A lone surrogate has no UTF-8 form: the octets are those of U+FFFD, as TextEncoder gives.
  assert.equal(zone.records.find((r) => r.rdata.canonical.startsWith('"x'))?.rdata.canonical, '"x\\239\\191\\189y"');
});
