/**
 * Why check_host() stopped, in words: the English is the JSON trace's `detail` and keeps
 * the wording it had before the texts moved to spf/explain.ts; Japanese says each again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stopText, traceStep, type StopWhy } from '../../../server/src/spf/explain';

const CASES: [StopWhy, string][] = [
  [{ code: 'aborted' }, 'evaluation aborted'],
  [{ code: 'lookup-limit', limit: 10 }, 'more than 10 DNS-querying terms (RFC 7208 §4.6.4)'],
  [{ code: 'void-limit', limit: 2 }, 'more than 2 void lookups (RFC 7208 §4.6.4)'],
  [{ code: 'lookup-failed', type: 'TXT', name: 'a.example', reason: 'servfail' }, 'TXT lookup for a.example failed: servfail'],
  [{ code: 'lookup-failed', type: 'address', name: 'b.example', reason: 'timeout' }, 'address lookup for b.example failed: timeout'],
  [{ code: 'several-records', domain: 'c.example', count: 2 }, 'c.example has 2 SPF records (RFC 7208 §4.5)'],
  [{ code: 'syntax', domain: 'd.example', text: '%{x}' }, 'syntax error in the SPF record of d.example: "%{x}"'],
  [{ code: 'modifier-twice', name: 'redirect' }, 'redirect= appears more than once (RFC 7208 §6)'],
  [{ code: 'bad-target', via: 'include', target: 'a..b' }, 'include target "a..b" is not a valid name'],
  [{ code: 'target-no-record', via: 'redirect', target: 'e.example' }, 'redirect target e.example has no SPF record'],
  [{ code: 'too-many-mx', name: 'f.example', limit: 10 }, 'f.example has more than 10 MX records (RFC 7208 §4.6.4)'],
  [{ code: 'unexpected', message: 'boom' }, 'unexpected failure: boom'],
];

test('every reason in English as the trace has always given it, and in Japanese with the same facts', () => {
  for (const [why, en] of CASES) {
    assert.equal(stopText(why, 'en'), en);
    const ja = stopText(why, 'ja');
    assert.match(ja, /[\u3040-\u30ff\u4e00-\u9fff]/, `${why.code}: ${ja}`);
    assert.doesNotMatch(ja, /(?<!%)\{\w+\}/, ja);
    // The names, numbers and record text the English gives are in the Japanese too.
    for (const v of Object.entries(why).filter(([k]) => !['code', 'type', 'reason', 'via'].includes(k)).map(([, v]) => String(v))) assert.ok(ja.includes(v), `${why.code}: ${ja} lacks ${v}`);
  }
  // DNS failures and lookup kinds in Japanese words; a code it does not know stays as it is.
  assert.equal(stopText({ code: 'lookup-failed', type: 'address', name: 'b.example', reason: 'timeout' }, 'ja'), 'b.example の A/AAAA レコードを DNS で引けませんでした（応答なし）');
  assert.equal(stopText({ code: 'lookup-failed', type: 'MX', name: 'b.example', reason: 'enotfound' }, 'ja'), 'b.example の MX レコードを DNS で引けませんでした（enotfound）');
});

test('a trace step keeps the English layout of zonelint spf, and says the same in Japanese', () => {
  const step = { depth: 1, domain: 'x.example', event: 'include' as const, term: 'include:y.example', detail: 'y.example' };
  assert.equal(traceStep(step, 'en'), 'x.example: include include:y.example → y.example');
  assert.equal(traceStep(step, 'ja'), 'x.example: include:y.example → y.example のレコードを評価');
  const error = { depth: 0, domain: 'x.example', event: 'error' as const, detail: 'more than 2 void lookups', why: { code: 'void-limit', limit: 2 } as StopWhy };
  assert.equal(traceStep(error, 'en'), 'x.example: error → more than 2 void lookups');
  assert.equal(traceStep(error, 'ja'), 'x.example: エラー → 答えが空の DNS 参照が上限の 2 回を超えています（RFC 7208 §4.6.4）');
  assert.equal(traceStep({ depth: 0, domain: 'x.example', event: 'record', detail: 'v=spf1 {x} -all' }, 'ja'), 'x.example: レコード "v=spf1 {x} -all"');
});
