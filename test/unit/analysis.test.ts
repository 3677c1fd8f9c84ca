// The DNS-dependent checks stop between their steps once cancelled: a keystroke that
// arrives while the SPF step reads the zone stops the run before the DMARC step starts
// (each step reads the whole zone at once, seconds in a zone of a million records).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeAsync } from '../../server/src/analysis';
import { ChainResolver, offlineResolver } from '../../server/src/dns/chain';
import type { Resolver } from '../../server/src/dns/resolver';
import { ZoneDataResolver } from '../../server/src/dns/zoneData';
import { fixtureZone } from '../fixtures/mail/zone';

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
