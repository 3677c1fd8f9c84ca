/**
 * Hostile $INCLUDE trees on disk (issue 10): cycles, deep chains and fan-out, read
 * from temp files through the default reader.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { analyzeSync } from '../../../server/src/analysis';
import { parseZoneFile, parseZoneText } from '../../../server/src/zone/index';
import { badProblems } from '../../helpers/fuzz';
import { withinMs } from './helpers';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-include-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes `files` (name → text) into a fresh folder; returns name → absolute path and the texts by path. */
function tree(name: string, files: Record<string, string>): { at: (f: string) => string; texts: Map<string, string> } {
  const root = path.join(dir, name);
  fs.mkdirSync(root);
  const texts = new Map<string, string>();
  for (const [f, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(root, f), text);
    texts.set(path.join(root, f), text);
  }
  return { at: (f) => path.join(root, f), texts };
}

function check(file: string, texts: Map<string, string>) {
  const zone = parseZoneFile(file, { origin: 'example.com.' });
  const problems = analyzeSync(zone);
  const main = texts.get(file)!;
  const others = new Map([...texts].filter(([p]) => p !== file));
  assert.deepEqual(badProblems(main, problems, others), []);
  return { zone, problems };
}

const SOA = '$TTL 300\n@ SOA ns h 1 1 1 1 1\n@ NS ns\nns A 192.0.2.1\n';

test('a file that includes itself: one cycle problem on the file name, its records once', () => {
  const t = tree('self', { 'db.zone': `${SOA}a A 192.0.2.2\n$INCLUDE db.zone\n` });
  const { zone, problems } = withinMs(2000, 'self include', () => check(t.at('db.zone'), t.texts));
  const cycles = problems.filter((p) => p.code === 'zone-include-cycle');
  const text = t.texts.get(t.at('db.zone'))!;
  assert.deepEqual(cycles.map((p) => [p.file, text.slice(p.offset, p.offset + p.length)]), [[undefined, 'db.zone']]);
  assert.equal(zone.records.filter((r) => r.owner === 'a.example.com.').length, 1);
});

test('a → b → c → a: the cycle is reported where it closes, in c', () => {
  const t = tree('ring', {
    'a.zone': `${SOA}$INCLUDE b.zone\n`,
    'b.zone': 'b A 192.0.2.2\n$INCLUDE c.zone\n',
    'c.zone': 'c A 192.0.2.3\n$INCLUDE a.zone\n',
  });
  const { zone, problems } = withinMs(2000, 'include ring', () => check(t.at('a.zone'), t.texts));
  const cycles = problems.filter((p) => p.code === 'zone-include-cycle');
  assert.deepEqual(cycles.map((p) => [p.file, p.offset, p.length]), [[t.at('c.zone'), 'c A 192.0.2.3\n$INCLUDE '.length, 'a.zone'.length]]);
  assert.deepEqual(zone.includes, [t.at('b.zone'), t.at('c.zone')]);
});

test('a chain 200 files deep stops at the depth limit with one problem', () => {
  const files: Record<string, string> = { 'f0.zone': `${SOA}$INCLUDE f1.zone\n` };
  for (let i = 1; i < 200; i++) files[`f${i}.zone`] = `x${i} A 192.0.2.1\n$INCLUDE f${i + 1}.zone\n`;
  files['f200.zone'] = 'end A 192.0.2.9\n';
  const t = tree('chain', files);
  const { zone, problems } = withinMs(5000, '200-deep chain', () => check(t.at('f0.zone'), t.texts));
  const deep = problems.filter((p) => p.args?.detail === 'include-too-deep');
  assert.equal(deep.length, 1);
  assert.equal(deep[0].code, 'zone-include-not-found');
  assert.ok(zone.includes.length < 64, `${zone.includes.length} files read`);
  assert.ok(!zone.records.some((r) => r.owner.startsWith('end.')));
});

test('an include of a folder, of /dev/null and of a missing file are diagnosed, not thrown', () => {
  const t = tree('odd', { 'db.zone': `${SOA}$INCLUDE .\n$INCLUDE /dev/null\n$INCLUDE nope.zone\n` });
  const { problems } = withinMs(2000, 'odd includes', () => check(t.at('db.zone'), t.texts));
  const text = t.texts.get(t.at('db.zone'))!;
  const missing = problems.filter((p) => p.code === 'zone-include-not-found').map((p) => text.slice(p.offset, p.offset + p.length));
  // Only regular files are read: a device (/dev/null, /dev/zero) is "cannot be read" like a folder.
  assert.deepEqual(missing, ['.', '/dev/null', 'nope.zone']);
});

test(
  'an include tree that fans out (each file includes the next twice) reads a bounded number of files',
  () => {
    const files: Record<string, string> = { 'f0.zone': `${SOA}$INCLUDE f1.zone\n$INCLUDE f1.zone\n` };
    for (let i = 1; i < 31; i++) files[`f${i}.zone`] = `x${i} A 192.0.2.1\n$INCLUDE f${i + 1}.zone\n$INCLUDE f${i + 1}.zone\n`;
    files['f31.zone'] = 'end A 192.0.2.9\n';
    const t = tree('fan', files);
    let reads = 0;
    const readFile = (p: string): string | undefined => {
      // Past 5000 reads every file is "not found", so that the explosion ends.
      return ++reads > 5000 ? undefined : t.texts.get(p);
    };
    const zone = withinMs(10000, 'fan-out include tree', () =>
      parseZoneText(t.texts.get(t.at('f0.zone'))!, { origin: 'example.com.', path: t.at('f0.zone'), readFile }),
    );
    assert.ok(reads <= 1000, `${reads} include reads`);
    assert.ok(zone.records.length <= 10000, `${zone.records.length} records`);
  },
);

test(
  'an include of a named pipe nobody writes to does not block the parser',
  () => {
    const t = tree('fifo', { 'db.zone': `${SOA}$INCLUDE pipe\n` });
    const mkfifo = spawnSync('mkfifo', [t.at('pipe')]);
    assert.equal(mkfifo.status, 0, 'mkfifo failed');
    // In a child process with a deadline: a blocked read cannot be interrupted in-process.
    const script = path.join(dir, 'fifo-parse.ts');
    const zoneModule = path.resolve(__dirname, '../../../server/src/zone/index.ts');
    fs.writeFileSync(script, `import { parseZoneFile } from ${JSON.stringify(zoneModule)};\nconsole.log(parseZoneFile(${JSON.stringify(t.at('db.zone'))}).problems.map((p) => p.code).join(','));\n`);
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], { timeout: 6000, killSignal: 'SIGKILL', encoding: 'utf8' });
    assert.equal(child.signal, null, 'the parse was still blocked after 6 s');
    assert.match(child.stdout, /zone-include-not-found/);
  },
);
