/**
 * Characters that look like zone syntax and are not (zone/lookalike.ts): a full-width
 * space, a no-break space, curly or full-width quotes, full-width parentheses and
 * semicolon, invisible characters. Outside quotes each is reported where it stands, and
 * the record reads as BIND reads it (the character is part of the word); the quick-fix
 * types the ASCII character.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseZoneText, printZone } from '../../../server/src/zone/index';
import { formatMessage } from '../../../server/src/diagnostics/registry';
import { fixesFor } from '../../../server/src/fixes/index';
import { applyEdits } from '../fixes/helpers';

const HEAD = '$ORIGIN example.jp.\n$TTL 3600\n@ SOA ns1 root 1 3600 900 604800 3600\n@ NS ns1\nns1 A 192.0.2.1\n';
const CODE = 'zone-lookalike-character';
const hasBind = spawnSync('named-checkzone', ['-v']).status === 0;

function found(text: string) {
  const zone = parseZoneText(text, { origin: 'example.jp.' });
  return { zone, hits: zone.problems.filter((p) => p.code === CODE) };
}

test('each look-alike outside quotes is reported on itself, with what it is and what to type', () => {
  const cases: Array<[string, string, RegExp, RegExp]> = [
    ['www\u3000IN A 192.0.2.2', '\u3000', /^A full-width space \(U\+3000\) is not zone-file syntax: BIND reads it as part of 'www\u3000IN'\. Type a space or a tab instead$/, /^全角スペース（U\+3000）は.*'www\u3000IN' の一部として読みます。半角スペースかタブに直してください$/],
    ['www\u00a0A 192.0.2.2', '\u00a0', /^A no-break space \(U\+00A0\)/, /^ノーブレークスペース/],
    ['@ TXT \u201cv=spf1', '\u201c', /^A curly quotation mark \(U\+201C\).*'\u201cv=spf1'\. Type a straight double quote \("\) instead$/, /半角の " に直してください$/],
    ['@ TXT \uff02v=spf1 -all"', '\uff02', /^A full-width quotation mark \(U\+FF02\)/, /^全角の引用符/],
    ['@ SOA ns1 root \uff081 3600 900 604800 3600 )', '\uff08', /^A full-width parenthesis \(U\+FF08\).*Type \( instead$/, /半角の \( に直してください$/],
    ['mail A 192.0.2.3 \uff1b the mail host', '\uff1b', /^A full-width semicolon \(U\+FF1B\).*Type ; instead/, /全角のセミコロン/],
    ['mail\u200b A 192.0.2.3', '\u200b', /^An invisible character \(U\+200B\).*Delete it$/, /^目に見えない文字.*削除してください$/],
  ];
  for (const [line, ch, en, ja] of cases) {
    const text = HEAD + line + '\n';
    const { hits } = found(text);
    assert.equal(hits.length, 1, line);
    assert.equal(hits[0].offset, text.indexOf(ch), line);
    assert.equal(hits[0].length, 1);
    assert.equal(hits[0].severity ?? 'warning', 'warning');
    assert.match(formatMessage(hits[0]), en, line);
    assert.match(formatMessage(hits[0], 'ja'), ja, line);
  }
});

test('inside quotes and comments, and other non-ASCII characters, are data: nothing is reported', () => {
  const text = HEAD + '@ TXT "\u3000\u201cquoted\u201d\uff08\uff1b"\n; コメント\u3000全角スペース “引用” （括弧）\ncafé A 192.0.2.4\n日本 A 192.0.2.5\n';
  assert.deepEqual(found(text).hits, []);
});

test('the record reads as BIND reads it: the look-alike is part of the word', { skip: hasBind ? false : 'named-checkzone (bind9-utils) is not installed' }, () => {
  const text = HEAD + 'www\u3000IN A 192.0.2.2\n@ TXT \u201cv=spf1 a -all\u201d\nmail\u00a0 A 192.0.2.3\n';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-lookalike-'));
  try {
    fs.writeFileSync(path.join(dir, 'db'), text);
    const bind = spawnSync('named-checkzone', ['-i', 'local', '-D', '-o', '-', 'example.jp', 'db'], { cwd: dir, encoding: 'utf8' });
    assert.equal(bind.status, 0, bind.stderr + bind.stdout);
    const norm = (s: string) => s.split('\n').filter((l) => l && !l.startsWith(';')).map((l) => l.split(/\s+/).join(' ').toLowerCase()).sort();
    assert.deepEqual(norm(printZone(parseZoneText(text, { origin: 'example.jp.' }))), norm(bind.stdout));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('quick-fix: the ASCII character, and all of the file at once', () => {
  const text = HEAD + 'www\u3000IN A 192.0.2.2\n@ TXT \u201cv=spf1 a -all\u201d\nmail\u200b A 192.0.2.3\n';
  const { zone, hits } = found(text);
  assert.equal(hits.length, 4);
  const [space, all] = fixesFor({ text, zone, problem: hits[0] });
  assert.deepEqual(space.title, { en: 'Replace U+3000 with a space', ja: 'U+3000 を半角スペースに直す' });
  assert.equal(space.preferred, true);
  assert.equal(applyEdits(text, space.edits), text.replace('\u3000', ' '));
  assert.deepEqual(all.title, { en: 'Replace all 4 look-alike characters in this file', ja: 'このファイルの紛らわしい文字 4 個をすべて直す' });
  const fixed = applyEdits(text, all.edits);
  assert.equal(fixed, HEAD + 'www IN A 192.0.2.2\n@ TXT "v=spf1 a -all"\nmail A 192.0.2.3\n');
  const after = parseZoneText(fixed, { origin: 'example.jp.' });
  assert.deepEqual(after.problems, []);
  assert.deepEqual(
    after.records.slice(-3).map((r) => `${r.owner} ${r.type}`),
    ['www.example.jp. A', 'example.jp. TXT', 'mail.example.jp. A'],
  );
  const [quote] = fixesFor({ text, zone, problem: hits[1] });
  assert.deepEqual(quote.title, { en: "Replace U+201C with '\"'", ja: "U+201C を'\"'に直す" });
  const [invisible] = fixesFor({ text, zone, problem: hits[3] });
  assert.deepEqual(invisible.title, { en: 'Delete the invisible character U+200B', ja: '見えない文字 U+200B を削除する' });
});
