import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ZoneDataResolver } from '../../../server/src/dns/zoneData';
import type { LookupResult, Resolver } from '../../../server/src/dns/resolver';
import type { Zone } from '../../../server/src/zone/ast';
import { zone } from './build-zone';
import fc from 'fast-check';
import { parseZoneText } from '../../../server/src/zone/index';
import { hasParent, nameKey, parentOf } from '../../../server/src/zone/names';

const example = zone(
  'example.com.',
  `
example.com. 3600 SOA ns1.example.com. hostmaster.example.com. 1 7200 900 1209600 300
example.com. 3600 NS ns1.example.com.
example.com. 300 TXT "v=spf1 include:_spf.example.com " "-all"
example.com. 300 TXT "google-site-verification=abc"
example.com. 300 MX 10 mx1.example.com.
example.com. 300 MX 20 mx2.Example.com.
ns1.example.com. 3600 A 192.0.2.53
www.example.com. 600 A 192.0.2.1
www.example.com. 600 AAAA 2001:DB8:0:0:0:0:0:1
alias.example.com. 100 CNAME www.example.com.
alias2.example.com. 50 CNAME alias.example.com.
loop1.example.com. 60 CNAME loop2.example.com.
loop2.example.com. 60 CNAME loop1.example.com.
out.example.com. 60 CNAME target.elsewhere.net.
a.b.c.example.com. 60 A 192.0.2.7
*.wild.example.com. 60 TXT "wild"
*.wild.example.com. 60 MX 5 mx.wild.example.com.
exists.wild.example.com. 60 A 192.0.2.8
*.alias.example.com. 60 CNAME www.example.com.
caf\\195\\169.example.com. 60 TXT "café"
bin.example.com. 60 TXT "\u00ff"
sub.example.com. 3600 NS ns.sub.example.com.
1.2.0.192.in-addr.arpa. 60 PTR www.example.com.
`,
);

const resolver = new ZoneDataResolver([example]);

function records<T>(r: LookupResult<T>): readonly T[] {
  assert.equal(r.kind, 'ok', JSON.stringify(r));
  return r.kind === 'ok' ? r.records : [];
}

test('TXT: each record as its array of strings, name case-insensitive, trailing dot optional', async () => {
  const r = await resolver.lookup('EXAMPLE.com', 'TXT');
  assert.deepEqual(records(r), [['v=spf1 include:_spf.example.com ', '-all'], ['google-site-verification=abc']]);
  assert.equal(r.kind === 'ok' && r.ttl, 300);
  assert.equal(r.source, 'zone');
  assert.deepEqual(records(await resolver.lookup('example.com.', 'TXT')).length, 2);
});

test('TXT octets decode as UTF-8 where valid, else stay one char per octet', async () => {
  const utf8 = zone('x.test.', 'x.test. 60 TXT "café"');
  assert.deepEqual(records(await new ZoneDataResolver([utf8]).lookup('x.test', 'TXT')), [['café']]);
  const r = await resolver.lookup('bin.example.com', 'TXT');
  // "\u00ff" written as UTF-8 is valid (ÿ); a lone 0xff octet is not UTF-8.
  assert.deepEqual(records(r), [['ÿ']]);
  const raw: Zone = {
    ...utf8,
    records: [{ ...utf8.records[0], rdata: { canonical: '"\\255"', fields: {}, strings: [{ value: '\xff', offsets: [0, 1], span: { offset: 0, length: 6 }, quoted: true }] } }],
  };
  assert.deepEqual(records(await new ZoneDataResolver([raw]).lookup('x.test', 'TXT')), [['\xff']]);
});

test('A, AAAA (RFC 5952 form), MX, NS and PTR data', async () => {
  assert.deepEqual(records(await resolver.lookup('www.example.com', 'A')), ['192.0.2.1']);
  assert.deepEqual(records(await resolver.lookup('www.example.com', 'AAAA')), ['2001:db8::1']);
  assert.deepEqual(records(await resolver.lookup('example.com', 'MX')), [
    { preference: 10, exchange: 'mx1.example.com' },
    { preference: 20, exchange: 'mx2.Example.com' },
  ]);
  assert.deepEqual(records(await resolver.lookup('example.com', 'NS')), ['ns1.example.com']);
  const reverse = zone('2.0.192.in-addr.arpa.', '1.2.0.192.in-addr.arpa. 60 PTR www.example.com.');
  assert.deepEqual(records(await new ZoneDataResolver([reverse]).lookup('1.2.0.192.in-addr.arpa', 'PTR')), ['www.example.com']);
});

test('nxdomain for a name that does not exist, nodata for one without the type', async () => {
  assert.equal((await resolver.lookup('nope.example.com', 'TXT')).kind, 'nxdomain');
  assert.equal((await resolver.lookup('www.example.com', 'TXT')).kind, 'nodata');
  assert.equal((await resolver.lookup('www.example.com', 'SPF')).kind, 'nodata');
});

test('empty non-terminals are nodata, not nxdomain (RFC 8020)', async () => {
  assert.equal((await resolver.lookup('b.c.example.com', 'TXT')).kind, 'nodata');
  assert.equal((await resolver.lookup('c.example.com', 'A')).kind, 'nodata');
  assert.equal((await resolver.lookup('x.c.example.com', 'A')).kind, 'nxdomain');
});

test('CNAME chains are followed; the TTL is the smallest along the chain', async () => {
  const r = await resolver.lookup('alias2.example.com', 'A');
  assert.deepEqual(records(r), ['192.0.2.1']);
  assert.equal(r.kind === 'ok' && r.ttl, 50);
  assert.equal((await resolver.lookup('alias.example.com', 'TXT')).kind, 'nodata');
  assert.deepEqual(records(await resolver.lookup('alias2.example.com', 'CNAME')), ['alias.example.com']);
});

test('a CNAME loop ends in an error, not a hang', async () => {
  const r = await resolver.lookup('loop1.example.com', 'TXT');
  assert.deepEqual(r, { kind: 'error', reason: 'cname-loop', source: 'zone' });
});

test('a chain longer than the bound is an error', async () => {
  const lines = ['long.test. 60 SOA ns. h. 1 1 1 1 1'];
  for (let i = 0; i < 20; i++) lines.push(`c${i}.long.test. 60 CNAME c${i + 1}.long.test.`);
  lines.push('c20.long.test. 60 A 192.0.2.1');
  const long = new ZoneDataResolver([zone('long.test.', lines.join('\n'))]);
  assert.equal((await long.lookup('c5.long.test', 'A')).kind, 'ok');
  assert.deepEqual(await long.lookup('c0.long.test', 'A'), { kind: 'error', reason: 'cname-loop', source: 'zone' });
});

test('wildcards synthesise answers below the closest encloser (RFC 4592)', async () => {
  assert.deepEqual(records(await resolver.lookup('anything.wild.example.com', 'TXT')), [['wild']]);
  assert.deepEqual(records(await resolver.lookup('a.b.wild.example.com', 'TXT')), [['wild']]);
  assert.equal((await resolver.lookup('anything.wild.example.com', 'A')).kind, 'nodata');
  // A name that exists is not matched by the wildcard…
  assert.equal((await resolver.lookup('exists.wild.example.com', 'TXT')).kind, 'nodata');
  // …and neither are names below it: their closest encloser is `exists`, which has no `*` child.
  assert.equal((await resolver.lookup('x.exists.wild.example.com', 'TXT')).kind, 'nxdomain');
  // The wildcard owner itself is a name like any other.
  assert.deepEqual(records(await resolver.lookup('*.wild.example.com', 'TXT')), [['wild']]);
  // A wildcard CNAME is followed.
  assert.deepEqual(records(await resolver.lookup('z.alias.example.com', 'A')), ['192.0.2.1']);
  // Wildcards do not reach up or sideways.
  assert.equal((await resolver.lookup('wild.example.com', 'TXT')).kind, 'nodata');
  assert.equal((await resolver.lookup('x.example.com', 'TXT')).kind, 'nxdomain');
});

test('covers: names at or below the apex, not below a delegation, not outside', () => {
  assert.equal(resolver.covers('example.com'), true);
  assert.equal(resolver.covers('deep.nope.Example.COM.'), true);
  assert.equal(resolver.covers('sub.example.com'), false);
  assert.equal(resolver.covers('x.sub.example.com'), false);
  assert.equal(resolver.covers('example.net'), false);
  assert.equal(resolver.covers('badexample.com'), false);
  // Out-of-zone data in the file is ignored rather than answered.
  assert.equal(resolver.covers('1.2.0.192.in-addr.arpa'), false);
});

test('without a chain, a name outside every zone is an error, never a void lookup', async () => {
  assert.deepEqual(await resolver.lookup('example.net', 'TXT'), { kind: 'error', reason: 'not-covered', source: 'zone' });
});

test('a CNAME leaving the zones is finished by the rest of the chain', async () => {
  const asked: string[] = [];
  const rest: Resolver = {
    async lookup(name, type) {
      asked.push(`${name} ${type}`);
      return { kind: 'ok', records: ['192.0.2.99'] as never[], ttl: 30, source: 'rest' };
    },
  };
  const r = await resolver.lookup('out.example.com', 'A', undefined, rest);
  assert.deepEqual(asked, ['target.elsewhere.net A']);
  assert.deepEqual(r, { kind: 'ok', records: ['192.0.2.99'], ttl: 30, source: 'rest' });
});

test('the most specific zone answers; the apex is the SOA owner', async () => {
  const child = zone(
    'sub.example.com.',
    `
sub.example.com. 60 SOA ns. h. 1 1 1 1 1
sub.example.com. 60 TXT "child"
`,
  );
  const both = new ZoneDataResolver([example, child]);
  assert.equal(both.covers('x.sub.example.com'), true);
  assert.deepEqual(records(await both.lookup('sub.example.com', 'TXT')), [['child']]);
  assert.equal((await both.lookup('x.sub.example.com', 'TXT')).kind, 'nxdomain');
  // A zone whose origin says otherwise is still indexed at its SOA owner.
  const misnamed = new ZoneDataResolver([{ ...child, origin: 'wrong.test.' }]);
  assert.equal(misnamed.covers('sub.example.com'), true);
  assert.equal(misnamed.covers('wrong.test'), false);
});

test('a zone source function is read anew, so updated zones are seen', async () => {
  let zones: Zone[] = [];
  const live = new ZoneDataResolver(() => zones);
  assert.equal(live.covers('example.com'), false);
  zones = [example];
  assert.equal(live.covers('example.com'), true);
  assert.equal((await live.lookup('www.example.com', 'A')).kind, 'ok');
  // What `covers` found serves the lookup right after it only for the same name and zones.
  assert.equal(live.covers('www.example.com'), true);
  zones = [];
  assert.deepEqual(await live.lookup('www.example.com', 'A'), { kind: 'error', reason: 'not-covered', source: 'zone' });
  zones = [example];
  assert.equal(live.covers('nothing.example.org'), false);
  assert.equal((await live.lookup('www.example.com', 'A')).kind, 'ok');
});

test('a malformed name is an error', async () => {
  assert.deepEqual(await resolver.lookup('a..example.com', 'A'), { kind: 'error', reason: 'bad-name', source: 'zone' });
});

test('escaped labels compare by their octets', async () => {
  assert.deepEqual(records(await resolver.lookup('café.example.com', 'TXT')), [['café']]);
});

test('a name exists when it owns records or lies above an owner (escaped dots and backslashes in labels too)', async () => {
  // flatIndex finds the empty non-terminals walking up from each owner and skips a walk when
  // an owner's parent is the last one walked: these zones put siblings in and out of order.
  const label = fc.constantFrom('a', 'b', 'c', 'a\\.b', 'b\\.', 'x\\\\', '\\\\.a', 'B');
  const owner = fc.array(label, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('.'));
  await fc.assert(
    fc.asyncProperty(fc.array(owner, { minLength: 1, maxLength: 12 }), fc.array(owner, { maxLength: 6 }), async (owners, probes) => {
      const text = ['$ORIGIN example.com.', '@ SOA ns hostmaster 1 2 3 4 5', ...owners.map((o) => `${o} TXT "x"`), ''].join('\n');
      const parsed = parseZoneText(text, { origin: 'example.com.' });
      const resolver = new ZoneDataResolver([parsed]);
      const expected = new Set<string>();
      for (const r of parsed.records) {
        for (let n: string | undefined = nameKey(r.owner); n !== undefined && n !== 'com.'; n = parentOf(n)) expected.add(n);
      }
      const names = new Set<string>([...expected, ...probes.map((p) => nameKey(`${p}.example.com.`)), ...probes.map((p) => nameKey(`${p}.a.example.com.`))]);
      for (const name of names) {
        const kind = (await resolver.lookup(name, 'TXT')).kind;
        assert.equal(kind !== 'nxdomain', expected.has(name), `${name} in ${JSON.stringify(owners)}: ${kind}`);
      }
    }),
    { numRuns: 300, seed: 9 },
  );
});

test('hasParent answers as comparing parentOf, escaped dots and backslashes too', () => {
  const label = fc.constantFrom('a', 'b', 'a\\.b', 'b\\.', 'x\\\\', '\\\\.a', '\\.');
  const name = fc.array(label, { maxLength: 4 }).map((ls) => (ls.length === 0 ? '.' : ls.join('.') + '.'));
  fc.assert(
    fc.property(name, name, (n, p) => {
      assert.equal(hasParent(n, p), parentOf(n) === p, `${n} ${p}`);
      const up = parentOf(n);
      if (up !== undefined) assert.equal(hasParent(n, up), true, `${n} ${up}`);
    }),
    { numRuns: 2000, seed: 4 },
  );
});
