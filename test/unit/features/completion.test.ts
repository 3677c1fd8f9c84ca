import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open } from './fixture';

function labels(text: string): string[] {
  const o = open(text);
  return o.service.getCompletions(o.document, o.position).items.map((i) => i.label);
}

test('directives at the start of a line', () => {
  assert.deepEqual(labels('$ORIGIN example.com.\n$|\n').sort(), ['$DATE', '$GENERATE', '$INCLUDE', '$ORIGIN', '$TTL']);
  assert.ok(labels('$ORIGIN example.com.\n|').includes('$TTL'));
});

test('the edit replaces the typed prefix, `$` included', () => {
  const o = open('$ORIGIN example.com.\n$TT|\n');
  const item = o.service.getCompletions(o.document, o.position).items.find((i) => i.label === '$TTL');
  assert.ok(item?.textEdit && 'range' in item.textEdit);
  assert.deepEqual(item.textEdit.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } });
});

test('classes and RR types after the owner and TTL', () => {
  const got = labels('$ORIGIN example.com.\nwww 3600 |\n');
  for (const l of ['IN', 'CH', 'A', 'AAAA', 'MX', 'TXT', 'CAA', 'HTTPS', 'TLSA']) assert.ok(got.includes(l), l);
  assert.ok(!got.includes('ANY'), 'meta types are not zone data');
  assert.ok(!got.includes('AXFR'));
});

test('no class offered once a class is written; types still are', () => {
  const got = labels('$ORIGIN example.com.\nwww IN |\n');
  assert.ok(!got.includes('IN'));
  assert.ok(got.includes('CNAME'));
  const indented = labels('$ORIGIN example.com.\nwww IN A 192.0.2.1\n    IN M|\n');
  assert.ok(indented.includes('MX'));
});

test('a target position offers the zone’s names; other RDATA nothing', () => {
  const zone = '$ORIGIN example.com.\n@ IN SOA ns h 1 2 3 4 5\nmail IN A 192.0.2.1\nns IN A 192.0.2.2\n';
  assert.deepEqual(labels(zone + 'www IN CNAME |\n').sort(), ['mail', 'ns']);
  assert.deepEqual(labels(zone + 'www IN A |\n'), []);
  assert.deepEqual(labels(zone + 'www IN TXT "v=spf1 |\n'), []);
  assert.deepEqual(labels(zone + 'www IN A 192.0.2.3 ; comm|\n'), []);
});

test('typing an owner name offers nothing', () => {
  assert.deepEqual(labels('$ORIGIN example.com.\nww|\n'), []);
});
