/**
 * editTxt and rewriteTxt, property-tested: whatever the strings (escapes, UTF-8,
 * several strings, parentheses), the re-parsed record holds exactly the intended
 * joined text, no string passes 255 octets, and text outside the record's RDATA
 * is unchanged.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { editTxt, rewriteTxt, joinedValue, escapeOctets } from '../../../server/src/fixes/txtEdit';
import { applyEdits, assertOnlyChanged, HEAD, parse } from './helpers';

/** A character-string's octets (binary string), mostly printable with some escapes. */
const octets = (max: number) =>
  fc.array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...'abc v=spf1:;.-~ip4'.split('')) }, { weight: 1, arbitrary: fc.constantFrom('"', '\\', '\u00e9', '\u0007') }), { maxLength: max }).map((a) => a.join(''));

const record = fc.record({ strings: fc.array(octets(255), { minLength: 1, maxLength: 4 }), parens: fc.boolean() });

function zoneText(strings: string[], parens: boolean): { text: string; start: number; end: number } {
  const quoted = strings.map((s) => `"${escapeOctets(s)}"`);
  const rdata = parens ? `( ${quoted.join('\n    ')} )` : quoted.join(' ');
  const line = `t TXT ${rdata}`;
  const text = HEAD + line + '\nafter A 192.0.2.1 ; tail\n';
  return { text, start: HEAD.length, end: HEAD.length + line.length };
}

function recordOf(text: string) {
  const zone = parse(text);
  const rr = zone.records.find((r) => r.owner === 't.example.com.');
  assert.ok(rr, text);
  return rr;
}

test('editTxt: the re-parsed record holds the intended text, strings within 255 octets', () => {
  fc.assert(
    fc.property(record, fc.nat(), fc.nat(), octets(300), ({ strings, parens }, a, b, insert) => {
      const { text, start, end } = zoneText(strings, parens);
      const rr = recordOf(text);
      const value = joinedValue(rr);
      assert.equal(value, strings.join(''));
      const from = value.length === 0 ? 0 : a % (value.length + 1);
      const to = from + (value.length === 0 ? 0 : b % (value.length - from + 1));
      const after = applyEdits(text, editTxt(text, rr, from, to, insert));
      const fixed = recordOf(after);
      assert.equal(joinedValue(fixed), value.slice(0, from) + insert + value.slice(to));
      assert.ok(fixed.rdata.strings!.every((s) => s.value.length <= 255));
      assert.deepEqual(parse(after).problems, []);
      assertOnlyChanged(text, after, start, end);
    }),
    { numRuns: 300 },
  );
});

test('rewriteTxt: any new value, one replacement of the part that differs', () => {
  fc.assert(
    fc.property(record, octets(600), ({ strings, parens }, value) => {
      const { text, start, end } = zoneText(strings, parens);
      const rr = recordOf(text);
      const after = applyEdits(text, rewriteTxt(text, rr, value));
      const fixed = recordOf(after);
      assert.equal(joinedValue(fixed), value);
      assert.ok(fixed.rdata.strings!.every((s) => s.value.length <= 255));
      assertOnlyChanged(text, after, start, end);
    }),
    { numRuns: 300 },
  );
});
