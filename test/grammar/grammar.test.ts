// Runs the annotated grammar tests (test/grammar/*.zone) with vscode-tmgrammar-test, which
// reads the grammars, the TXT injection included, from package.json's contributes.grammars.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const cases = readdirSync(__dirname).filter((f) => f.endsWith('.zone'));

test('every annotated grammar case passes', () => {
  assert.ok(cases.length >= 4, `expected the grammar cases, found ${cases.join(', ')}`);
  const tool = join(root, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
  const r = spawnSync(process.execPath, [tool, '--compact', 'test/grammar/*.zone'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const passed = r.stdout.split('\n').filter((l) => l.includes('run successfuly')).length;
  assert.equal(passed, cases.length, r.stdout);
});
