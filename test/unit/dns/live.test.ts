/**
 * The live resolver against real servers on 127.0.0.1: knotd (and nsd) serving zone
 * files written here, a socket that never answers, and servers that answer SERVFAIL
 * or REFUSED. Fails, never skips, when knotd or nsd is missing (CI installs both).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LiveResolver } from '../../../server/src/dns/live';
import { ZoneDataResolver } from '../../../server/src/dns/zoneData';
import { parseZoneText } from '../../../server/src/zone/index';
import type { LookupResult } from '../../../server/src/dns/resolver';
import {
  RCODE,
  startAuthoritativeServer,
  startDelayProxy,
  startRcodeServer,
  startSilentServer,
  type RunningServer,
  type ZoneFile,
} from '../../helpers/dns-server';

const names = Array.from({ length: 24 }, (_, i) => `n${i} TXT "v=spf1 ip4:192.0.2.${i} -all"`).join('\n');

/** An RRset far over 64 KiB would not fit a message; this one (~26 KB) forces TCP. */
const big = Array.from({ length: 120 }, (_, i) => `big TXT "${String(i).padStart(3, '0')}${'x'.repeat(200)}"`).join('\n');
/** The same, at a name c-ares will not send (`big+`): the octet path's TCP. */
const bigPlus = big.replace(/^big /gm, 'big\\+ ');

const ZONES: ZoneFile[] = [
  {
    origin: 'example.test',
    text: `$ORIGIN example.test.
$TTL 300
@ SOA ns1 hostmaster 1 3600 900 604800 60
@ NS ns1
@ MX 20 mx2
@ MX 10 mx1
@ TXT "v=spf1 " "ip4:192.0.2.0/24 " "-all"
ns1 A 127.0.0.1
www 120 A 192.0.2.1
www AAAA 2001:db8:0:0::1
alias CNAME www
utf8 TXT "caf\\195\\169"
a.b A 192.0.2.9
b\\+tag\\=1._spf A 192.0.2.10
b\\+tag\\=1._spf AAAA 2001:db8::10
b\\+tag\\=1._spf TXT "v=spf1 -all"
b\\+tag\\=1._spf MX 5 mx1
alias.b\\+tag\\=1._spf CNAME www
o\\200._spf A 192.0.2.12
${names}
${big}
${bigPlus}
`,
  },
  {
    origin: '2.0.192.in-addr.arpa',
    text: `$ORIGIN 2.0.192.in-addr.arpa.
$TTL 300
@ SOA ns1.example.test. hostmaster.example.test. 1 3600 900 604800 60
@ NS ns1.example.test.
1 PTR www.example.test.
`,
  },
];

function records<T>(r: LookupResult<T>): readonly T[] {
  assert.equal(r.kind, 'ok', JSON.stringify(r));
  return r.kind === 'ok' ? r.records : [];
}

/** Loose upper bound on scheduling noise on a shared 2-core machine: a correctness bound, not a benchmark. */
const MARGIN_MS = 1500;

describe('LiveResolver against knotd', () => {
  let server: RunningServer;
  const fresh = (extra: object = {}) => new LiveResolver({ servers: [server.address], timeoutMs: 1000, tries: 2, ...extra });

  before(async () => {
    server = await startAuthoritativeServer(ZONES, { kind: 'knot' });
  });
  after(async () => {
    await server?.stop();
  });

  test('A with its TTL, AAAA in RFC 5952 form', async () => {
    const r = await fresh().lookup('www.example.test', 'A');
    assert.deepEqual(records(r), ['192.0.2.1']);
    assert.equal(r.kind === 'ok' && r.ttl, 120);
    assert.equal(r.source, 'live');
    assert.deepEqual(records(await fresh().lookup('www.example.test.', 'AAAA')), ['2001:db8::1']);
  });

  test('TXT keeps each record as its character-strings; UTF-8 octets decode', async () => {
    const live = fresh();
    assert.deepEqual(records(await live.lookup('example.test', 'TXT')), [['v=spf1 ', 'ip4:192.0.2.0/24 ', '-all']]);
    assert.deepEqual(records(await live.lookup('utf8.example.test', 'TXT')), [['café']]);
  });

  test('MX, PTR, NS and CNAME', async () => {
    const live = fresh();
    const mx = [...records(await live.lookup('example.test', 'MX'))].sort((a, b) => a.preference - b.preference);
    assert.deepEqual(mx, [
      { preference: 10, exchange: 'mx1.example.test' },
      { preference: 20, exchange: 'mx2.example.test' },
    ]);
    assert.deepEqual(records(await live.lookup('1.2.0.192.in-addr.arpa', 'PTR')), ['www.example.test']);
    assert.deepEqual(records(await live.lookup('example.test', 'NS')), ['ns1.example.test']);
    assert.deepEqual(records(await live.lookup('alias.example.test', 'CNAME')), ['www.example.test']);
    assert.deepEqual(records(await live.lookup('alias.example.test', 'A')), ['192.0.2.1']);
  });

  test('NXDOMAIN and NODATA are told apart; an empty non-terminal is NODATA', async () => {
    const live = fresh();
    assert.equal((await live.lookup('nope.example.test', 'TXT')).kind, 'nxdomain');
    assert.equal((await live.lookup('www.example.test', 'TXT')).kind, 'nodata');
    assert.equal((await live.lookup('b.example.test', 'A')).kind, 'nodata');
  });

  test('REFUSED (a zone the server does not serve) is an error', async () => {
    assert.deepEqual(await fresh().lookup('other.test', 'TXT'), { kind: 'error', reason: 'refused', source: 'live' });
  });

  test('a second lookup is a cache hit; concurrent lookups share one query', async () => {
    const live = fresh();
    await live.lookup('n1.example.test', 'TXT');
    assert.equal(live.stats.queries, 1);
    const again = await live.lookup('N1.Example.Test.', 'TXT');
    assert.deepEqual(records(again), [['v=spf1 ip4:192.0.2.1 -all']]);
    assert.deepEqual([live.stats.queries, live.stats.cacheHits], [1, 1]);
    // Negative answers are cached too.
    await live.lookup('gone.example.test', 'A');
    await live.lookup('gone.example.test', 'A');
    assert.deepEqual([live.stats.queries, live.stats.cacheHits], [2, 2]);
    const same = await Promise.all(Array.from({ length: 5 }, () => live.lookup('n2.example.test', 'TXT')));
    assert.equal(live.stats.queries, 3);
    assert.equal(live.stats.joined, 4);
    for (const r of same) assert.deepEqual(records(r), [['v=spf1 ip4:192.0.2.2 -all']]);
  });

  test('the cache is bounded and can be turned off', async () => {
    const small = fresh({ maxCacheEntries: 2 });
    for (const n of ['n3', 'n4', 'n5']) await small.lookup(`${n}.example.test`, 'TXT');
    await small.lookup('n3.example.test', 'TXT'); // evicted: asked again
    assert.deepEqual([small.stats.queries, small.stats.cacheHits], [4, 0]);
    await small.lookup('n5.example.test', 'TXT');
    assert.equal(small.stats.cacheHits, 1);
    const none = fresh({ maxCacheEntries: 0 });
    await none.lookup('n3.example.test', 'TXT');
    await none.lookup('n3.example.test', 'TXT');
    assert.deepEqual([none.stats.queries, none.stats.cacheHits], [2, 0]);
  });

  test('independent lookups run in parallel, up to the concurrency cap', async () => {
    const parallel = fresh({ concurrency: 8 });
    const results = await Promise.all(Array.from({ length: 24 }, (_, i) => parallel.lookup(`n${i}.example.test`, 'TXT')));
    results.forEach((r, i) => assert.deepEqual(records(r), [[`v=spf1 ip4:192.0.2.${i} -all`]]));
    assert.ok(parallel.stats.peakInFlight > 1, `peak ${parallel.stats.peakInFlight}`);
    assert.ok(parallel.stats.peakInFlight <= 8, `peak ${parallel.stats.peakInFlight}`);
    const sequential = fresh({ concurrency: 1 });
    await Promise.all(Array.from({ length: 6 }, (_, i) => sequential.lookup(`n${i}.example.test`, 'TXT')));
    assert.equal(sequential.stats.peakInFlight, 1);
    assert.equal(sequential.stats.queries, 6);
  });

  test('the zone-data resolver gives what knotd serves from the same files', async () => {
    const zoneData = new ZoneDataResolver(ZONES.map((z) => parseZoneText(z.text, { origin: z.origin + '.' })));
    const live = fresh();
    const queries = [
      ['example.test', 'TXT'],
      ['example.test', 'NS'],
      ['www.example.test', 'A'],
      ['www.example.test', 'AAAA'],
      ['www.example.test', 'TXT'],
      ['alias.example.test', 'A'],
      ['alias.example.test', 'CNAME'],
      ['utf8.example.test', 'TXT'],
      ['b.example.test', 'A'],
      ['a.b.example.test', 'A'],
      ['nope.example.test', 'MX'],
      ['n7.example.test', 'TXT'],
      ['1.2.0.192.in-addr.arpa', 'PTR'],
    ] as const;
    for (const [name, type] of queries) {
      const [fromZone, fromServer] = [await zoneData.lookup(name, type), await live.lookup(name, type)];
      const strip = (r: LookupResult<unknown>) => (r.kind === 'ok' ? { kind: r.kind, records: r.records } : { kind: r.kind });
      assert.deepEqual(strip(fromZone), strip(fromServer), `${name} ${type}`);
    }
  });

  test('an answer too big for UDP arrives whole over TCP', async () => {
    const r = await fresh().lookup('big.example.test', 'TXT');
    const texts = records(r).map((strings) => strings.join('')).sort();
    assert.equal(texts.length, 120);
    assert.equal(texts[119], '119' + 'x'.repeat(200));
  });

  test('names c-ares refuses to send (`+`, `=`, `@`, raw octets) are asked all the same, by their octets', async () => {
    // SPF macros put senders' local parts into names (RFC 7208 §7.3): `exists:%{l}._spf.…`.
    const live = fresh();
    const a = await live.lookup('b+tag=1._spf.example.test', 'A');
    assert.deepEqual(records(a), ['192.0.2.10']);
    assert.equal(a.kind === 'ok' && a.ttl, 300);
    assert.deepEqual(records(await live.lookup('B+TAG=1._spf.example.test.', 'AAAA')), ['2001:db8::10']);
    assert.deepEqual(records(await live.lookup('b+tag=1._spf.example.test', 'TXT')), [['v=spf1 -all']]);
    assert.deepEqual(records(await live.lookup('b+tag=1._spf.example.test', 'MX')), [{ preference: 5, exchange: 'mx1.example.test' }]);
    assert.deepEqual(records(await live.lookup('alias.b+tag=1._spf.example.test', 'A')), ['192.0.2.1']);
    assert.deepEqual(records(await live.lookup('o\\200._spf.example.test', 'A')), ['192.0.2.12']);
    assert.equal((await live.lookup('ok@d1._spf.example.test', 'A')).kind, 'nxdomain');
    assert.equal((await live.lookup('b+tag=1._spf.example.test', 'PTR')).kind, 'nodata');
    const big = records(await live.lookup('big+.example.test', 'TXT'));
    assert.equal(big.length, 120, 'the answer over UDP is truncated: the whole of it comes over TCP');
    assert.equal(big.map((strings) => strings.join('')).sort()[119], '119' + 'x'.repeat(200));
    // Cached like any other answer.
    const queries = live.stats.queries;
    await live.lookup('b+tag=1._spf.example.test', 'A');
    assert.equal(live.stats.queries, queries);
  });

  test('through a delaying relay (a round-trip time for benchmarks) the answers are the same', async () => {
    const proxy = await startDelayProxy(server.address, 30);
    try {
      const live = new LiveResolver({ servers: [proxy.address], timeoutMs: 1000, tries: 1 });
      const start = Date.now();
      assert.deepEqual(records(await live.lookup('n9.example.test', 'TXT')), [['v=spf1 ip4:192.0.2.9 -all']]);
      assert.ok(Date.now() - start >= 25, 'the answer was held back');
      assert.equal((await live.lookup('nope.example.test', 'A')).kind, 'nxdomain');
      assert.equal(proxy.received(), 2);
    } finally {
      await proxy.close();
    }
  });

  test('type SPF cannot be queried through node:dns and says so', async () => {
    assert.deepEqual(await fresh().lookup('example.test', 'SPF'), { kind: 'error', reason: 'unsupported-type', source: 'live' });
  });
});

describe('LiveResolver against servers that fail', () => {
  test('a server that never answers gives a timeout error in time', async () => {
    const silent = await startSilentServer();
    try {
      const live = new LiveResolver({ servers: [silent.address], timeoutMs: 200, tries: 2 });
      const start = Date.now();
      const r = await live.lookup('example.test', 'TXT');
      const elapsed = Date.now() - start;
      assert.equal(r.kind, 'error');
      assert.equal(r.kind === 'error' && r.reason, 'timeout');
      assert.ok(elapsed < 200 * 2 + 500 + MARGIN_MS, `took ${elapsed} ms`);
      assert.ok(silent.received() >= 1, 'the query reached the socket');
      // Errors are not cached: the next lookup asks again.
      await live.lookup('example.test', 'TXT');
      assert.equal(live.stats.queries, 2);
    } finally {
      await silent.close();
    }
  });

  test('the overall deadline cuts c-ares retries short', async () => {
    const silent = await startSilentServer();
    try {
      // c-ares alone would take 300 + 600 + 1200 + 2400 ms with back-off.
      const live = new LiveResolver({ servers: [silent.address], timeoutMs: 300, tries: 4, deadlineMs: 400 });
      const start = Date.now();
      const r = await live.lookup('example.test', 'A');
      assert.deepEqual(r, { kind: 'error', reason: 'timeout', source: 'live' });
      assert.ok(Date.now() - start < 400 + MARGIN_MS, `took ${Date.now() - start} ms`);
      // The abandoned query freed its channel: the resolver still works.
      const r2 = await live.lookup('example.test', 'TXT');
      assert.equal(r2.kind === 'error' && r2.reason, 'timeout');
    } finally {
      await silent.close();
    }
  });

  test('an aborted lookup ends at once; other waiters on the same query are unaffected', async () => {
    const silent = await startSilentServer();
    try {
      const live = new LiveResolver({ servers: [silent.address], timeoutMs: 300, tries: 1, deadlineMs: 600 });
      const controller = new AbortController();
      const start = Date.now();
      const aborted = live.lookup('example.test', 'TXT', controller.signal);
      const other = live.lookup('example.test', 'TXT');
      setTimeout(() => controller.abort(), 50);
      assert.deepEqual(await aborted, { kind: 'error', reason: 'aborted', source: 'live' });
      assert.ok(Date.now() - start < 300, `abort took ${Date.now() - start} ms`);
      assert.deepEqual(await other, { kind: 'error', reason: 'timeout', source: 'live' });
      const pre = new AbortController();
      pre.abort();
      assert.equal((await live.lookup('x.test', 'A', pre.signal)).kind, 'error');
    } finally {
      await silent.close();
    }
  });

  test('SERVFAIL and REFUSED answers are errors, not void lookups (a name sent by its octets too)', async () => {
    for (const [rcode, reason] of [
      [RCODE.SERVFAIL, 'servfail'],
      [RCODE.REFUSED, 'refused'],
    ] as const) {
      const server = await startRcodeServer(rcode);
      try {
        const live = new LiveResolver({ servers: [server.address], timeoutMs: 500, tries: 1 });
        for (const name of ['example.test', 'a@b.example.test']) {
          assert.deepEqual(await live.lookup(name, 'TXT'), { kind: 'error', reason, source: 'live' }, name);
        }
        assert.ok(server.received() >= 2);
      } finally {
        await server.close();
      }
    }
  });

  test('a name sent by its octets to a server that never answers: a timeout error in time', async () => {
    const silent = await startSilentServer();
    try {
      const live = new LiveResolver({ servers: [silent.address], timeoutMs: 200, tries: 2 });
      const start = Date.now();
      assert.deepEqual(await live.lookup('a+b.example.test', 'A'), { kind: 'error', reason: 'timeout', source: 'live' });
      assert.ok(Date.now() - start < 200 * 2 + 500 + MARGIN_MS, `took ${Date.now() - start} ms`);
      assert.ok(silent.received() >= 1, 'the query reached the socket');
    } finally {
      await silent.close();
    }
  });

  test('a truncated answer with no TCP service is an error, not an empty answer', async () => {
    const server = await startRcodeServer(0, { truncated: true });
    try {
      const live = new LiveResolver({ servers: [server.address], timeoutMs: 300, tries: 1, deadlineMs: 1000 });
      const r = await live.lookup('example.test', 'TXT');
      assert.equal(r.kind, 'error', JSON.stringify(r));
    } finally {
      await server.close();
    }
  });

  test('an unusable servers setting is reported on every lookup, not thrown', async () => {
    const live = new LiveResolver({ servers: ['not an address'] });
    const r = await live.lookup('example.test', 'TXT');
    assert.equal(r.kind, 'error');
    assert.match(r.kind === 'error' ? r.reason : '', /^bad-servers: /);
  });
});

describe('LiveResolver against nsd', () => {
  test('the same answers from a second implementation', async () => {
    const server = await startAuthoritativeServer(ZONES, { kind: 'nsd' });
    try {
      const live = new LiveResolver({ servers: [server.address], timeoutMs: 1000, tries: 2 });
      assert.deepEqual(records(await live.lookup('example.test', 'TXT')), [['v=spf1 ', 'ip4:192.0.2.0/24 ', '-all']]);
      assert.deepEqual(records(await live.lookup('utf8.example.test', 'TXT')), [['café']]);
      assert.equal((await live.lookup('nope.example.test', 'TXT')).kind, 'nxdomain');
      assert.equal((await live.lookup('b.example.test', 'TXT')).kind, 'nodata');
      assert.deepEqual(records(await live.lookup('alias.example.test', 'A')), ['192.0.2.1']);
    } finally {
      await server.stop();
    }
  });
});
