// The DNS-dependent checks stop between their steps once cancelled: a keystroke that
// arrives while the SPF step reads the zone stops the run before the DMARC step starts
// (each step reads the whole zone at once, seconds in a zone of a million records).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeAsync, analyzeSync } from '../../server/src/analysis';
import { ChainResolver, offlineResolver } from '../../server/src/dns/chain';
import type { Resolver } from '../../server/src/dns/resolver';
import { ZoneDataResolver } from '../../server/src/dns/zoneData';
import { fixtureZone } from '../fixtures/mail/zone';
import { countTurns } from '../helpers/turns';

const text = `@ SOA ns hostmaster 1 2 3 4 5
@ TXT "v=spf1 include:_spf.example.com -all"
_spf TXT "v=spf1 ip4:192.0.2.0/24 -all"
_dmarc TXT "v=DMARC1; p=reject; rua=mailto:r@reports.example.net"
`;

/** The zone-data resolver, recording the names asked for. */
function recording(zone: ReturnType<typeof fixtureZone>): { resolver: Resolver; names: string[] } {
  const names: string[] = [];
  // The report destination's zone, which does not authorize example.com's reports.
  const reports = fixtureZone('@ SOA ns hostmaster 1 2 3 4 5\n@ MX 10 mx\n', 'reports.example.net.');
  const inner = new ChainResolver([new ZoneDataResolver([zone, reports])], offlineResolver);
  return {
    names,
    resolver: {
      lookup(name, type, signal) {
        names.push(name);
        return inner.lookup(name, type, signal);
      },
    },
  };
}

test('a run cancelled during its first step makes no DMARC lookup and returns nothing', async () => {
  const zone = fixtureZone(text);
  const { resolver, names } = recording(zone);
  const abort = new AbortController();
  const run = analyzeAsync(zone, { resolver, signal: abort.signal });
  abort.abort(); // what a keystroke does while the first step runs
  assert.deepEqual(await run, []);
  assert.ok(!names.some((n) => n.includes('_report._dmarc')), names.join(' '));
});

test('a run not cancelled makes both steps lookups and reports the DMARC destination', async () => {
  const zone = fixtureZone(text);
  const { resolver, names } = recording(zone);
  const problems = await analyzeAsync(zone, { resolver });
  assert.ok(names.some((n) => n.includes('_report._dmarc')), names.join(' '));
  assert.ok(names.some((n) => n.startsWith('_spf.example.com')), names.join(' '));
  assert.deepEqual(problems.map((p) => p.code), ['dmarc-external-destination']);
});

/** 300 SPF records, each including a chain of three more: 900 lookups in all. */
function manySpf(): string {
  const lines = ['@ SOA ns hostmaster 1 2 3 4 5'];
  for (let i = 0; i < 300; i++) {
    lines.push(`h${i} TXT "v=spf1 include:a.h${i}.example.com -all"`);
    lines.push(`a.h${i} TXT "v=spf1 include:b.h${i}.example.com -all"`);
    lines.push(`b.h${i} TXT "v=spf1 include:c.h${i}.example.com -all"`);
    lines.push(`c.h${i} TXT "v=spf1 ip4:192.0.2.${i % 250}/32 -all"`);
  }
  return lines.join('\n') + '\n';
}

/** A zone-data resolver whose every answer costs the caller 1 ms of its thread, counting lookups. */
function slow(zone: ReturnType<typeof fixtureZone>): { resolver: Resolver; count: () => number } {
  const inner = new ChainResolver([new ZoneDataResolver([zone])], offlineResolver);
  let n = 0;
  return {
    count: () => n,
    resolver: {
      lookup(name, type, signal) {
        n++;
        const until = performance.now() + 1;
        while (performance.now() < until);
        return inner.lookup(name, type, signal);
      },
    },
  };
}

test('the lookups of many SPF trees let the event loop turn: every tree worker waits once the slice is used', async () => {
  const zone = fixtureZone(manySpf());
  const { resolver, count } = slow(zone);
  const stopCounting = countTurns();
  await analyzeAsync(zone, { resolver });
  const turns = stopCounting();
  assert.ok(count() >= 900, `${count()} lookups`);
  // 8 ms slices of 1 ms lookups: a turn about every 8 lookups. One worker waiting alone
  // while 63 others went on turned the loop a handful of times in all.
  assert.ok(turns >= count() / 32, `${turns} turns for ${count()} lookups`);
});

test('a run cancelled between lookups makes no more than the lookups already under way', async () => {
  const zone = fixtureZone(manySpf());
  const { resolver, count } = slow(zone);
  const abort = new AbortController();
  const watcher = setInterval(() => {
    if (count() >= 100) abort.abort();
  }, 0);
  const problems = await analyzeAsync(zone, { resolver, signal: abort.signal });
  clearInterval(watcher);
  assert.deepEqual(problems, []);
  assert.ok(count() >= 100 && count() < 100 + 64 + 16, `${count()} lookups after cancelling at 100 or more`);
});

test('after the sync checks of a parsed zone (its records frozen), the DNS-dependent checks find what they find on a fresh list', async () => {
  // The CLI runs analyzeSync, then analyzeAsync: the SPF records and the DMARC view the sync
  // checks made from parseZoneText's frozen list are kept for the async run. Every async
  // rule that fires here must fire the same on a zone whose list nothing was kept for.
  const source = `@ SOA ns hostmaster 1 2 3 4 5
@ MX 10 mx
mx A 192.0.2.25
@ TXT "v=spf1 mx include:loop.example.com include:gone.example.com include:deep.example.com -all"
loop TXT "v=spf1 include:loop2.example.com -all"
loop2 TXT "v=spf1 include:loop.example.com -all"
deep TXT "v=spf1 a:a1.example.com a:a2.example.com a:a3.example.com a:a4.example.com a:a5.example.com a:a6.example.com a:a7.example.com a:a8.example.com -all"
_dmarc TXT "v=DMARC1; p=reject; rua=mailto:r@reports.example.net"
sub TXT "v=spf1 include:example.com -all"
_dmarc.sub TXT "v=DMARC1; p=none; ruf=mailto:f@reports.example.net"
_dmarc.alias CNAME dmarc.provider.example.
`;
  const zone = fixtureZone(source);
  assert.ok(Object.isFrozen(zone.records));
  const fresh = { ...zone, records: [...zone.records] };
  const run = async (z: typeof zone): Promise<string[]> => {
    const { resolver } = recording(z);
    return (await analyzeAsync(z, { resolver })).map((p) => `${p.code}@${p.offset}:${p.length} ${JSON.stringify(p.args ?? {})}`).sort();
  };
  const expected = await run(fresh);
  for (const code of ['spf-include-loop', 'spf-include-no-record', 'spf-lookup-limit', 'dmarc-external-destination']) {
    assert.ok(expected.some((p) => p.startsWith(code + '@')), `${code} in ${expected.join('\n')}`);
  }
  analyzeSync(zone);
  await new Promise((resolve) => setImmediate(resolve)); // as the CLI's async run starts: after the run-long caches
  assert.deepEqual(await run(zone), expected);
  assert.deepEqual(await run(zone), expected, 'again, from what was kept');
});
