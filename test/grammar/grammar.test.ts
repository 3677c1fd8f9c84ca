// Runs the annotated grammar tests (test/grammar/*.zone) with vscode-tmgrammar-test, which
// reads the grammars, the TXT injection included, from package.json's contributes.grammars.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lookalikeKind } from '../../server/src/zone/lookalike';

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

test('the grammars mark as look-alikes exactly the characters the parser reports (zone/lookalike.ts), and separate fields by ASCII blanks only', () => {
  for (const file of ['dns-zone.tmLanguage.json', 'dns-zone-txt.injection.tmLanguage.json']) {
    const grammar = JSON.parse(readFileSync(join(root, 'syntaxes', file), 'utf8'));
    // Oniguruma's \x{HHHH} as JavaScript's \u{HHHH}.
    const rule = new RegExp('^' + String(grammar.repository.lookalike.match).replace(/\\x\{([0-9A-F]+)\}/g, '\\u{$1}') + '$', 'u');
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) if (rule.test(String.fromCharCode(c)) !== (lookalikeKind(c) !== undefined)) wrong.push(c.toString(16));
    assert.deepEqual(wrong, [], file);
    // Oniguruma's \s is any Unicode blank (U+3000 among them): a field separator BIND does not know.
    assert.doesNotMatch(JSON.stringify(grammar), /\\\\s/, file);
  }
});
