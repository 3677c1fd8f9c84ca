/**
 * Too many lookups: remove includes reached anyway, and flatten an include into
 * the addresses it stands for, through real resolvers (the bundled snapshot and
 * zone data of a second zone).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ChainResolver, offlineResolver } from '../../../server/src/dns/chain';
import { SnapshotResolver, SNAPSHOT_DATE } from '../../../server/src/dns/snapshot';
import { ZoneDataResolver } from '../../../server/src/dns/zoneData';
import type { Zone } from '../../../server/src/zone/ast';
import { checkSpfLookups } from '../../../server/src/spf/check';
import { fixesFor, flattenInclude } from '../../../server/src/fixes/index';
import { HEAD, linesOf, NOW, parse, verifyFixAsync } from './helpers';
import { parseZoneText } from '../../../server/src/zone/index';

const FIXTURES = path.join(__dirname, '../../fixtures/fixes');
const providerZone = parseZoneText(readFileSync(path.join(FIXTURES, 'mailer-provider.zone'), 'utf8'), { origin: 'example.net.' });

function resolverFor(zone: Zone) {
  return new ChainResolver([new ZoneDataResolver([zone, providerZone]), new SnapshotResolver()], offlineResolver);
}

const lookups = (zone: Zone) => checkSpfLookups(zone, resolverFor(zone));

async function lookupLimit(text: string) {
  const zone = parse(text);
  const problems = (await lookups(zone)).filter((p) => p.code === 'spf-lookup-limit');
  assert.equal(problems.length, 1, `spf-lookup-limit in\n${text}`);
  return { zone, problem: problems[0] };
}

test('spf-lookup-limit: an include already reached through another include is removed', async () => {
  const text =
    HEAD + '@ MX 10 ns\n@ TXT "v=spf1 include:_spf.google.com include:_netblocks.google.com include:mailgun.org include:sendgrid.net mx ~all"\n';
  const { zone, problem } = await lookupLimit(text);
  const found = fixesFor({ text, zone, problem });
  assert.equal(found.length, 1);
  assert.equal(found[0].title.en, "Remove 'include:_netblocks.google.com': 'include:_spf.google.com' already includes it");
  const region = linesOf(text, 'v=spf1');
  const { after } = await verifyFixAsync(text, 'spf-lookup-limit', found[0], region, lookups);
  assert.match(after, /"v=spf1 include:_spf\.google\.com include:mailgun\.org include:sendgrid\.net mx ~all"/);
});

test('flattenInclude: the costliest include becomes the snapshot\'s addresses, with a dated comment', async () => {
  const text =
    HEAD +
    '@ MX 10 ns\n@ TXT "v=spf1 include:_spf.google.com include:mailgun.org include:sendgrid.net include:spf.protection.outlook.com a mx ~all"\n';
  const { zone, problem } = await lookupLimit(text);
  const fix = await flattenInclude({ text, zone, problem }, resolverFor(zone), { now: NOW });
  assert.ok(fix);
  assert.match(fix.title.en, /^Flatten 'include:_spf\.google\.com' into \d+ ip4\/ip6 terms \(saves 4 lookups; goes stale\)$/);
  const region = linesOf(text, '@ TXT');
  const { after } = await verifyFixAsync(text, 'spf-lookup-limit', fix, region, lookups);
  const comment = after.slice(region.from, after.indexOf('\n', region.from));
  assert.equal(
    comment,
    `; include:_spf.google.com flattened by Zonelint on 2026-11-24 from Zonelint's bundled provider snapshot of ${SNAPSHOT_DATE} (${fix.title.en.match(/into (\d+)/)![1]} ranges). ` +
      'These go stale when _spf.google.com changes its senders: re-flatten regularly or restore include:_spf.google.com.',
  );
  const record = parse(after).records.find((r) => r.type === 'TXT' && r.owner === 'example.com.')!;
  assert.ok(record.rdata.strings!.every((s) => s.value.length <= 255));
  const value = record.rdata.strings!.map((s) => s.value).join('');
  assert.match(value, /^v=spf1 ip4:35\.190\.247\.0\/24 .* ip6:2001:4860:4000::\/36 .*include:mailgun\.org include:sendgrid\.net include:spf\.protection\.outlook\.com a mx ~all$/);
  assert.ok(!value.includes('_spf.google.com'));
});

test('flattenInclude: an include under the problem, resolved from zone data (nested include, a:, mx:)', async () => {
  const text =
    HEAD +
    '@ MX 10 ns\n' +
    '@ TXT "v=spf1 mx a include:_spf.mailer.example.net include:_spf.example.com ~all"\n' +
    '_spf TXT "v=spf1 a:h1.example.com a:h2.example.com a:h3.example.com a:h4.example.com a:h5.example.com -all"\n' +
    'h1 A 192.0.2.1\nh2 A 192.0.2.2\nh3 A 192.0.2.3\nh4 A 192.0.2.4\nh5 A 192.0.2.5\n';
  const { zone, problem } = await lookupLimit(text);
  const at = text.indexOf('include:_spf.mailer');
  const fix = await flattenInclude({ text, zone, problem: { ...problem, offset: at, length: 1 } }, resolverFor(zone), { now: NOW });
  assert.ok(fix);
  const region = linesOf(text, '@ TXT');
  const { after } = await verifyFixAsync(text, 'spf-lookup-limit', fix, region, lookups);
  assert.match(
    after,
    /; include:_spf\.mailer\.example\.net flattened by Zonelint on 2026-11-24 from DNS \(5 ranges\)\. .*\n@ TXT "v=spf1 mx a ip4:203\.0\.113\.0\/24 ip6:2001:db8:100::\/48 ip4:203\.0\.113\.77 ip4:198\.51\.100\.25 ip6:2001:db8:200::25 include:_spf\.example\.com ~all"\n/,
  );
  // The real problem (on the crossing term) flattens the costliest include: the zone's own _spf.
  const costliest = await flattenInclude({ text, zone, problem }, resolverFor(zone), { now: NOW });
  assert.match(costliest!.title.en, /^Flatten 'include:_spf\.example\.com' into 5 ip4\/ip6 terms \(saves 6 lookups/);
});

test('flattenInclude: no fix when the record needs the message (exists with a macro) or DNS is not reachable', async () => {
  const text = HEAD + '@ TXT "v=spf1 include:_spf.dynamic.example.net include:unknown.example.org ~all"\n';
  const zone = parse(text);
  const on = (needle: string) => ({ code: 'spf-lookup-limit', offset: text.indexOf(needle), length: 1 });
  assert.equal(await flattenInclude({ text, zone, problem: on('include:_spf.dynamic') }, resolverFor(zone)), undefined);
  assert.equal(await flattenInclude({ text, zone, problem: on('include:unknown') }, resolverFor(zone)), undefined);
});
