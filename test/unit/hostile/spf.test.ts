/**
 * SPF records crafted to explode (issue 10, RFC 7208 §4.6.4): include chains and
 * fan-outs, MX and PTR sets over 10, void lookups, redirect loops and macros that
 * expand past a domain name's length. check_host() runs over a real ZoneDataResolver
 * that counts its queries: the limits hold and every evaluation ends quickly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Resolver } from '../../../server/src/dns/resolver';
import { ZoneDataResolver } from '../../../server/src/dns/zoneData';
import { checkHost } from '../../../server/src/spf/evaluate';
import { checkSpfLookups } from '../../../server/src/spf/check';
import { parseZoneText } from '../../../server/src/zone/index';
import { badProblems } from '../../helpers/fuzz';
import { withinMsAsync } from './helpers';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

const TEXT = [
  '$ORIGIN x.test.',
  '$TTL 300',
  '@ SOA ns h 1 1 1 1 1',
  '@ NS ns',
  'ns A 192.0.2.1',
  ...range(40).map((i) => `c${i} TXT "v=spf1 include:c${i + 1}.x.test -all"`),
  'c40 TXT "v=spf1 -all"',
  ...range(12).map((i) => `f${i} TXT "v=spf1 ${range(9).map(() => `include:f${i + 1}.x.test`).join(' ')} -all"`),
  'f12 TXT "v=spf1 -all"',
  'mx TXT "v=spf1 mx -all"',
  ...range(50).map((i) => `mx MX ${i} m${i}\nm${i} A 192.0.2.${i}`),
  'mx9 TXT "v=spf1 mx mx mx mx mx mx mx mx mx -all"',
  ...range(10).map((i) => `mx9 MX ${i} n${i}\nn${i} A 192.0.2.${i + 100}`),
  'voids TXT "v=spf1 a:v1.x.test a:v2.x.test a:v3.x.test a:v4.x.test -all"',
  `mac TXT "v=spf1 exists:${'%{l}'.repeat(30)}.%{d}.x.test exists:%{ir}.%{l1r+-=_/}.%{d999999999}.x.test -all"`,
  'redir TXT "v=spf1 redirect=redir2.x.test"',
  'redir2 TXT "v=spf1 redirect=redir.x.test"',
  'ptr TXT "v=spf1 ptr -all"',
  '',
].join('\n');

const zone = parseZoneText(TEXT, { origin: 'x.test.' });
const zoneData = new ZoneDataResolver([zone]);

/** The zone-data resolver, counting queries and remembering the longest name asked. */
function counting(): Resolver & { queries: number; longest: number } {
  const r = {
    queries: 0,
    longest: 0,
    lookup: ((name, type, signal) => {
      r.queries++;
      r.longest = Math.max(r.longest, name.replace(/\.$/, '').length);
      return zoneData.lookup(name, type, signal);
    }) as Resolver['lookup'],
  };
  return r;
}

async function evaluate(domain: string, ip = '192.0.2.200') {
  const resolver = counting();
  const result = await withinMsAsync(5000, `check_host(${domain})`, () =>
    checkHost(ip, `${domain}.x.test`, `${'l'.repeat(64)}@${domain}.x.test`, { resolver }),
  );
  return { ...result, queries: resolver.queries, longest: resolver.longest };
}

test('the crafted zone parses without errors', () => {
  assert.deepEqual(zone.problems.filter((p) => p.code !== 'zone-txt-string-too-long'), []);
});

test('an include chain 40 deep stops at the 11th lookup: permerror', async () => {
  const r = await evaluate('c0');
  assert.deepEqual([r.result, r.lookups], ['permerror', 11]);
  assert.ok(r.queries <= 12, `${r.queries} queries`);
});

test('nine includes of nine includes … (9^12 paths) stop at the limit', async () => {
  const r = await evaluate('f0');
  assert.equal(r.result, 'permerror');
  assert.ok(r.lookups <= 11 && r.queries <= 12, `${r.lookups} lookups, ${r.queries} queries`);
});

test('mx with 50 MX records is permerror without looking up 50 addresses', async () => {
  const r = await evaluate('mx');
  assert.equal(r.result, 'permerror');
  assert.ok(r.queries <= 2, `${r.queries} queries`);
});

test('nine mx terms of ten MX records each stay within 9 × (1 + 10) queries', async () => {
  const r = await evaluate('mx9');
  assert.deepEqual([r.result, r.lookups], ['fail', 9]);
  assert.ok(r.queries <= 1 + 9 * 11, `${r.queries} queries`);
});

test('the third void lookup is permerror; the fourth term is never queried', async () => {
  const r = await evaluate('voids');
  assert.deepEqual([r.result, r.voidLookups], ['permerror', 3]);
  assert.ok(r.queries <= 4, `${r.queries} queries`);
});

test('macros expanding to 2,000 characters are cut to a queryable name (§7.3)', async () => {
  const r = await evaluate('mac');
  assert.equal(r.result, 'fail');
  assert.ok(r.longest <= 253, `a ${r.longest}-character name was queried`);
  assert.ok(r.queries <= 3, `${r.queries} queries`);
});

test('a redirect loop ends at the lookup limit', async () => {
  const r = await evaluate('redir');
  assert.deepEqual([r.result, r.lookups], ['permerror', 11]);
});

test('ptr with no PTR records is a fail after one reverse query', async () => {
  const r = await evaluate('ptr');
  assert.equal(r.result, 'fail');
  assert.ok(r.queries <= 3, `${r.queries} queries`);
});

test('the lint path (checkSpfLookups) over the whole crafted zone ends in seconds, ranges inside', async () => {
  const problems = await withinMsAsync(15000, 'checkSpfLookups', () => checkSpfLookups(zone, counting()));
  assert.deepEqual(badProblems(TEXT, problems), []);
  const limit = problems.filter((p) => p.code === 'spf-lookup-limit').map((p) => TEXT.slice(p.offset, p.offset + p.length));
  assert.ok(limit.includes('include:f1.x.test'), 'the fan-out record is over the limit');
  assert.ok(limit.includes('include:c1.x.test'), 'the chain is over the limit');
  const voids = problems.filter((p) => p.code === 'spf-void-lookup-limit');
  assert.equal(voids.length, 1);
  assert.ok(problems.some((p) => p.code === 'spf-mx-limit'));
});
