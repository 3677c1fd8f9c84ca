/**
 * check_host() and `zonelint spf --dns-server` over a real authoritative server
 * (knotd on 127.0.0.1), compared with the same zones served as zone data; and a
 * server that never answers, which must end in temperror within the deadline.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { LiveResolver } from '../../../server/src/dns/live';
import { ZoneDataResolver } from '../../../server/src/dns/zoneData';
import { parseZoneText } from '../../../server/src/zone/index';
import { checkHost } from '../../../server/src/spf/evaluate';
import { spfCommand } from '../../../cli/src/spf';
import { startAuthoritativeServer, startSilentServer, type RunningServer, type ZoneFile } from '../../helpers/dns-server';

const ZONES: ZoneFile[] = [
  {
    origin: 'spf.test',
    text: `$ORIGIN spf.test.
$TTL 300
@ SOA ns hostmaster 1 3600 900 604800 60
@ NS ns
ns A 127.0.0.1
@ MX 10 mx
mx A 192.0.2.25
mx AAAA 2001:db8::25
@ TXT "v=spf1 mx include:_inc.spf.test exists:%{ir}._allow.spf.test ptr:spf.test -all exp=_exp.spf.test"
_inc TXT "v=spf1 ip4:198.51.100.0/24 a:host.spf.test ~all"
host A 203.0.113.10
7.113.0.203._allow A 127.0.0.2
_exp TXT "%{i} is not allowed to send as %{d}"
redir TXT "v=spf1 redirect=spf.test"
loop TXT "v=spf1 include:loop.spf.test"
voids TXT "v=spf1 a:n1.spf.test a:n2.spf.test a:n3.spf.test -all"
two TXT "v=spf1 -all"
two TXT "v=spf1 +all"
`,
  },
  {
    origin: '2.0.192.in-addr.arpa',
    text: `$ORIGIN 2.0.192.in-addr.arpa.
$TTL 300
@ SOA ns.spf.test. hostmaster.spf.test. 1 3600 900 604800 60
@ NS ns.spf.test.
40 PTR ptrhost.spf.test.
`,
  },
];

let server: RunningServer;
let live: LiveResolver;

before(async () => {
  server = await startAuthoritativeServer(ZONES);
  live = new LiveResolver({ servers: [server.address], timeoutMs: 500, tries: 2 });
});
after(async () => {
  await server?.stop();
});

const zoneData = new ZoneDataResolver(ZONES.map((z) => parseZoneText(z.text, { origin: z.origin + '.' })));

const CASES: [ip: string, domain: string][] = [
  ['192.0.2.25', 'spf.test'],
  ['2001:db8::25', 'spf.test'],
  ['198.51.100.9', 'spf.test'],
  ['203.0.113.10', 'spf.test'],
  ['203.0.113.7', 'spf.test'],
  ['203.0.113.8', 'spf.test'],
  ['192.0.2.40', 'spf.test'],
  ['198.51.100.9', 'redir.spf.test'],
  ['192.0.2.1', 'loop.spf.test'],
  ['192.0.2.1', 'voids.spf.test'],
  ['192.0.2.1', 'two.spf.test'],
  ['192.0.2.1', 'nothing.spf.test'],
];

test('live DNS and zone data give the same results, explanations and counts', async () => {
  const expected = ['pass', 'pass', 'pass', 'pass', 'pass', 'fail', 'fail', 'pass', 'permerror', 'permerror', 'permerror', 'none'];
  const got: string[] = [];
  for (const [ip, domain] of CASES) {
    const viaLive = await checkHost(ip, domain, `user@${domain}`, { resolver: live });
    const viaZone = await checkHost(ip, domain, `user@${domain}`, { resolver: zoneData });
    assert.deepEqual(
      [viaLive.result, viaLive.explanation, viaLive.lookups, viaLive.voidLookups],
      [viaZone.result, viaZone.explanation, viaZone.lookups, viaZone.voidLookups],
      `${ip} ${domain}`,
    );
    got.push(viaLive.result);
  }
  assert.deepEqual(got, expected);
});

test('zonelint spf --dns-server queries that server', async () => {
  let stdout = '';
  const code = await spfCommand(
    ['--ip', '203.0.113.8', '--sender', 'bob@spf.test', '--dns-server', server.address, '--format', 'json'],
    { stdout: (s) => (stdout += s), stderr: () => undefined },
  );
  assert.equal(code, 0);
  const out = JSON.parse(stdout);
  assert.deepEqual([out.result, out.explanation], ['fail', '203.0.113.8 is not allowed to send as spf.test']);
});

test('a server that never answers gives temperror, in time', async () => {
  const silent = await startSilentServer();
  try {
    const resolver = new LiveResolver({ servers: [silent.address], timeoutMs: 300, tries: 1 });
    const started = Date.now();
    const r = await checkHost('192.0.2.1', 'spf.test', 'a@spf.test', { resolver });
    assert.equal(r.result, 'temperror');
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
    assert.ok(silent.received() > 0, 'the query reached the silent server');
  } finally {
    await silent.close();
  }
});
