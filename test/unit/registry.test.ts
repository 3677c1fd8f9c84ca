import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { allCodes, allDetails, codeTables, detailTablesList, formatMessage } from '../../server/src/diagnostics/registry';
import { markdownText, renderDiagnosticsDoc } from '../../server/src/diagnostics/doc';

test('every diagnostic code is defined exactly once, kebab-case and namespaced', () => {
  const seen = new Map<string, number>();
  for (const table of codeTables) for (const def of Object.values(table)) seen.set(def.code, (seen.get(def.code) ?? 0) + 1);
  const twice = [...seen].filter(([, n]) => n > 1).map(([c]) => c);
  assert.deepEqual(twice, [], `defined more than once: ${twice.join(', ')}`);
  for (const code of allCodes.keys()) assert.match(code, /^(zone|spf|dmarc|dkim|mtasts|tlsrpt|bimi|caa|tlsa)-[a-z0-9]+(-[a-z0-9]+)*$/);
});

test('detail keys are unique across namespaces', () => {
  const seen = new Map<string, number>();
  for (const table of detailTablesList) for (const key of Object.keys(table)) seen.set(key, (seen.get(key) ?? 0) + 1);
  const twice = [...seen].filter(([, n]) => n > 1).map(([k]) => k);
  assert.deepEqual(twice, [], `detail keys in more than one table: ${twice.join(', ')}`);
});

test('every code has an English and a Japanese message with the same placeholders, and an RFC', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const def of allCodes.values()) {
    assert.ok(def.message.en.trim() && def.message.ja.trim(), def.code);
    // A message with words must be translated; one that is only placeholders and
    // directive names (`$GENERATE: {detail}`) reads the same in both languages.
    const words = def.message.en.replace(/\{\w+\}|\$[A-Z]+/g, '');
    if (/[a-z]{2,}/i.test(words)) assert.notEqual(def.message.en, def.message.ja, def.code);
    assert.deepEqual(placeholders(def.message.ja), placeholders(def.message.en), def.code);
    assert.ok(def.rfc.trim(), def.code);
  }
});

test('docs/diagnostics.md is current (regenerate with npm run docs)', () => {
  const onDisk = readFileSync(join(__dirname, '..', '..', 'docs', 'diagnostics.md'), 'utf8');
  assert.equal(onDisk, renderDiagnosticsDoc());
});

test('docs/diagnostics.md shows each message as written: no HTML tag or emphasis made of it', () => {
  const lines = renderDiagnosticsDoc().split('\n').filter((l) => /^- (Message|メッセージ): /.test(l));
  assert.equal(lines.length, allCodes.size * 2);
  for (const line of lines) assert.doesNotMatch(line.replace(/\\[\\`*_<>[\]]/g, ''), /[<>*_`]/, line);
  // Read back (a backslash before punctuation is the character), each is its message.
  const unescape = (s: string) => s.replace(/\\([\\`*_<>[\]])/g, '$1');
  for (const def of allCodes.values()) for (const m of [def.message.en, def.message.ja]) assert.equal(unescape(markdownText(m)), m);
  assert.equal(markdownText('auth=<account id> *.example.com _dmarc'), 'auth=\\<account id\\> \\*.example.com \\_dmarc');
});

test('messages: placeholders filled as a regular-expression replace fills them, details included', () => {
  /** The reference: what fill() did before templates were cut once. */
  /** A detail already being filled stays as its key (no endless recursion). */
  const reference = (template: string, args: Record<string, unknown> | undefined, locale: 'en' | 'ja', open: string[] = []): string =>
    template.replace(/\{(\w+)\}/g, (m, key: string) => {
      const v = args?.[key];
      if (v === undefined) return m;
      if ((key === 'detail' || key.endsWith('Detail')) && !open.includes(String(v))) {
        const d = allDetails.get(String(v));
        if (d) return reference(d[locale], args, locale, [...open, String(v)]);
      }
      return String(v);
    });
  const codes = [...allCodes.keys()];
  const details = [...allDetails.keys()];
  const names = [...new Set([...allCodes.values()].flatMap((d) => [...`${d.message.en} ${d.message.ja}`.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))];
  const value = fc.oneof(fc.string(), fc.integer(), fc.constantFrom(...details), fc.constant('$& $1 {x}'));
  fc.assert(
    fc.property(fc.constantFrom(...codes), fc.constantFrom('en' as const, 'ja' as const), fc.dictionary(fc.constantFrom(...names, 'detail', 'fooDetail'), value), (code, locale, args) => {
      const p = { code, offset: 0, length: 0, args };
      assert.equal(formatMessage(p as never, locale), reference(allCodes.get(code)!.message[locale], args, locale));
    }),
    { numRuns: 3000 },
  );
});

test('a detail that names itself through the arguments is filled once, not without end', () => {
  // caa-iodef-url's text holds {fixDetail}; the fast-check run above found fixDetail set to
  // caa-iodef-url itself overflowing the stack (seed 1287288947 in CI).
  const args = { value: 'x', fixDetail: 'caa-iodef-url', detail: 'caa-iodef-url' };
  const text = formatMessage({ code: 'caa-bad-value', offset: 0, length: 0, args } as never, 'en');
  assert.match(text, /CAs cannot send reports to 'x'caa-iodef-url/);
  for (const detail of allDetails.keys()) {
    const all = Object.fromEntries([...`${allDetails.get(detail)!.en}`.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], detail]));
    for (const code of allCodes.keys()) assert.doesNotThrow(() => formatMessage({ code, offset: 0, length: 0, args: { ...all, detail, fixDetail: detail } } as never, 'ja'));
  }
});
