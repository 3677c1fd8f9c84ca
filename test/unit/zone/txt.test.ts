import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseZoneText } from '../../../server/src/zone/index';
import { joinStrings } from '../../../server/src/zone/txt';

function joined(zoneText: string) {
  const zone = parseZoneText(zoneText, { origin: 'example.com.' });
  const txt = zone.records.find((r) => r.type === 'TXT');
  assert.ok(txt?.rdata.strings, 'a TXT record with strings');
  return joinStrings(txt.rdata.strings);
}

test('spans map joined octets back across strings', () => {
  const text = '@ 300 IN TXT ( "v=spf1 ip4:192.0.2.1" " include:x.example" "-all" )\n';
  const j = joined(text);
  assert.equal(j.value, 'v=spf1 ip4:192.0.2.1 include:x.example-all');
  const at = j.value.indexOf('include');
  const span = j.spanOf(at, at + 'include:x.example'.length);
  assert.equal(text.slice(span.offset, span.offset + span.length), 'include:x.example');
  const all = j.value.indexOf('-all');
  const s2 = j.spanOf(all, all + 4);
  assert.equal(text.slice(s2.offset, s2.offset + s2.length), '-all');
});

test('a span ending in an escape or a multi-byte character covers all of it', () => {
  const text = '@ 300 IN TXT "ab\\191c\\"" "日本"\n';
  const j = joined(text);
  const esc = j.value.indexOf('\xbf');
  const s1 = j.spanOf(0, esc + 1);
  assert.equal(text.slice(s1.offset, s1.offset + s1.length), 'ab\\191');
  const quote = j.value.indexOf('"');
  const s2 = j.spanOf(quote, quote + 1);
  assert.equal(text.slice(s2.offset, s2.offset + s2.length), '\\"');
  // 日本 is six UTF-8 octets; the span of all of them is the two characters.
  const s3 = j.spanOf(j.value.length - 6, j.value.length);
  assert.equal(text.slice(s3.offset, s3.offset + s3.length), '日本');
});

test('one octet of a multi-byte character spans the whole character, never zero length', () => {
  const text = '@ 300 IN TXT "n=café"\n';
  const j = joined(text);
  const first = j.value.indexOf('\xc3');
  const span = j.spanOf(first, first + 1);
  assert.equal(text.slice(span.offset, span.offset + span.length), 'é');
});
