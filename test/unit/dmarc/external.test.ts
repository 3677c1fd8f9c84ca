import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDmarcAsync } from '../../../server/src/dmarc/index';
import { formatMessage } from '../../../server/src/diagnostics/registry';
import { ChainResolver, offlineResolver } from '../../../server/src/dns/chain';
import { ZoneDataResolver } from '../../../server/src/dns/zoneData';
import { fixtureZone, fixtureZoneLoose, found } from '../../fixtures/mail/zone';
import { collectDmarc, collectDmarcNames } from '../../../server/src/dmarc/collect';
import { generate } from '../incremental/gen';
import { runSteps } from '../../../server/src/steps';

// Destination zones answered by the real zone-data resolver; anything else is offline.
const reports = fixtureZone('@ SOA ns hostmaster 1 2 3 4 5\n@ MX 10 mx\n', 'reports.example.net.');
const authorized = fixtureZone(
  '@ SOA ns hostmaster 1 2 3 4 5\nexample.com._report._dmarc TXT "v=DMARC1"\n',
  'authorized.example.',
);
const wildcard = fixtureZone('@ SOA ns hostmaster 1 2 3 4 5\n*._report._dmarc TXT "v=DMARC1;"\n', 'wild.example.');
const resolver = new ChainResolver([new ZoneDataResolver([reports, authorized, wildcard])], offlineResolver);

const text = `_dmarc TXT ( "v=DMARC1; p=reject; rua=mailto:r@reports.example.net,mailto:a@authorized.example,"
  "mailto:w@wild.example,mailto:self@example.com,mailto:x@mail.example.com,mailto:o@offline.example;"
  "ruf=mailto:f@reports.example.net" )
_dmarc.local TXT "v=DMARC1; p=none; rua=mailto:a@elsewhere.example.com"
`;

test('dmarc-external-destination: only unauthorised destinations outside the organization', async () => {
  const problems = await checkDmarcAsync(fixtureZone(text), resolver);
  assert.deepEqual(found(text, problems), [
    ['dmarc-external-destination', 'mailto:r@reports.example.net'],
    ['dmarc-external-destination', 'mailto:f@reports.example.net'],
  ]);
  assert.equal(
    formatMessage(problems[0]),
    'Reports for example.com go to reports.example.net, another organization, but reports.example.net does not authorize it: receivers will not send them until example.com._report._dmarc.reports.example.net has a TXT record "v=DMARC1"',
  );
  assert.deepEqual(problems[0].data, { authorizationName: 'example.com._report._dmarc.reports.example.net.' });
});

test('a destination inside this zone is judged from the zone itself', async () => {
  const zone = fixtureZone(
    '_dmarc.example.com.example. TXT "v=DMARC1; p=reject; rua=mailto:d@example.com.example.,mailto:d@ok.example."\n' +
      'example.com.example._report._dmarc.ok TXT "v=DMARC1"\n',
    'example.',
  );
  // example.com.example and ok.example are different organizations under a one-label suffix.
  const problems = await checkDmarcAsync(zone, offlineResolver);
  assert.deepEqual(problems.map((p) => p.args?.dest), []);
  const missing = fixtureZone('_dmarc.a.example. TXT "v=DMARC1; p=reject; rua=mailto:d@b.example."\n', 'example.');
  assert.deepEqual((await checkDmarcAsync(missing, offlineResolver)).map((p) => p.args?.authName), ['a.example._report._dmarc.b.example']);
});

test('an aborted check reports nothing', async () => {
  const controller = new AbortController();
  controller.abort();
  assert.deepEqual(await checkDmarcAsync(fixtureZone(text), resolver, controller.signal), []);
});

test('the DNS-dependent check reads the DMARC names alone: the same contexts and domains as the whole view', () => {
  const zones = [
    `@ SOA ns hostmaster 1 2 3 4 5
_dmarc TXT "v=DMARC1; p=reject; rua=mailto:r@reports.example.net"
_DMARC.Sub TXT "v=DMARC1; p=none"
_dmarc.cname CNAME dmarc.provider.example.
example.com._report._dmarc TXT "v=DMARC1"
*._report._dmarc TXT "v=DMARC1"
x._dmarc.y TXT "not at a policy name"
other TXT "v=spf1 -all"
_dmarcs TXT "close, but no label _dmarc"
`,
    ...Array.from({ length: 20 }, (_, seed) => generate(seed + 1, 80)),
  ];
  for (const [i, text] of zones.entries()) {
    // The generated zones hold typing mistakes on purpose.
    const zone = i === 0 ? fixtureZone(text) : fixtureZoneLoose(text);
    const whole = collectDmarc(zone);
    // parseZoneText's list is frozen, and the whole view made from it is kept for it: the
    // names alone are read from a list nothing was kept for.
    assert.equal(runSteps(collectDmarcNames(zone)), whole);
    const names = runSteps(collectDmarcNames({ ...zone, records: [...zone.records] }));
    const contexts = (v: typeof whole) => v.contexts.map((c) => [c.txt.record.span, c.domain, c.placement, c.besideDmarc, c.dmarc.isDmarc]);
    assert.deepEqual(contexts(names), contexts(whole));
    assert.deepEqual([...names.policyDomains], [...whole.policyDomains]);
    assert.deepEqual([...names.attemptedDomains], [...whole.attemptedDomains]);
    assert.deepEqual([...names.aliasedDomains], [...whole.aliasedDomains]);
    assert.ok(names.txts.length < whole.txts.length || whole.txts.every((t) => /_dmarc/i.test(t.owner)));
  }
});
