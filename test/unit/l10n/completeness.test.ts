/**
 * Localisation completeness: every inline `{ en, ja }` text in the server and the CLI
 * (diagnostic messages and Details, hover and completion docs, code-action titles, CLI
 * messages) is translated with the same placeholders, and every keyed catalogue holds
 * only keys that some source file uses. The TypeScript compiler reads the sources, so
 * no text escapes by being written in an unusual place.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { detailTablesList } from '../../../server/src/diagnostics/registry';
import { HoverText } from '../../../server/src/l10n/hover';
import { Ui } from '../../../server/src/l10n/strings';
import { CliText } from '../../../cli/src/messages';

const ROOT = path.resolve(__dirname, '../../..');
const SOURCE_DIRS = ['server/src', 'cli/src'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.tmp.ts') ? [p] : [];
  });
}

const files = SOURCE_DIRS.flatMap((d) => sourceFiles(path.join(ROOT, d)));
const sources = new Map(files.map((f) => [f, fs.readFileSync(f, 'utf8')]));

interface Pair {
  readonly where: string;
  readonly en: string;
  readonly ja: string;
}

/** A string-valued expression as text; `${expr}` substitutions kept as `${expr}`. Undefined if not a string. */
function textOf(node: ts.Expression, file: ts.SourceFile, consts: Map<string, ts.Expression>): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return node.head.text + node.templateSpans.map((s) => '${' + s.expression.getText(file) + '}' + s.literal.text).join('');
  }
  if (ts.isIdentifier(node) && consts.has(node.text)) return textOf(consts.get(node.text)!, file, consts);
  // Singular and plural forms (`en: ['hour', 'hours']`).
  if (ts.isArrayLiteralExpression(node)) {
    const items = node.elements.map((e) => textOf(e as ts.Expression, file, consts));
    return items.every((i) => i !== undefined) ? items.join(' | ') : undefined;
  }
  return undefined;
}

/** Every object literal whose properties are exactly `en` and `ja`, with string values. */
function collectPairs(): Pair[] {
  const pairs: Pair[] = [];
  for (const [file, text] of sources) {
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const consts = new Map<string, ts.Expression>();
    const visitConsts = (n: ts.Node): void => {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) consts.set(n.name.text, n.initializer);
      ts.forEachChild(n, visitConsts);
    };
    visitConsts(sf);
    const visit = (n: ts.Node): void => {
      if (ts.isObjectLiteralExpression(n)) {
        const props = new Map<string, ts.Expression>();
        for (const p of n.properties) {
          if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) props.set(p.name.text, p.initializer);
        }
        if (props.size === 2 && props.has('en') && props.has('ja') && n.properties.length === 2) {
          const en = textOf(props.get('en')!, sf, consts);
          const ja = textOf(props.get('ja')!, sf, consts);
          const line = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
          if (en !== undefined || ja !== undefined) {
            pairs.push({ where: `${path.relative(ROOT, file)}:${line}`, en: en ?? '', ja: ja ?? '' });
          }
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return pairs;
}

const pairs = collectPairs();

/**
 * `{name}` placeholders and `${expr}` substitutions, sorted. In a substitution the
 * locale's own half (`note.en` / `note.ja`, `en` / `ja`) and string arguments
 * (`join(', ')` / `join('、')`) are the same placeholder.
 */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\$\{[^}]*\}|\{\w+\}/g)]
    .map((m) => m[0].replace(/\b(?:en|ja)\b/g, 'LOCALE').replace(/'[^']*'|"[^"]*"/g, "''"))
    .sort();
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]/;
/** A phrase of English words: a text that needs translating. */
const ENGLISH_PHRASE = /\b[a-z]{2,}\s+[a-z]{2,}\b/;

test('the scan finds the catalogues it is meant to check', () => {
  assert.ok(pairs.length > 400, `only ${pairs.length} pairs found`);
  for (const dir of ['server/src/spf/codes.ts', 'server/src/docs/spf.ts', 'server/src/l10n/hover.ts', 'cli/src/messages.ts', 'server/src/fixes/']) {
    assert.ok(pairs.some((p) => p.where.startsWith(dir)), `no text found in ${dir}`);
  }
});

test('every text has a Japanese translation: not empty, not the English left as is', () => {
  const bad = pairs.filter(
    (p) =>
      // Both empty is a deliberate empty fragment; one empty is a missing text.
      (p.ja.trim() === '') !== (p.en.trim() === '') ||
      (ENGLISH_PHRASE.test(p.en) && (p.ja === p.en || !JAPANESE.test(p.ja))),
  );
  assert.deepEqual(bad.map((p) => `${p.where}: ${JSON.stringify(p.ja)}`), []);
});

test('English and Japanese use the same placeholders', () => {
  const bad = pairs.filter((p) => placeholders(p.en).join() !== placeholders(p.ja).join());
  assert.deepEqual(bad.map((p) => `${p.where}: ${placeholders(p.en)} ≠ ${placeholders(p.ja)}`), []);
});

/** All source text except the catalogue's own definition lines. */
function usedElsewhere(isUse: (text: string) => boolean, definingFile: string): boolean {
  return [...sources].some(([file, text]) => {
    if (!file.endsWith(definingFile)) return isUse(text);
    return false;
  });
}

/** `prefix-` of templates like `dmarc-deprecated-${name}`: keys built at run time. */
const dynamicPrefixes = [...new Set([...sources.values()].flatMap((t) => [...t.matchAll(/`([a-z][a-z0-9-]*-)\$\{/g)].map((m) => m[1])))];

/**
 * Details keys no rule emits, in other namespaces' tables (zone/codes.ts,
 * zone/rdata/codes.ts): reported to their owners to delete. Listed so the test
 * states them; it fails if one of them comes into use (then drop it here).
 */
const KNOWN_UNUSED_DETAILS = ['missing-rdata', 'rdata-too-long', 'rdata-svc-alias'];

test('every Details key is used by some rule (literally or through a `prefix-${…}` template)', () => {
  const unused: string[] = [];
  for (const table of detailTablesList) {
    for (const key of Object.keys(table)) {
      const literal = new RegExp(`['"\`]${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"\`]`);
      const uses = [...sources].filter(([, text]) => literal.test(text)).length;
      // The definition itself is one literal use; a rule (or a type naming it) is another.
      if (uses < 2 && !dynamicPrefixes.some((p) => key.startsWith(p))) unused.push(key);
    }
  }
  assert.deepEqual(unused, KNOWN_UNUSED_DETAILS);
});

test('every key of the hover, UI and CLI catalogues is used', () => {
  const unused = [
    ...Object.keys(HoverText).filter((k) => !usedElsewhere((t) => new RegExp(`\\bHoverText\\.${k}\\b`).test(t), 'l10n/hover.ts')).map((k) => `HoverText.${k}`),
    ...Object.keys(Ui).filter((k) => !usedElsewhere((t) => new RegExp(`\\bUi\\.${k}\\b`).test(t), 'l10n/strings.ts')).map((k) => `Ui.${k}`),
    ...Object.keys(CliText).filter((k) => !usedElsewhere((t) => t.includes(`'${k}'`), 'cli/src/messages.ts')).map((k) => `CliText.${k}`),
  ];
  assert.deepEqual(unused, []);
});

test('the check fails on what it should: an untranslated text, a placeholder mismatch', () => {
  const untranslated = { en: 'the record is broken', ja: 'the record is broken' };
  assert.ok(ENGLISH_PHRASE.test(untranslated.en) && untranslated.ja === untranslated.en);
  assert.notEqual(placeholders('{n} lookups').join(), placeholders('{count} 回').join());
  assert.equal(placeholders('`%{{letter}}` x').join(), '{letter}');
});
