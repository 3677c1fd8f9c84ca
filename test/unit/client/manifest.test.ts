// The parts of the extension manifest that VS Code reads without running any code: the
// language, its configuration, the grammars, and what the .vsix may contain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const json = (p: string) => JSON.parse(readFileSync(join(root, p), 'utf8'));
const pkg = json('package.json');

test('the dns-zone language: .zone, .arpa, db.*, and a language configuration with ; comments', () => {
  const [lang] = pkg.contributes.languages;
  assert.equal(lang.id, 'dns-zone');
  assert.equal(lang.aliases[0], 'DNS Zone');
  assert.deepEqual(lang.extensions, ['.zone', '.arpa']);
  assert.deepEqual(lang.filenamePatterns, ['db.*']);
  const conf = json(lang.configuration);
  assert.equal(conf.comments.lineComment, ';');
  assert.deepEqual(conf.brackets, [['(', ')']]);
  const closing = conf.autoClosingPairs.map((p: { open: string; close: string }) => p.open + p.close);
  assert.deepEqual(closing.sort(), ['""', '()']);
});

test('every contributed grammar file exists and declares the scope the manifest names', () => {
  for (const g of pkg.contributes.grammars) {
    assert.ok(existsSync(join(root, g.path)), g.path);
    assert.equal(json(g.path).scopeName, g.scopeName);
  }
  const injection = pkg.contributes.grammars.find((g: { injectTo?: string[] }) => g.injectTo);
  assert.deepEqual(injection.injectTo, ['source.dns-zone']);
});

test('every command sits in the Zonelint category with a localised title', () => {
  const nls = json('package.nls.json');
  for (const c of pkg.contributes.commands) {
    assert.equal(c.category, 'Zonelint', c.command);
    assert.match(c.title, /^%[\w.]+%$/, c.command);
    assert.equal(typeof nls[c.title.slice(1, -1)], 'string', c.title);
  }
});

test('.vscodeignore is an allowlist that lets in the bundles, grammars and manifest only', () => {
  const lines = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  assert.equal(lines[0], '**');
  for (const needed of ['!dist/extension.js', '!dist/server.js', '!package.json', '!package.nls.json', '!syntaxes/*.tmLanguage.json', '!language-configuration.json', '!README.md']) {
    assert.ok(lines.includes(needed), needed);
  }
  assert.ok(lines.slice(1).every((l) => l.startsWith('!')), 'nothing but exceptions after **');
  assert.ok(!lines.some((l) => /\.map$|node_modules|test|src/.test(l)), 'no sources, maps, tests or node_modules');
});
