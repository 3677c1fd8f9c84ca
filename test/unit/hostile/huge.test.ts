/**
 * Hostile sizes (issue 10): a 100 MB single line, long lines of other shapes, a
 * million-string TXT, a million nested parentheses. Each must finish, report, and
 * keep memory within a small multiple of the input.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, under, withinMs } from './helpers';

const MB = 1024 * 1024;

/** Heap growth while `run` holds its result, in MB (garbage included: an upper bound). */
function heapGrowthMb<T>(run: () => T): { result: T; mb: number } {
  const before = process.memoryUsage().heapUsed;
  const result = run();
  return { result, mb: (process.memoryUsage().heapUsed - before) / MB };
}

test('a 100 MB single-line TXT string is reported as too long, in seconds and without gigabytes', () => {
  const body = 'a'.repeat(100 * MB);
  const text = `www TXT "${body}"\n`;
  const { result, mb } = heapGrowthMb(() => withinMs(20000, '100 MB TXT line', () => diagnose(text)));
  const tooLong = result.problems.filter((p) => p.args?.detail === 'rdata-wire-too-long');
  assert.deepEqual(tooLong.map((p) => [p.code, p.offset, p.length]), [['zone-bad-rdata', 8, body.length + 2]]);
  assert.ok(mb < 1000, `heap grew ${Math.round(mb)} MB`);
});

test('10 MB lines of every other shape finish and report', () => {
  const n = 10 * MB;
  const shapes: [string, string, string][] = [
    ['an owner of one huge label', 'x'.repeat(n) + ' A 192.0.2.1\n', 'zone-bad-name'],
    ['a huge number', 'www A ' + '1'.repeat(n) + '\n', 'zone-bad-rdata'],
    ['a huge base64 key', 'www DNSKEY 257 3 8 ' + 'A'.repeat(n) + '\n', 'zone-bad-rdata'],
    ['a huge SPF record', 'www TXT "v=spf1 ' + 'a'.repeat(n) + '"\n', 'zone-bad-rdata'],
    ['a huge hex blob', 'www TYPE65280 \\# 65535 ' + '0'.repeat(n) + '\n', 'zone-bad-rdata'],
  ];
  for (const [what, text, code] of shapes) {
    const { problems } = withinMs(10000, what, () => diagnose(text));
    assert.ok(problems.some((p) => p.code === code), `${what}: ${problems.map((p) => p.code).join(', ')}`);
  }
  const comment = diagnose('; ' + 'c'.repeat(n) + '\n');
  assert.deepEqual(comment.zone.comments.map((c) => c.length), [n + 2]);
});

test('a TXT record of a million strings is rejected (past the tokens a line keeps), in seconds', () => {
  const text = '@ TXT ' + '"a" '.repeat(1_000_000) + '\n';
  const { zone, problems } = withinMs(30000, 'million-string TXT', () => diagnose(text));
  // The line's 100,001st token; see bounds.test.ts.
  assert.deepEqual(under(text, problems, 'zone-syntax'), [['too-many-tokens', '"a"']]);
  assert.equal(problems.find((p) => p.code === 'zone-syntax')?.offset, 6 + 4 * (100_000 - 2));
  assert.equal(zone.records.length, 0);
});

test('a million nested parentheses around one string parse (BIND nests them too)', () => {
  const text = '$TTL 60\n@ TXT ' + '('.repeat(1_000_000) + ' "x" ' + ')'.repeat(1_000_000) + '\n@ A 192.0.2.1\n';
  const { zone, problems } = withinMs(10000, 'deep parentheses', () => diagnose(text));
  assert.deepEqual(problems.filter((p) => p.code.startsWith('zone-') && p.code !== 'zone-missing-soa' && p.code !== 'zone-missing-ns'), []);
  assert.deepEqual(zone.records.map((r) => [r.type, r.rdata.canonical]), [['TXT', '"x"'], ['A', '192.0.2.1']]);
});

test('a million unclosed parentheses are one problem, and the parser resumes', () => {
  const text = '$TTL 60\n@ TXT ' + '('.repeat(1_000_000) + ' "x"\nok A 192.0.2.1\n';
  const { zone, problems } = withinMs(10000, 'unclosed parentheses', () => diagnose(text));
  assert.deepEqual(under(text, problems, 'zone-unbalanced-paren'), [['open-without-close', '(']]);
  assert.ok(zone.records.some((r) => r.owner === 'ok.example.com.'));
});
