/**
 * Character-strings whose offsets are made when read (zone/charString.ts): the same
 * offsets, span and JSON as the plain form, also once moved; escaped strings keep theirs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ContiguousString, charString, movedCharString, octetOffset } from '../../../server/src/zone/charString';
import { parseZoneText } from '../../../server/src/zone/index';

test('consecutive offsets make a ContiguousString that reads as the plain form', () => {
  const span = { offset: 9, length: 5 };
  const s = charString('abc', [10, 11, 12, 13], span, true);
  assert.ok(s instanceof ContiguousString);
  assert.deepEqual([...s.offsets], [10, 11, 12, 13]);
  assert.equal(s.offsets, s.offsets, 'made once');
  assert.equal(JSON.stringify(s), JSON.stringify({ value: 'abc', offsets: [10, 11, 12, 13], span, quoted: true }));
  const empty = charString('', [4], { offset: 3, length: 2 }, true);
  assert.deepEqual([...empty.offsets], [4]);
});

test('offsets with a gap (an escape) are kept as given', () => {
  const s = charString('a"b', [1, 2, 4, 5], { offset: 0, length: 6 }, true);
  assert.ok(!(s instanceof ContiguousString));
  assert.deepEqual(s.offsets, [1, 2, 4, 5]);
});

test('octetOffset reads what offsets[i] holds, either form', () => {
  for (const s of [charString('abc', [10, 11, 12, 13], { offset: 9, length: 5 }, true), charString('a"b', [1, 2, 4, 5], { offset: 0, length: 6 }, true)]) {
    for (let i = 0; i <= s.value.length; i++) assert.equal(octetOffset(s, i), s.offsets[i]);
  }
});

test('moved strings move their offsets and span, either form', () => {
  for (const s of [charString('abc', [10, 11, 12, 13], { offset: 9, length: 5 }, true), charString('a"b', [1, 2, 4, 5], { offset: 0, length: 6 }, true)]) {
    const m = movedCharString(s, 7);
    assert.deepEqual([...m.offsets], s.offsets.map((o) => o + 7));
    assert.deepEqual(m.span, { offset: s.span.offset + 7, length: s.span.length });
    assert.equal(m.value, s.value);
    assert.equal(m.quoted, s.quoted);
  }
});

test('TXT strings from the parser point at their source characters', () => {
  const text = '$ORIGIN example.\n@ 300 IN TXT "v=spf1 -all" plain "with \\"quote\\""\n';
  const zone = parseZoneText(text);
  const strings = zone.records[0].rdata.strings!;
  for (const s of strings) {
    for (let i = 0; i < s.value.length; i++) {
      const at = s.offsets[i];
      const source = text[at] === '\\' ? text[at + 1] : text[at];
      assert.equal(source, s.value[i], `octet ${i} of ${s.value}`);
    }
  }
  assert.ok(strings[0] instanceof ContiguousString && strings[1] instanceof ContiguousString);
  assert.ok(!(strings[2] instanceof ContiguousString));
});
