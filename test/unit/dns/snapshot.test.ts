import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROVIDER_SNAPSHOT, SNAPSHOT_DATE, SnapshotResolver } from '../../../server/src/dns/snapshot';
import type { Resolver } from '../../../server/src/dns/resolver';

const snapshot = new SnapshotResolver();

/** DNS-querying terms (RFC 7208 §4.6.4) of `include:name`, the include itself counted. */
async function includeCost(resolver: Resolver, name: string, depth = 0): Promise<number> {
  assert.ok(depth < 10, `include loop at ${name}`);
  const r = await resolver.lookup(name, 'TXT');
  assert.equal(r.kind, 'ok', `${name}: ${JSON.stringify(r)}`);
  const spf = r.kind === 'ok' ? r.records.map((s) => s.join('')).filter((t) => /^v=spf1( |$)/i.test(t)) : [];
  assert.equal(spf.length, 1, `${name} has one SPF record`);
  let cost = 1;
  for (const term of spf[0].split(' ').slice(1)) {
    const m = /^[+?~-]?(include|redirect=|a|mx|ptr|exists)(?::|$)(.*)/i.exec(term);
    if (!m) continue;
    const [, mech, arg] = m;
    // include and redirect cost their own lookup plus the target's terms; the others one each.
    cost += /^(include|redirect=)$/i.test(mech) ? await includeCost(resolver, arg, depth + 1) : 1;
  }
  return cost;
}

test('offline, include:_spf.google.com costs 4 lookups (itself and three _netblocks)', async () => {
  assert.equal(await includeCost(snapshot, '_spf.google.com'), 4);
});

test('every provider entry costs the lookups its evidence says (shared/providers)', async () => {
  const entries = Object.entries(PROVIDER_SNAPSHOT.records).filter(([, e]) => e.lookups !== undefined);
  assert.ok(entries.length >= 15);
  for (const [name, entry] of entries) assert.equal(await includeCost(snapshot, name), entry.lookups, name);
  assert.equal(PROVIDER_SNAPSHOT.records['sendgrid.net'].lookups, 2);
  assert.equal(PROVIDER_SNAPSHOT.records['mailgun.org'].lookups, 3);
  assert.equal(PROVIDER_SNAPSHOT.records['spf.protection.outlook.com'].lookups, 1);
});

test('the providers the product promises are all there', () => {
  for (const name of [
    '_spf.google.com',
    'spf.protection.outlook.com',
    'sendgrid.net',
    'mailgun.org',
    'amazonses.com',
    'relay.mailchannels.net',
    'spf.sender.xserver.jp',
    'spf.mandrillapp.com',
    'spf.mtasv.net',
    'zoho.com',
  ]) {
    assert.equal(snapshot.covers(name, 'TXT'), true, name);
  }
});

test('the snapshot is dated and says its ranges may be stale', () => {
  assert.match(SNAPSHOT_DATE, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(snapshot.date, SNAPSHOT_DATE);
  const raw = JSON.parse(readFileSync(join(__dirname, '../../../server/src/dns/snapshot-data.json'), 'utf8'));
  assert.match(raw.notice, /representative and may be stale/);
});

test('answers: TXT records as character-strings of at most 255 octets, from the snapshot', async () => {
  const r = await snapshot.lookup('_SPF.google.com.', 'TXT');
  assert.equal(r.kind, 'ok');
  assert.equal(r.source, 'snapshot');
  assert.deepEqual(r.kind === 'ok' && r.records, [[PROVIDER_SNAPSHOT.records['_spf.google.com'].TXT![0]]]);
  for (const entry of Object.values(PROVIDER_SNAPSHOT.records)) {
    for (const text of entry.TXT ?? []) assert.ok(text.length > 0 && /^[\x20-\x7e]+$/.test(text));
  }
  const long = new SnapshotResolver({ date: '2026-01-01', notice: '', ttl: 60, records: { 'long.test': { TXT: ['x'.repeat(600)] } } });
  const parts = await long.lookup('long.test', 'TXT');
  assert.deepEqual(parts.kind === 'ok' && parts.records[0].map((s) => s.length), [255, 255, 90]);
});

test('names and types it does not hold are not its own', async () => {
  assert.equal(snapshot.covers('google.com', 'TXT'), false);
  assert.equal(snapshot.covers('x._spf.google.com', 'TXT'), false);
  assert.equal(snapshot.covers('_spf.google.com', 'A'), false);
  assert.equal(snapshot.covers('toString', 'TXT'), false);
  assert.deepEqual(await snapshot.lookup('example.com', 'TXT'), { kind: 'error', reason: 'not-covered', source: 'snapshot' });
  const rest: Resolver = { lookup: async () => ({ kind: 'nxdomain', source: 'rest' }) };
  assert.deepEqual(await snapshot.lookup('example.com', 'TXT', undefined, rest), { kind: 'nxdomain', source: 'rest' });
});
