/**
 * A hostile bound in the lexer (issue 10): a logical line keeps at most MAX_LINE_TOKENS
 * tokens (a 100 MB line of `a a a …` would otherwise need gigabytes).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_LINE_TOKENS } from '../../../server/src/zone/scanner';
import { diagnose, under, withinMs } from './helpers';

const MB = 1024 * 1024;

test('a 100 MB line of one-letter words is one zone-syntax problem on its first word past the cap; the next line parses', () => {
  const words = 'a '.repeat(50 * MB);
  const text = `$TTL 60\nwww TXT ${words}\nok A 192.0.2.1\n`;
  const before = process.memoryUsage().heapUsed;
  const { zone, problems } = withinMs(20000, '100 MB of words', () => diagnose(text));
  const grewMb = (process.memoryUsage().heapUsed - before) / MB;
  const syntax = problems.filter((p) => p.code === 'zone-syntax');
  const firstSkipped = text.indexOf('www TXT ') + 'www TXT '.length + 2 * (MAX_LINE_TOKENS - 2);
  assert.deepEqual(syntax.map((p) => [p.args?.detail, p.args?.max, p.offset, p.length]), [['too-many-tokens', MAX_LINE_TOKENS, firstSkipped, 1]]);
  assert.deepEqual(under(text, problems, 'zone-syntax'), [['too-many-tokens', 'a']]);
  assert.deepEqual(zone.records.map((r) => `${r.owner} ${r.type} ${r.rdata.canonical}`), ['ok.example.com. A 192.0.2.1']);
  // The text itself is 200 MB of UTF-16 heap; tokens for every word would be gigabytes.
  assert.ok(grewMb < 1000, `heap grew ${Math.round(grewMb)} MB`);
});

test('the cap counts quoted strings and words inside parentheses, and a line just under it is read', () => {
  const quoted = '@ TXT ( ' + '"" '.repeat(MAX_LINE_TOKENS) + ')\nok A 192.0.2.1\n';
  const q = diagnose(quoted);
  assert.deepEqual(under(quoted, q.problems, 'zone-syntax'), [['too-many-tokens', '""']]);
  assert.deepEqual(q.zone.records.map((r) => r.owner), ['ok.example.com.']);
  // 2 + 65535 tokens: the largest TXT there is (65535 empty strings) still loads.
  const largest = '$TTL 60\n@ TXT ' + '"" '.repeat(65535) + '\n';
  const l = diagnose(largest);
  assert.deepEqual(under(largest, l.problems, 'zone-syntax'), []);
  assert.equal(l.zone.records.length, 1);
});
