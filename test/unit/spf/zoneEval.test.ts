/**
 * The in-zone evaluation that spf-stale-ip relies on (spf/zoneEval.ts) against check_host()
 * (itself held to pyspf by pyspfDiff.test.ts) reading the same zone data, on the generated
 * records and addresses of test/helpers/spfgen.ts: wherever the in-zone evaluation gives a
 * verdict, check_host() gives the same one. The in-zone evaluation does not count lookups:
 * check_host() runs without the limits of §4.6.4 here, and a permerror for more than ten MX
 * records is not compared. Then spf-stale-ip and spf-ipv6-missing on the same zone: every
 * report names a mail server address that check_host() does not pass (and, for the latter,
 * one of the same server that it passes).
 *
 * `ZONE_EVAL_DOMAINS` sets how many generated domains (300 unless set), `ZONE_EVAL_SEED` the seed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ipaddr from 'ipaddr.js';
import { analyzeSync } from '../../../server/src/analysis';
import { createResolver } from '../../../server/src/dns/chain';
import { checkHost } from '../../../server/src/spf/evaluate';
import { parseSpf } from '../../../server/src/spf/parser';
import { evaluateInZone, type ZoneRecords } from '../../../server/src/spf/zoneEval';
import { ownerGroups } from '../../../server/src/zone/checks/owners';
import { parseZoneText } from '../../../server/src/zone/index';
import { APEX, generate } from '../../helpers/spfgen';

const seed = Number(process.env.ZONE_EVAL_SEED ?? 5604);
const domains = Number(process.env.ZONE_EVAL_DOMAINS ?? 300);
const generated = generate(seed, domains);
const zone = parseZoneText(generated.zone, { origin: `${APEX}.` });
const groups = ownerGroups(zone.records);
const records: ZoneRecords = { origin: zone.origin, recordsAt: (key) => groups.get(key) ?? [] };
const resolver = createResolver({ mode: 'offline', servers: [], timeoutMs: 1000 }, () => [zone]);
const noLimits = { maxLookups: Number.POSITIVE_INFINITY, maxVoidLookups: Number.POSITIVE_INFINITY };

/** The one SPF record at a name, as the zone has it; undefined when not exactly one. */
function spfOf(domain: string) {
  const texts = (groups.get(`${domain}.`.toLowerCase()) ?? [])
    .filter((r) => r.type === 'TXT')
    .map((r) => (r.rdata.strings ?? []).map((s) => s.value).join(''))
    .filter((t) => /^v=spf1( |$)/i.test(t));
  return texts.length === 1 ? parseSpf(texts[0]) : undefined;
}

test('where the in-zone evaluation gives a verdict, check_host() on the same zone data gives the same', async () => {
  const differ: string[] = [];
  const decided = new Map<string, number>();
  for (const c of generated.cases) {
    const spf = spfOf(c.domain);
    if (!spf) continue;
    const ours = evaluateInZone(records, `${c.domain}.`.toLowerCase(), spf, ipaddr.parse(c.ip));
    if (ours === 'unknown') continue;
    const theirs = await checkHost(c.ip, c.domain, c.local ? `${c.local}@${c.domain}` : '', { resolver, helo: c.helo, ...noLimits });
    const why = theirs.trace.find((t) => t.event === 'error')?.why;
    if (theirs.result === 'permerror' && why?.code === 'too-many-mx') continue;
    decided.set(ours, (decided.get(ours) ?? 0) + 1);
    if (theirs.result !== ours) differ.push(`${c.ip} ${c.domain}: in-zone ${ours}, check_host ${theirs.result} (${JSON.stringify(why)})\n  ${spf.text}`);
  }
  assert.deepEqual(differ, [], `seed ${seed}:\n${differ.slice(0, 6).join('\n')}`);
  // The comparison means something only if the verdicts are of every kind, and many.
  for (const r of ['pass', 'fail', 'softfail', 'neutral']) assert.ok((decided.get(r) ?? 0) > 0, `no ${r} decided: ${JSON.stringify([...decided])}`);
  assert.ok([...decided.values()].reduce((a, b) => a + b, 0) > generated.cases.length / 10, `only ${JSON.stringify([...decided])} of ${generated.cases.length}`);
});

test('spf-ipv6-missing on the generated zone: each report names a mail server whose IPv4 address check_host() passes and whose IPv6 address it does not', async () => {
  const problems = analyzeSync(zone).filter((p) => p.code === 'spf-ipv6-missing');
  assert.ok(problems.length > 0 || seed !== 5604, 'the default seed makes one');
  for (const p of problems) {
    const { domain, address, v4, result } = p.args as Record<string, string>;
    assert.equal((await checkHost(v4, domain, `postmaster@${domain}`, { resolver, ...noLimits })).result, 'pass', `${domain} ${v4}`);
    assert.equal((await checkHost(address, domain, `postmaster@${domain}`, { resolver, ...noLimits })).result, result, `${domain} ${address}`);
  }
});

test('spf-stale-ip on the generated zone: each report names a mail server check_host() does not pass, and an address no host of the name has', async () => {
  const problems = analyzeSync(zone).filter((p) => p.code === 'spf-stale-ip');
  assert.ok(problems.length > 0 || seed !== 5604, 'the default seed makes some');
  for (const p of problems) {
    const { domain, address, result, term } = p.args as Record<string, string>;
    const theirs = await checkHost(address, domain, `postmaster@${domain}`, { resolver, ...noLimits });
    assert.equal(theirs.result, result, `${domain} ${address}`);
    assert.notEqual(theirs.result, 'pass');
    assert.match(String(term), /^\+?ip[46]:/);
  }
});
