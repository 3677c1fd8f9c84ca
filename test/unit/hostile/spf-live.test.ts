/**
 * The SPF lookup checks through the live resolver against real servers on 127.0.0.1
 * (issue 10): a socket that never answers, SERVFAIL / REFUSED / truncated answers,
 * and knotd behind a delaying relay serving records crafted to explode. Every check
 * ends within the resolver's deadline and reports nothing it did not see.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeAsync } from '../../../server/src/analysis';
import { createResolver } from '../../../server/src/dns/chain';
import { checkSpfLookups } from '../../../server/src/spf/check';
import { parseZoneText } from '../../../server/src/zone/index';
import {
  RCODE,
  startAuthoritativeServer,
  startDelayProxy,
  startRcodeServer,
  startSilentServer,
  type RunningServer,
  type UdpTestServer,
} from '../../helpers/dns-server';
import { badProblems } from '../../helpers/fuzz';
import { withinMsAsync } from './helpers';

const TIMEOUT_MS = 300;
/** The live resolver's per-lookup deadline (timeoutMs × tries + 500) plus scheduling slack. */
const BOUND_MS = TIMEOUT_MS + 500 + 2500;

/** A zone whose SPF, DMARC and MX records all lead outside it, within every limit. */
const OUTWARD = `$TTL 300
@ SOA ns h 1 3600 900 604800 60
@ NS ns
ns A 192.0.2.1
@ MX 10 mail.ext.test.
@ TXT "v=spf1 include:_spf.ext.test a:relay.ext.test mx:ext.test exists:%{i}.rbl.ext.test redirect=_r.ext.test"
_dmarc TXT "v=DMARC1; p=reject; rua=mailto:reports@ext.test"
`;

function liveResolver(server: string, zone: ReturnType<typeof parseZoneText>) {
  return createResolver({ mode: 'live', servers: [server], timeoutMs: TIMEOUT_MS, tries: 1 }, () => [zone]);
}

async function outwardThrough(server: UdpTestServer, what: string) {
  const zone = parseZoneText(OUTWARD, { origin: 'example.com.' });
  const resolver = liveResolver(server.address, zone);
  const spf = await withinMsAsync(BOUND_MS, `checkSpfLookups (${what})`, () => checkSpfLookups(zone, resolver));
  const all = await withinMsAsync(BOUND_MS, `analyzeAsync (${what})`, () => analyzeAsync(zone, { resolver }));
  assert.ok(server.received() > 0, 'the queries reached the test server');
  return { spf, all };
}

test('a server that never answers: the SPF checks end by the deadline and claim nothing', async () => {
  const silent = await startSilentServer();
  try {
    const { spf, all } = await outwardThrough(silent, 'silent');
    assert.deepEqual(spf, []);
    assert.deepEqual(all, []);
  } finally {
    await silent.close();
  }
});

for (const [name, rcode] of [['SERVFAIL', RCODE.SERVFAIL], ['REFUSED', RCODE.REFUSED]] as const) {
  test(`a server answering ${name}: no void lookups, no missing includes, in time`, async () => {
    const server = await startRcodeServer(rcode);
    try {
      const { spf, all } = await outwardThrough(server, name);
      assert.deepEqual(spf, []);
      assert.deepEqual(all, []);
    } finally {
      await server.close();
    }
  });
}

test('truncated answers with no TCP service: treated as failures, not as empty answers', async () => {
  const server = await startRcodeServer(0, { truncated: true });
  try {
    const { spf } = await outwardThrough(server, 'truncated');
    assert.deepEqual(spf, []);
  } finally {
    await server.close();
  }
});

test('a record with 300 a: terms at a silent server ends within one lookup deadline', async () => {
  const silent = await startSilentServer();
  try {
    const terms = Array.from({ length: 300 }, (_, i) => `a:h${i}.ext.test`).join(' ');
    const text = `$TTL 300\n@ SOA ns h 1 1 1 1 1\n@ NS ns\nns A 192.0.2.1\n@ TXT "v=spf1 ${terms} -all"\n`;
    const zone = parseZoneText(text, { origin: 'example.com.' });
    const problems = await withinMsAsync(BOUND_MS, '300 a: terms', () => checkSpfLookups(zone, liveResolver(silent.address, zone)));
    // Over the limit by what is written; nothing claimed about the names nobody answered for.
    assert.deepEqual(problems.map((p) => p.code), ['spf-lookup-limit']);
    assert.deepEqual(badProblems(text, problems), []);
  } finally {
    await silent.close();
  }
});

const EXT = `$ORIGIN ext.test.
$TTL 300
@ SOA ns h 1 3600 900 604800 60
@ NS ns
ns A 127.0.0.1
${Array.from({ length: 30 }, (_, i) => `c${i} TXT "v=spf1 include:c${i + 1}.ext.test -all"`).join('\n')}
c30 TXT "v=spf1 -all"
${Array.from({ length: 12 }, (_, i) => `f${i} TXT "v=spf1 ${Array.from({ length: 4 }, () => `include:f${i + 1}.ext.test`).join(' ')} -all"`).join('\n')}
f12 TXT "v=spf1 -all"
`;

let knot: RunningServer;
let relay: UdpTestServer;
before(async () => {
  knot = await startAuthoritativeServer([{ origin: 'ext.test', text: EXT }]);
  relay = await startDelayProxy(knot.address, 20);
});
after(async () => {
  await relay?.close();
  await knot?.stop();
});

test('include chains and fan-outs served by knotd behind a 20 ms relay: limit reported, in time', async () => {
  const text = `$TTL 300
@ SOA ns h 1 3600 900 604800 60
@ NS ns
ns A 192.0.2.1
chain TXT "v=spf1 include:c0.ext.test -all"
fan TXT "v=spf1 include:f0.ext.test -all"
`;
  const zone = parseZoneText(text, { origin: 'example.com.' });
  const resolver = createResolver({ mode: 'live', servers: [relay.address], timeoutMs: 1000, tries: 2 }, () => [zone]);
  const problems = await withinMsAsync(15000, 'crafted trees over live DNS', () => checkSpfLookups(zone, resolver));
  assert.deepEqual(badProblems(text, problems), []);
  assert.deepEqual(
    problems.map((p) => [p.code, text.slice(p.offset, p.offset + p.length)]),
    [
      ['spf-lookup-limit', 'include:c0.ext.test'],
      ['spf-lookup-limit', 'include:f0.ext.test'],
    ],
  );
});
