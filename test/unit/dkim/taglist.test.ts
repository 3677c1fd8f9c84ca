import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CharString } from '../../../server/src/zone/ast';
import { joinStrings } from '../../../server/src/zone/txt';
import { parseTagList, splitValue } from '../../../server/src/dkim/taglist';

/** A quoted character-string written at `offset` in a source (no escapes). */
function quoted(text: string, offset: number): CharString {
  const offsets = Array.from({ length: text.length + 1 }, (_, i) => offset + 1 + i);
  return { value: text, offsets, span: { offset, length: text.length + 2 }, quoted: true };
}

test('tags carry octet ranges that map back across several strings', () => {
  // Source: `( "v=DKIM1; k=rsa; p=MIGf" "MA0GCS" )` with the strings at 2 and 27.
  const source = '( "v=DKIM1; k=rsa; p=MIGf" "MA0GCS" )';
  const joined = joinStrings([quoted('v=DKIM1; k=rsa; p=MIGf', 2), quoted('MA0GCS', 27)]);
  const list = parseTagList(joined.value);
  assert.deepEqual(list.errors, []);
  assert.deepEqual(list.tags.map((t) => [t.name, t.value]), [['v', 'DKIM1'], ['k', 'rsa'], ['p', 'MIGfMA0GCS']]);
  const p = list.byName.get('p')!;
  const span = joined.spanOf(p.valueStart, p.valueEnd);
  assert.equal(source.slice(span.offset, span.offset + span.length), 'MIGf" "MA0GCS');
});

test('whitespace around names, = and values is not part of them', () => {
  const list = parseTagList(' v = DKIM1 ;\tp= ab cd ; ');
  assert.deepEqual(list.errors, []);
  const [v, p] = list.tags;
  assert.deepEqual([v.name, v.value, v.nameStart, v.nameEnd, v.valueStart, v.valueEnd], ['v', 'DKIM1', 1, 2, 5, 10]);
  assert.deepEqual([p.name, p.value], ['p', 'ab cd']);
});

test('malformed lists yield errors with ranges, never exceptions', () => {
  const kinds = (text: string) => parseTagList(text).errors.map((e) => [e.kind, text.slice(e.from, e.to)]);
  assert.deepEqual(kinds('a=1;;b=2'), [['empty-tag', ';']]);
  assert.deepEqual(kinds('a=1; junk; b=2'), [['missing-equals', 'junk']]);
  assert.deepEqual(kinds('1a=1'), [['bad-name', '1a']]);
  assert.deepEqual(kinds('a=x\u0001y'), [['bad-char', '\u0001']]);
  assert.deepEqual(kinds('a=1; a=2'), [['duplicate', 'a']]);
  assert.deepEqual(kinds(''), [['empty-tag', '']]);
  assert.deepEqual(kinds('a=1;'), []);
  assert.deepEqual(kinds('=x'), [['bad-name', '=']]);
});

test('foldCase compares names case-insensitively', () => {
  assert.deepEqual(parseTagList('P=reject; p=none', { foldCase: true }).errors.map((e) => e.kind), ['duplicate']);
  assert.deepEqual(parseTagList('P=reject; p=none').errors, []);
});

test('splitValue trims items and keeps their ranges', () => {
  const text = 'h= sha1 : sha256';
  const h = parseTagList(text).tags[0];
  assert.deepEqual(splitValue(h, ':').map((i) => [i.item, text.slice(i.from, i.to)]), [['sha1', 'sha1'], ['sha256', 'sha256']]);
});
