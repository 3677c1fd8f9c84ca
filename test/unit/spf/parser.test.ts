import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseZoneText } from '../../../server/src/zone/index';
import { parseSpf } from '../../../server/src/spf/parser';
import { joinSpfStrings } from '../../../server/src/spf/spans';
import type { Mechanism, Modifier } from '../../../server/src/spf/ast';

function recordOf(zoneText: string) {
  const zone = parseZoneText(zoneText, { origin: 'example.com.' });
  const rr = zone.records.find((r) => r.type === 'TXT')!;
  return parseSpf(joinSpfStrings(rr.rdata.strings!));
}

test('terms map back to the zone text across strings and escapes', () => {
  const text = '@ 300 IN TXT ( "v=spf1 ip4:192.0.2.1" "/24 inc\\108ude:x.example.com"\n   " \\"-all" )\n';
  const spf = recordOf(text);
  assert.equal(spf.text, 'v=spf1 ip4:192.0.2.1/24 include:x.example.com "-all');
  const under = spf.terms.map((t) => {
    const s = spf.spanOf(t.from, t.to);
    return text.slice(s.offset, s.offset + s.length);
  });
  assert.deepEqual(under, ['ip4:192.0.2.1" "/24', 'inc\\108ude:x.example.com', '\\"-all']);
  assert.equal(spf.errors.length, 1, 'the quote makes an unknown mechanism');
  const e = spf.errors[0];
  const s = spf.spanOf(e.from, e.to);
  assert.equal(text.slice(s.offset, s.offset + s.length), '\\"-all');
});

test('mechanisms: qualifiers, domain-specs, dual CIDR lengths', () => {
  const spf = parseSpf('v=spf1 -a:mail.%{d2}/24//64 ~mx//48 ?include:_spf.example.net ip6:2001:DB8::/32 +ip4:192.0.2.0/24 ptr all');
  assert.deepEqual(spf.errors, []);
  const [a, mx, inc, ip6, ip4, ptr, all] = spf.terms as Mechanism[];
  assert.deepEqual([a.qualifier, a.name, a.cidr4?.bits, a.cidr6?.bits, a.domain?.text], ['-', 'a', 24, 64, 'mail.%{d2}']);
  assert.deepEqual(a.domain?.items.map((i) => i.kind), ['literal', 'expand']);
  assert.deepEqual([mx.qualifier, mx.cidr4, mx.cidr6?.bits], ['~', undefined, 48]);
  assert.deepEqual([inc.qualifier, inc.domain?.text], ['?', '_spf.example.net']);
  assert.deepEqual([ip6.network?.text, ip6.cidr6?.bits, ip4.cidr4?.bits, ip4.qualifierWritten], ['2001:DB8::', 32, 24, true]);
  assert.deepEqual([ptr.name, ptr.domain, all.qualifier, all.qualifierWritten], ['ptr', undefined, '+', false]);
});

test('modifiers: names are case-insensitive, unknown ones take any macro-string', () => {
  const spf = parseSpf('v=spf1 REDIRECT=_spf.example.net moo.cow-far_out=man:dog/cat exp=%{l}._exp.%{o}');
  assert.deepEqual(spf.errors, []);
  const mods = spf.terms as Modifier[];
  assert.deepEqual(mods.map((m) => [m.kind, m.name, m.value.text]), [
    ['modifier', 'redirect', '_spf.example.net'],
    ['modifier', 'moo.cow-far_out', 'man:dog/cat'],
    ['modifier', 'exp', '%{l}._exp.%{o}'],
  ]);
});

test('macro transformers and delimiters', () => {
  const spf = parseSpf('v=spf1 exists:%{L2r+-}.%{ir}.%{v}._spf.%{d}');
  const items = (spf.terms[0] as Mechanism).domain!.items.filter((i) => i.kind === 'expand');
  assert.deepEqual(
    items.map((i) => i.kind === 'expand' && [i.letter, i.urlEscape, i.keep, i.reverse, i.delimiters]),
    [
      ['l', true, 2, true, '+-'],
      ['i', false, undefined, true, '.'],
      ['v', false, undefined, false, '.'],
      ['d', false, undefined, false, '.'],
    ],
  );
});

test('errors carry their code and the exact octets', () => {
  const cases: [string, string, string][] = [
    ['v=spf1 ip4:1.2.3', 'spf-invalid-ip', '1.2.3'],
    ['v=spf1 ip4:1.2.3.4/032', 'spf-invalid-cidr', '/032'],
    ['v=spf1 a:%{q}.example.com', 'spf-invalid-macro', '%{q}'],
    ['v=spf1 a:example.-com', 'spf-syntax', 'example.-com'],
    ['v=spf1 ipv6:2001:db8::1', 'spf-unknown-mechanism', 'ipv6'],
    ['v=spf1 a:\u00ef\u00bb\u00bfx.example.com', 'spf-non-ascii', '\u00ef\u00bb\u00bf'],
    ['v=spf1 exp=-all', 'spf-syntax', '-all'],
    ['v=spf1 ptr/0', 'spf-syntax', '/0'],
  ];
  for (const [record, code, under] of cases) {
    const spf = parseSpf(record);
    assert.equal(spf.errors.length, 1, record);
    assert.equal(spf.errors[0].code, code, record);
    assert.equal(record.slice(spf.errors[0].from, spf.errors[0].to), under, record);
  }
});

test('never throws, and every error lies inside the record', () => {
  const piece = fc.constantFrom('v=spf1', ' ', 'a', 'mx', ':', '/', '//', '%', '{', '}', 'd', 'ip4:', '1.2.3.4', '=', 'include', '.', '-', '~', '\u00e9', '\t');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      const spf = parseSpf(text);
      for (const e of spf.errors) assert.ok(e.from >= 0 && e.to <= text.length && e.from <= e.to);
      for (const t of spf.terms) assert.equal(text.slice(t.from, t.to), t.text);
    }),
    { numRuns: 500 },
  );
});
