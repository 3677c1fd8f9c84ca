import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ChainResolver, createResolver, offlineResolver } from '../../../server/src/dns/chain';
import { isNotChecked, type LookupResult, type PartialResolver, type Resolver } from '../../../server/src/dns/resolver';
import { SnapshotResolver } from '../../../server/src/dns/snapshot';
import { ZoneDataResolver } from '../../../server/src/dns/zoneData';
import type { Zone } from '../../../server/src/zone/ast';
import { startAuthoritativeServer, type RunningServer } from '../../helpers/dns-server';
import { zone } from './build-zone';

const mine = zone(
  'example.com.',
  `
example.com. 300 SOA ns. h. 1 1 1 1 1
example.com. 300 TXT "v=spf1 include:_spf.google.com include:unknown-provider.example -all"
mail.example.com. 300 CNAME _spf.google.com.
gone.example.com. 300 CNAME nothing.example.org.
`,
);

/** A zone that overrides a snapshot name: zone data comes first. */
const override = zone('google.com.', 'google.com. 300 SOA ns. h. 1 1 1 1 1\n_spf.google.com. 300 TXT "v=spf1 -all"');

function recorder(result: LookupResult<never>): Resolver & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async lookup(name, type) {
      asked.push(`${name} ${type}`);
      return result;
    },
  };
}

describe('offline chain: zone data, then the snapshot, then "not checked"', () => {
  const offline = createResolver({ mode: 'offline', servers: [], timeoutMs: 1000 }, () => [mine]);

  test('zone data answers for its names', async () => {
    const r = await offline.lookup('example.com', 'TXT');
    assert.equal(r.source, 'zone');
    assert.equal(r.kind, 'ok');
    assert.equal((await offline.lookup('nope.example.com', 'TXT')).kind, 'nxdomain');
  });

  test('the snapshot answers for provider names', async () => {
    const r = await offline.lookup('_spf.google.com', 'TXT');
    assert.equal(r.source, 'snapshot');
    assert.match(r.kind === 'ok' ? r.records[0].join('') : '', /include:_netblocks\.google\.com/);
  });

  test('anything else is "not checked offline", never a void lookup', async () => {
    const r = await offline.lookup('unknown-provider.example', 'TXT');
    assert.deepEqual(r, { kind: 'error', reason: 'offline', source: 'offline' });
    assert.equal(isNotChecked(r), true);
    assert.equal(isNotChecked(await offline.lookup('_spf.google.com', 'A')), true);
    assert.equal(isNotChecked({ kind: 'nxdomain' }), false);
    assert.equal(isNotChecked({ kind: 'error', reason: 'timeout' }), false);
  });

  test('a CNAME leaving the zone data continues in the snapshot, or ends not checked', async () => {
    const r = await offline.lookup('mail.example.com', 'TXT');
    assert.equal(r.kind, 'ok');
    assert.equal(r.source, 'snapshot');
    assert.equal(isNotChecked(await offline.lookup('gone.example.com', 'TXT')), true);
  });

  test('zone data comes before the snapshot', async () => {
    const both = createResolver({ mode: 'offline', servers: [], timeoutMs: 1000 }, () => [override]);
    const r = await both.lookup('_spf.google.com', 'TXT');
    assert.deepEqual(r.kind === 'ok' && r.records, [['v=spf1 -all']]);
    assert.equal(r.source, 'zone');
  });
});

describe('ChainResolver', () => {
  test('asks members in order, each only for names it covers, then the fallback', async () => {
    const fallback = recorder({ kind: 'nodata', source: 'fallback' } as never);
    const chain = new ChainResolver([new ZoneDataResolver([mine]), new SnapshotResolver()], fallback);
    assert.equal((await chain.lookup('example.com', 'TXT')).source, 'zone');
    assert.equal((await chain.lookup('_netblocks2.google.com', 'TXT')).source, 'snapshot');
    assert.deepEqual(await chain.lookup('example.net', 'MX'), { kind: 'nodata', source: 'fallback' });
    assert.deepEqual(fallback.asked, ['example.net MX']);
  });

  test('CNAMEs bouncing between members end in an error, not a hang', async () => {
    const a = zone('a.test.', 'a.test. 60 SOA ns. h. 1 1 1 1 1\nx.a.test. 60 CNAME x.b.test.');
    const b = zone('b.test.', 'b.test. 60 SOA ns. h. 1 1 1 1 1\nx.b.test. 60 CNAME x.a.test.');
    const chain = new ChainResolver([new ZoneDataResolver([a]), new ZoneDataResolver([b])], offlineResolver);
    assert.deepEqual(await chain.lookup('x.a.test', 'TXT'), { kind: 'error', reason: 'cname-loop', source: 'chain' });
  });

  test('a member that throws becomes an error result, the chain never rejects', async () => {
    const broken: PartialResolver = {
      covers: () => true,
      lookup: async () => {
        throw new Error('boom');
      },
    };
    assert.deepEqual(await new ChainResolver([broken], offlineResolver).lookup('x.test', 'A'), {
      kind: 'error',
      reason: 'internal: boom',
      source: 'chain',
    });
  });

  test('the zone source is read on every lookup', async () => {
    let zones: Zone[] = [];
    const chain = createResolver({ mode: 'offline', servers: [], timeoutMs: 1000 }, () => zones);
    assert.equal(isNotChecked(await chain.lookup('example.com', 'TXT')), true);
    zones = [mine];
    assert.equal((await chain.lookup('example.com', 'TXT')).source, 'zone');
  });
});

describe('live chain: zone data, then a real server', () => {
  let server: RunningServer;
  before(async () => {
    server = await startAuthoritativeServer([
      {
        origin: 'example.org',
        text: `$ORIGIN example.org.
$TTL 300
@ SOA ns1 hostmaster 1 3600 900 604800 60
@ NS ns1
ns1 A 127.0.0.1
@ TXT "v=spf1 ip4:192.0.2.0/24 -all"
`,
      },
    ]);
  });
  after(async () => {
    await server?.stop();
  });

  test('names in the zone data never reach the server; others do; the snapshot is not used', async () => {
    const live = createResolver({ mode: 'live', servers: [server.address], timeoutMs: 1000 }, () => [mine]);
    assert.equal((await live.lookup('example.com', 'TXT')).source, 'zone');
    const fromServer = await live.lookup('example.org', 'TXT');
    assert.equal(fromServer.source, 'live');
    assert.deepEqual(fromServer.kind === 'ok' && fromServer.records, [['v=spf1 ip4:192.0.2.0/24 -all']]);
    assert.equal((await live.lookup('nothing.example.org', 'TXT')).kind, 'nxdomain');
    // Zone CNAME → a name on the server.
    const via = await live.lookup('gone.example.com', 'TXT');
    assert.deepEqual(via, { kind: 'nxdomain', source: 'live' });
    // Provider names go to the server in live mode (which refuses: it does not serve google.com).
    assert.deepEqual(await live.lookup('_spf.google.com', 'TXT'), { kind: 'error', reason: 'refused', source: 'live' });
  });
});
