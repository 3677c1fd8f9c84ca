import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver';
import { formatDuration } from '../../../server/src/features/duration';
import { open, ZONE } from './fixture';

function hoverText(text: string, locale: 'en' | 'ja' = 'en'): { value: string; under: string } | undefined {
  const o = open(text, { locale });
  const h = o.service.doHover(o.document, o.position);
  if (!h) return undefined;
  return { value: (h.contents as MarkupContent).value, under: o.document.getText(h.range) };
}

test('durations read as words in both languages', () => {
  assert.equal(formatDuration(3600, 'en'), '1 hour');
  assert.equal(formatDuration(90061, 'en'), '1 day 1 hour 1 minute 1 second');
  assert.equal(formatDuration(1209600, 'en'), '2 weeks');
  assert.equal(formatDuration(0, 'en'), '0 seconds');
  assert.equal(formatDuration(5400, 'ja'), '1時間30分');
});

test('hover on an RR type: what it is, this record’s fields, the RFC', () => {
  const h = hoverText('$ORIGIN example.com.\n@ 300 IN M|X 10 mail\n');
  assert.ok(h);
  assert.equal(h.under, 'MX');
  assert.match(h.value, /\*\*MX\*\* — Record type \(type code 15\)/);
  assert.match(h.value, /Mail exchanger/);
  assert.match(h.value, /`exchange`: `mail\.example\.com\.`/);
  assert.match(h.value, /RFC 1035 §3\.3\.9/);
  // What a parked domain's `MX 0 .` means, with its RFC.
  assert.match(h.value, /`MX 0 \.` alone \(a null MX\) says the name takes no mail/);
  assert.match(h.value, /RFC 7505/);
});

test('hover on a TTL shows the duration; on $TTL too', () => {
  const h = hoverText('$ORIGIN example.com.\nwww 36|00 IN A 192.0.2.1\n');
  assert.equal(h?.under, '3600');
  assert.match(h!.value, /1 hour \(3600 seconds\)/);
  const d = hoverText('$TTL 1h3|0m\n$ORIGIN example.com.\n@ IN A 192.0.2.1\n');
  assert.equal(d?.under, '1h30m');
  assert.match(d!.value, /Default TTL[\s\S]*1 hour 30 minutes \(5400 seconds\)/);
});

test('hover on an SOA timer names it', () => {
  const h = hoverText(ZONE.replace('1209600', '12096|00'));
  assert.equal(h?.under, '1209600');
  assert.match(h!.value, /SOA expire[\s\S]*2 weeks/);
});

test('hover on a directive and a class, in Japanese', () => {
  const d = hoverText('$OR|IGIN example.com.\n@ IN A 192.0.2.1\n', 'ja');
  assert.equal(d?.under, '$ORIGIN');
  assert.match(d!.value, /起点/);
  const c = hoverText('$ORIGIN example.com.\n@ I|N A 192.0.2.1\n', 'ja');
  assert.equal(c?.under, 'IN');
  assert.match(c!.value, /インターネット/);
  const t = hoverText('$ORIGIN example.com.\n@ IN TX|T "v=spf1 -all"\n', 'ja');
  assert.match(t!.value, /レコード型/);
});

test('no hover on whitespace or a comment', () => {
  assert.equal(hoverText('$ORIGIN example.com.\n@ IN A 192.0.2.1 ; a c|omment\n'), undefined);
});
