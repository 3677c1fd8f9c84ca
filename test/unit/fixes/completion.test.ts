/**
 * Completion data inside SPF strings: `|` marks the cursor.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spfCompletions } from '../../../server/src/fixes/index';
import { HEAD, parse } from './helpers';

function at(line: string) {
  const cursor = HEAD.length + line.indexOf('|');
  const text = HEAD + line.replace('|', '') + '\n';
  return { text, items: spfCompletions(text, parse(text), cursor) };
}

test('after a space: mechanisms, qualifiers, modifiers and providers by name', () => {
  const { items } = at('@ TXT "v=spf1 mx |"');
  const labels = items.map((i) => i.label);
  for (const l of ['include:', 'ip4:', 'ip6:', 'a', 'mx', 'exists:', '~all', '-all', '+', '~', 'redirect=', 'exp=', 'Google Workspace', 'Xserver'])
    assert.ok(labels.includes(l), l);
  const google = items.find((i) => i.label === 'Google Workspace')!;
  assert.equal(google.insertText, 'include:_spf.google.com');
  assert.equal(google.kind, 'provider');
  assert.match(google.detail.en, /unverified/);
  const heteml = items.find((i) => i.label === 'heteml')!;
  assert.equal(heteml.detail.ja, 'ヘテムル: include:_spf.heteml.jp');
  assert.ok(!labels.includes('Sakura Internet rental server'), 'needs the server name');
  assert.ok(items.every((i) => i.range.length === 0));
  assert.match(items.find((i) => i.label === 'ptr')!.detail.en, /^Deprecated/);
});

test('a partial word is the range to replace; a qualifier prefixes the mechanisms', () => {
  const { text, items } = at('@ TXT "v=spf1 mx inc|"');
  const inc = items.find((i) => i.label === 'include:')!;
  assert.equal(text.slice(inc.range.offset, inc.range.offset + inc.range.length), 'inc');
  const q = at('@ TXT "v=spf1 -in|"').items;
  assert.ok(q.some((i) => i.label === '-include:' && i.insertText === '-include:'));
  assert.ok(q.every((i) => i.kind === 'mechanism'));
});

test('macros after a domain-spec %, nothing inside other values', () => {
  const { text, items } = at('@ TXT "v=spf1 exists:%|"');
  assert.ok(items.some((i) => i.label === '%{i}' && i.kind === 'macro'));
  assert.ok(items.some((i) => i.label === '%%'));
  const i = items.find((x) => x.label === '%{d}')!;
  assert.equal(text.slice(i.range.offset, i.range.offset + i.range.length), '%');
  assert.deepEqual(at('@ TXT "v=spf1 ip4:19|"').items, []);
});

test('nothing outside SPF strings', () => {
  assert.deepEqual(at('@ TXT "v=DMARC1; p=|none"').items, []);
  assert.deepEqual(at('@ TXT "v=spf1 mx" ; |comment').items, []);
  assert.deepEqual(at('www A 192.0.2.|1').items, []);
  assert.deepEqual(at('@ TXT "v=sp|f1 mx"').items, []);
});

test('the second string of a multi-string record completes too', () => {
  const { items } = at('@ TXT "v=spf1 mx " "a |"');
  assert.ok(items.some((i) => i.label === 'include:'));
});
