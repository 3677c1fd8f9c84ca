/**
 * The `data` each SPF problem carries for its quick-fix: applying the edit it
 * describes gives the expected zone text, and the problem is gone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseZoneText } from '../../../server/src/zone/index';
import { checkSpf } from '../../../server/src/spf/check';
import type { SpfInsertData, SpfReplaceData, SpfTermData } from '../../../server/src/spf/codes';
import type { Problem } from '../../../server/src/diagnostics/types';

const HEAD = '$ORIGIN example.com.\n$TTL 300\n@ SOA ns hostmaster 1 3600 600 86400 300\n@ NS ns\nns A 192.0.2.53\n';

function problemsOf(text: string, code: string): Problem[] {
  return checkSpf(parseZoneText(text, { origin: 'example.com.' })).filter((p) => p.code === code);
}

function edit(text: string, offset: number, length: number, insert: string): string {
  return text.slice(0, offset) + insert + text.slice(offset + length);
}

function fix(code: string, line: string, apply: (text: string, p: Problem) => string): string {
  const text = HEAD + line + '\n';
  const [p] = problemsOf(text, code);
  assert.ok(p, `${code} reported for ${line}`);
  const fixed = apply(text, p);
  assert.deepEqual(problemsOf(fixed, code), [], `${code} gone after the fix`);
  return fixed.slice(HEAD.length, -1);
}

const replace = (text: string, p: Problem) => {
  const d = p.data as SpfReplaceData;
  assert.ok(d.replacement !== undefined);
  return edit(text, d.replaceSpan.offset, d.replaceSpan.length, d.replacement!);
};
const remove = (text: string, p: Problem) => {
  const d = p.data as SpfTermData;
  return edit(text, d.deleteSpan.offset, d.deleteSpan.length, '');
};

test('unknown mechanisms are replaced by the suggestion', () => {
  assert.equal(fix('spf-unknown-mechanism', 'x TXT "v=spf1 inlcude:_spf.example.net -all"', replace), 'x TXT "v=spf1 include:_spf.example.net -all"');
  assert.equal(fix('spf-unknown-mechanism', 'x TXT "v=spf1 ip:2001:db8::1 -all"', replace), 'x TXT "v=spf1 ip6:2001:db8::1 -all"');
  assert.equal(fix('spf-unknown-mechanism', 'x TXT "v=spf1 include=_spf.example.net -all"', replace), 'x TXT "v=spf1 include:_spf.example.net -all"');
  assert.equal(fix('spf-unknown-mechanism', 'x TXT "v=spf1 mx redirect:_spf.example.net"', replace), 'x TXT "v=spf1 mx redirect=_spf.example.net"');
  assert.equal(fix('spf-unknown-mechanism', 'x TXT "v=spf1 prt -all"', replace), 'x TXT "v=spf1 ptr -all"');
});

test('permissive all becomes ~all', () => {
  assert.equal(fix('spf-permissive-all', 'x TXT "v=spf1 mx +all"', replace), 'x TXT "v=spf1 mx ~all"');
});

test('deletions take the space before the term, across strings', () => {
  assert.equal(fix('spf-ptr-deprecated', 'x TXT "v=spf1 a" " ptr -all"', remove), 'x TXT "v=spf1 a" " -all"');
  assert.equal(fix('spf-duplicate-term', 'x TXT "v=spf1 mx a mx -all"', remove), 'x TXT "v=spf1 mx a -all"');
  assert.equal(fix('spf-after-all', 'x TXT "v=spf1 -all a"', remove), 'x TXT "v=spf1 -all"');
  assert.equal(
    fix('spf-redundant-ip', 'x TXT "v=spf1 ip4:192.0.2.0/24 ip4:192.0.2.7 -all"', remove),
    'x TXT "v=spf1 ip4:192.0.2.0/24 -all"',
  );
});

test('no-all inserts ~all after the last term, inside the last string', () => {
  const insert = (text: string, p: Problem) => {
    const d = p.data as SpfInsertData;
    return edit(text, d.offset, 0, d.text);
  };
  assert.equal(fix('spf-no-all', 'x TXT "v=spf1 mx" " a:h.example.com"', insert), 'x TXT "v=spf1 mx" " a:h.example.com ~all"');
  assert.equal(fix('spf-no-all', 'x TXT "v=spf1 mx "', insert), 'x TXT "v=spf1 mx ~all "');
});
