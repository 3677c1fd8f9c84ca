import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

/** Every string the client passes to vscode.l10n.t, read from its sources. */
function clientKeys(): Set<string> {
  const keys = new Set<string>();
  const dir = join(root, 'client', 'src');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
    const src = readFileSync(join(dir, f), 'utf8');
    for (const m of src.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) keys.add(m[1].replace(/\\'/g, "'"));
  }
  return keys;
}

test('the client bundle translates every vscode.l10n.t string and holds no unused key', () => {
  const bundle = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;
  const used = clientKeys();
  assert.ok(used.size > 0);
  assert.deepEqual([...used].filter((k) => !(k in bundle)), [], 'missing translations');
  assert.deepEqual(Object.keys(bundle).filter((k) => !used.has(k)), [], 'unused keys');
  for (const [en, ja] of Object.entries(bundle)) {
    const holes = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
    assert.deepEqual(holes(ja), holes(en), en);
    assert.notEqual(ja, en);
  }
});

test('package.nls.ja.json has a Japanese title for every key of package.nls.json and no other', () => {
  const en = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const ja = JSON.parse(readFileSync(join(root, 'package.nls.ja.json'), 'utf8')) as Record<string, string>;
  assert.deepEqual(Object.keys(ja).sort(), Object.keys(en).sort());
  const manifest = readFileSync(join(root, 'package.json'), 'utf8');
  for (const key of Object.keys(en)) assert.ok(manifest.includes(`%${key}%`), `unused nls key ${key}`);
  assert.equal(JSON.parse(manifest).l10n, './l10n');
});
