/**
 * check_host() on a zone served by the zone-data resolver: the parts the RFC
 * suite leaves open (trace, counters, HELO identity, abort, t and r macros).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseZoneText } from '../../../server/src/zone/index';
import { ZoneDataResolver } from '../../../server/src/dns/zoneData';
import { checkHost, spfIdentity } from '../../../server/src/spf/evaluate';

const zone = parseZoneText(
  `$ORIGIN example.com.
$TTL 300
@ SOA ns hostmaster 1 3600 600 86400 300
@ NS ns
ns A 192.0.2.53
@ MX 10 mail
mail A 192.0.2.25
mail AAAA 2001:db8::25
@ TXT "v=spf1 mx include:_spf.example.com -all exp=_exp.example.com"
_spf TXT "v=spf1 ip4:198.51.100.0/24 ip6:2001:db8:1::/48 ~all"
_exp TXT "%{c} may not send for %{d} (%{i}); at %{t} by %{r}"
host TXT "v=spf1 a -all"
host A 192.0.2.80
`,
  { origin: 'example.com.' },
);
const resolver = new ZoneDataResolver([zone]);
const opts = { resolver, now: new Date(1_700_000_000_000), receivingHost: 'mx.receiver.example' };

test('pass through an include, with the trace and the lookup count', async () => {
  const r = await checkHost('198.51.100.7', 'example.com', 'alice@example.com', opts);
  assert.equal(r.result, 'pass');
  assert.equal(r.explanation, null);
  assert.equal(r.lookups, 2);
  assert.equal(r.voidLookups, 0);
  assert.deepEqual(
    r.trace.map((t) => [t.depth, t.event, t.term ?? '']),
    [
      [0, 'record', ''],
      [0, 'no-match', 'mx'],
      [0, 'include', 'include:_spf.example.com'],
      [1, 'record', ''],
      [1, 'match', 'ip4:198.51.100.0/24'],
      [0, 'match', 'include:_spf.example.com'],
    ],
  );
});

test('mx matches over IPv6, IPv4-mapped addresses count as IPv4', async () => {
  assert.equal((await checkHost('2001:db8::25', 'example.com', 'a@example.com', opts)).result, 'pass');
  assert.equal((await checkHost('::ffff:192.0.2.25', 'example.com', 'a@example.com', opts)).result, 'pass');
});

test('fail expands the explanation with c, d, i, t and r', async () => {
  const r = await checkHost('203.0.113.9', 'example.com', 'bob@example.com', opts);
  assert.equal(r.result, 'fail');
  assert.equal(r.explanation, '203.0.113.9 may not send for example.com (203.0.113.9); at 1700000000 by mx.receiver.example');
});

test('the HELO identity when MAIL FROM is empty (RFC 7208 §2.3)', async () => {
  const id = spfIdentity('', 'host.example.com');
  assert.deepEqual(id, { sender: 'postmaster@host.example.com', domain: 'host.example.com' });
  const r = await checkHost('192.0.2.80', id.domain, id.sender, { ...opts, helo: 'host.example.com' });
  assert.equal(r.result, 'pass');
  assert.deepEqual(spfIdentity('@example.com', undefined), { sender: 'postmaster@example.com', domain: 'example.com' });
});

test('none for a domain without a record or a malformed one', async () => {
  assert.equal((await checkHost('192.0.2.1', 'mail.example.com', 'x@mail.example.com', opts)).result, 'none');
  assert.equal((await checkHost('192.0.2.1', 'localhost', 'x@localhost', opts)).result, 'none');
  assert.equal((await checkHost('192.0.2.1', 'a..example.com', 'x@a..example.com', opts)).result, 'none');
});

test('an aborted evaluation ends in temperror', async () => {
  const controller = new AbortController();
  controller.abort();
  const r = await checkHost('192.0.2.1', 'example.com', 'x@example.com', { ...opts, signal: controller.signal });
  assert.equal(r.result, 'temperror');
});

test('a resolver that fails gives temperror, never a rejection', async () => {
  const broken = { lookup: async () => ({ kind: 'error' as const, reason: 'timeout' }) };
  const r = await checkHost('192.0.2.1', 'example.com', 'x@example.com', { resolver: broken });
  assert.equal(r.result, 'temperror');
  const throwing = { lookup: async () => Promise.reject(new Error('bug')) };
  assert.equal((await checkHost('192.0.2.1', 'example.com', 'x@example.com', { resolver: throwing })).result, 'temperror');
});
