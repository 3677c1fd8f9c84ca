import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { SpfCodes, SpfDetails } from '../../../server/src/spf/codes';
import { allCodes, allDetails, formatMessage } from '../../../server/src/diagnostics/registry';

const ISSUE_CODES = [
  'spf-syntax', 'spf-unknown-mechanism', 'spf-invalid-ip', 'spf-invalid-cidr', 'spf-invalid-macro',
  'spf-multiple-records', 'spf-duplicate-modifier', 'spf-redirect-ignored', 'spf-after-all', 'spf-no-all',
  'spf-permissive-all', 'spf-ptr-deprecated', 'spf-lookup-limit', 'spf-void-lookup-limit', 'spf-mx-limit',
  'spf-include-loop', 'spf-include-no-record', 'spf-record-too-long', 'spf-duplicate-term', 'spf-redundant-ip',
  'spf-non-ascii', 'spf-deprecated-rrtype', 'spf-missing', 'spf-null-mx-missing', 'spf-null-mx-sender', 'spf-strings-joined', 'spf-malformed-version',
];

/** Codes added since, each for a case the issue's codes left unreported. */
const LATER_CODES = ['spf-include-broken', 'spf-stale-ip', 'spf-ipv6-missing'];

test('every code of the issue is defined, registered, and has a rule file and a fixture', () => {
  const defined = Object.values(SpfCodes).map((d) => d.code);
  assert.deepEqual([...defined].sort(), [...ISSUE_CODES, ...LATER_CODES].sort());
  for (const code of [...ISSUE_CODES, ...LATER_CODES]) {
    assert.ok(allCodes.has(code), `${code} registered`);
    const rule = path.resolve(__dirname, `../../../server/src/spf/rules/${code}.ts`);
    assert.match(readFileSync(rule, 'utf8'), new RegExp(`Diagnostic: ${code} — RFC 7208 §`), `${code} rule names its RFC section`);
    assert.ok(existsSync(path.resolve(__dirname, `../../fixtures/spf/${code}.zone`)), `${code} has a fixture`);
  }
});

test('tags: ptr and the SPF RR type are deprecated; duplicates are unnecessary', () => {
  assert.deepEqual(SpfCodes.ptrDeprecated.tags, ['deprecated']);
  assert.deepEqual(SpfCodes.deprecatedRrtype.tags, ['deprecated']);
  assert.deepEqual(SpfCodes.duplicateTerm.tags, ['unnecessary']);
  assert.deepEqual(SpfCodes.redundantIp.tags, ['unnecessary']);
});

test('details are registered and localised', () => {
  for (const [key, d] of Object.entries(SpfDetails)) {
    assert.ok(key.startsWith('spf-'), key);
    assert.equal(allDetails.get(key), d);
    if (key !== 'spf-hint-none' && key !== 'spf-version-plain') assert.ok(d.en && d.ja && d.en !== d.ja, key);
  }
  const p = { code: 'spf-unknown-mechanism', offset: 0, length: 7, args: { name: 'inlcude', hintDetail: 'spf-hint-suggest', suggestion: 'include' } };
  assert.equal(formatMessage(p), "Unknown SPF mechanism 'inlcude'; did you mean 'include'?");
  assert.equal(formatMessage(p, 'ja'), "'inlcude' という SPF のメカニズムはありません。'include' の誤りではありませんか？");
});
