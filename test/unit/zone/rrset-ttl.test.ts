/**
 * The TTL each RRset is printed with, as named-checkzone -D printed it for these zones
 * (BIND 9.18; cases found by the differential test, test/unit/zone/differential.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseZoneText, printZone } from '../../../server/src/zone/index';
import { fields } from './recordSet';

const HEAD = '$TTL 1\n@ SOA ns h 1 2 3 4 5\n@ NS ns\nns A 1.2.3.4\n';

function ttls(body: string, files: Record<string, string> = {}): string[] {
  const zone = parseZoneText(HEAD + body, {
    origin: 'example.',
    path: '/virtual/z.db',
    readFile: (p) => files[p.replace('/virtual/', '')],
  });
  return printZone(zone)
    .split('\n')
    .filter((l) => /^[xX]\./.test(l))
    .map((l) => l.split(' ').slice(1, 2).concat(l.split(' ').slice(-1)).join(' '));
}

test('within a batch of one owner the first TTL wins; a later batch replaces it', () => {
  assert.deepEqual(ttls('x 100 A 1.1.1.1\nx 200 A 2.2.2.2\n'), ['100 1.1.1.1', '100 2.2.2.2']);
  assert.deepEqual(ttls('x 100 A 1.1.1.1\ny A 1.1.1.1\nx 50 A 2.2.2.2\n'), ['50 1.1.1.1', '50 2.2.2.2']);
  assert.deepEqual(ttls('x 50 A 1.1.1.1\ny A 1.1.1.1\nx 100 A 2.2.2.2\n'), ['100 1.1.1.1', '100 2.2.2.2']);
});

test('the owner is compared case-sensitively: x then X are two batches', () => {
  assert.deepEqual(ttls('x 100 A 1.1.1.1\nX 200 A 2.2.2.2\n'), ['200 1.1.1.1', '200 2.2.2.2']);
});

test('directives and $GENERATE do not end a batch; generated records are committed at once', () => {
  assert.deepEqual(ttls('x 100 A 1.1.1.1\n$TTL 5\n$ORIGIN example.\nx 200 A 2.2.2.2\n'), ['100 1.1.1.1', '100 2.2.2.2']);
  assert.deepEqual(ttls('x 100 A 1.1.1.1\n$GENERATE 1-1 g$ A 1.1.1.$\nx 200 A 2.2.2.2\n'), ['100 1.1.1.1', '100 2.2.2.2']);
  assert.deepEqual(ttls('x 100 A 1.1.1.1\n$GENERATE 3-3 x 50 A 1.1.1.$\nx 200 A 2.2.2.2\n'), ['100 1.1.1.1', '100 1.1.1.3', '100 2.2.2.2']);
  assert.deepEqual(ttls('$GENERATE 1-2 x 100 A 1.1.1.$\n$GENERATE 3-3 x 50 A 1.1.1.$\n'), ['50 1.1.1.1', '50 1.1.1.2', '50 1.1.1.3']);
});

test('an $INCLUDE ends the batch before and after it', () => {
  const files = { 'h.db': 'x 50 A 3.3.3.3\n' };
  assert.deepEqual(ttls('x 100 A 1.1.1.1\n$INCLUDE h.db\n', files), ['50 1.1.1.1', '50 3.3.3.3']);
  assert.deepEqual(ttls('x 100 A 1.1.1.1\n$INCLUDE h.db\n 200 A 2.2.2.2\n', files), ['200 1.1.1.1', '200 3.3.3.3', '200 2.2.2.2']);
});

const hasBind = spawnSync('named-checkzone', ['-v']).status === 0;

test('print leaves out a record that repeats an earlier one, as named-checkzone -D does (BIND loads it once)', { skip: hasBind ? false : 'named-checkzone (bind9-utils) is not installed' }, () => {
  const text = [
    '$ORIGIN example.',
    '$TTL 300',
    '@ SOA ns h 1 2 3 4 5',
    '@ NS ns',
    'ns A 192.0.2.1',
    'ns A 192.0.2.1',
    'www A 192.0.2.2',
    'ns A 192.0.2.1',
    'WWW A 192.0.2.2',
    '@ MX 10 NS.example.',
    '@ MX 10 ns',
    '@ TXT "a"',
    '@ TXT "A"',
    '@ TXT "a"',
    '',
  ].join('\n');
  const ours = printZone(parseZoneText(text, { origin: 'example.' })).trimEnd().split('\n');
  // One copy of each, the first, in file order; TXT compares exactly.
  assert.deepEqual(ours, [
    'example. 300 IN SOA ns.example. h.example. 1 2 3 4 5',
    'example. 300 IN NS ns.example.',
    'ns.example. 300 IN A 192.0.2.1',
    'www.example. 300 IN A 192.0.2.2',
    'example. 300 IN MX 10 NS.example.',
    'example. 300 IN TXT "a"',
    'example. 300 IN TXT "A"',
  ]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-print-dup-'));
  try {
    fs.writeFileSync(path.join(dir, 'db'), text);
    const bind = spawnSync('named-checkzone', ['-i', 'local', '-D', '-o', '-', 'example', 'db'], { cwd: dir, encoding: 'utf8' });
    assert.equal(bind.status, 0, bind.stderr);
    // BIND sorts by name and folds names to the case it met first: compare as lower-cased, sorted lists.
    const norm = (lines: string[]) => lines.map((l) => fields(l).join(' ').toLowerCase()).sort();
    assert.deepEqual(norm(ours), norm(bind.stdout.trimEnd().split('\n')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
