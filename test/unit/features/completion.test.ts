import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open } from './fixture';
import { MAX_NAME_ITEMS } from '../../../server/src/features/completion';

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

test('names of a large zone: those that match what is typed, at most MAX_NAME_ITEMS, the list incomplete past it', () => {
  const lines = ['$ORIGIN example.com.', '@ IN SOA ns h 1 2 3 4 5'];
  for (let i = 0; i < 3000; i++) lines.push(`host${i} IN A 192.0.2.1`, `   IN TXT "x"`, `mail-${i}.sub IN A 192.0.2.2`);
  const zone = lines.join('\n') + '\n';
  const at = (typed: string) => {
    const o = open(zone + `www IN CNAME ${typed}|\n`);
    return o.service.getCompletions(o.document, o.position);
  };
  const all = at('');
  assert.equal(all.items.length, MAX_NAME_ITEMS);
  assert.equal(all.isIncomplete, true);
  // host29, host290…, host2900… and those with a 2 then a 9 (host129), as editors filter.
  const hosts = at('host29').items.map((i) => i.label);
  for (const name of ['host29', 'host295', 'host2999', 'host129']) assert.ok(hosts.includes(name), name);
  assert.ok(hosts.every((l) => /^host\d*2\d*9\d*$/.test(l)), hosts.join());
  assert.equal(at('host29').isIncomplete, false);
  // A part after a separator matches too (`sub` in mail-7.sub), as editors filter.
  assert.ok(at('sub').items.some((i) => i.label === 'mail-7.sub'));
  assert.ok(at('7.sub').items.some((i) => i.label === 'mail-7.sub'));
  assert.equal(at('zzz').items.length, 0);
  // The typed text is replaced by the name.
  const item = at('hos').items[0];
  assert.ok(item.textEdit && 'range' in item.textEdit);
  assert.equal(item.textEdit.range.end.character - item.textEdit.range.start.character, 3);
});
