/**
 * SPF lookup tree with live DNS: zonelint's LiveResolver in parallel with its cache,
 * the same resolver made sequential (concurrency 1, no cache), and pyspf (Debian
 * python3-spf) evaluating the same record, all against knotd on 127.0.0.1 behind a
 * relay that delays each answer like a network round trip.
 * Bundled and run by bench/run.mjs; prints one JSON line.
 */
import { spawnSync } from 'node:child_process';
import { LiveResolver } from '../server/src/dns/live';
import { lookupTree, walkTree } from '../server/src/spf/lookups';
import { parseSpf } from '../server/src/spf/parser';
import { startAuthoritativeServer, startDelayProxy } from '../test/helpers/dns-server';

const delayMs = Number(process.env.BENCH_DNS_DELAY_MS ?? 20);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const apex = 'spf.bench.test';

/**
 * Ten DNS-querying terms in all (so pyspf follows every one before its limit), three
 * levels deep, with one provider included from two branches (the cache's case).
 */
const RECORDS: Record<string, string> = {
  '@': 'v=spf1 include:a include:b include:c mx -all',
  a: 'v=spf1 include:shared a:host -all',
  b: 'v=spf1 include:b1 -all',
  b1: 'v=spf1 ip4:198.51.100.0/24 -all',
  c: 'v=spf1 include:shared -all',
  shared: 'v=spf1 include:deep ip4:203.0.113.0/24 -all',
  deep: 'v=spf1 ip6:2001:db8::/32 -all',
};
const ROOT = RECORDS['@'];

function zoneText(): string {
  const lines = [
    `$ORIGIN ${apex}.`,
    '$TTL 300',
    `@ SOA ns1 hostmaster 1 7200 3600 1209600 300`,
    '@ NS ns1',
    'ns1 A 127.0.0.1',
    '@ MX 10 mx1',
    '@ MX 20 mx2',
    'mx1 A 192.0.2.10',
    'mx2 A 192.0.2.11',
    'host A 192.0.2.20',
  ];
  for (const [owner, text] of Object.entries(RECORDS)) lines.push(`${owner} TXT "${absolute(text)}"`);
  return lines.join('\n') + '\n';
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function ours(server: string, concurrency: number, cache: boolean): Promise<{ ms: number; nodes: number }> {
  const resolver = new LiveResolver({ servers: [server], concurrency, maxCacheEntries: cache ? 2000 : 0, timeoutMs: 2000 });
  const spf = parseSpf(absolute(ROOT));
  const t = performance.now();
  const tree = await lookupTree(spf, apex + '.', resolver);
  const ms = performance.now() - t;
  return { ms, nodes: walkTree(tree).length };
}

/** Targets written relative to the apex, made absolute. */
function absolute(text: string): string {
  return text.replace(/(include|a):([a-z0-9]+)/g, `$1:$2.${apex}`);
}

/**
 * pyspf's check2 for an address no term matches, so it walks the whole tree. It asks
 * knotd directly, each query held back `delayMs` in Python (pydns does not take
 * answers relayed by the delay proxy), which is the same round trip per query.
 */
function pyspf(port: number): number | undefined {
  const script = [
    'import time, DNS, spf',
    // pydns, whose server and port can be set, even where dnspython (which pyspf prefers) is installed.
    'spf.DNS = DNS',
    'spf.DNSLookup = spf.DNSLookup_pydns',
    `DNS.defaults['server'] = ['127.0.0.1']`,
    `DNS.defaults['port'] = ${port}`,
    'direct = spf.DNSLookup',
    `def delayed(*args, **kwargs):`,
    `    time.sleep(${delayMs / 1000})`,
    '    return direct(*args, **kwargs)',
    'spf.DNSLookup = delayed',
    't = time.perf_counter()',
    `r = spf.check2(i='192.0.2.99', s='user@${apex}', h='mta.example')`,
    'print((time.perf_counter() - t) * 1000, r[0])',
  ].join('\n');
  const r = spawnSync('/usr/bin/python3', ['-c', script], { encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(`pyspf: ${r.stderr.trim().split('\n').pop()}\n`);
    return undefined;
  }
  const [ms, result] = r.stdout.trim().split(' ');
  if (result !== 'fail') process.stderr.write(`pyspf: ${r.stdout.trim()}\n`);
  return result === 'fail' ? Number(ms) : undefined;
}

async function main(): Promise<void> {
  const knot = await startAuthoritativeServer([{ origin: apex, text: zoneText() }]);
  const proxy = await startDelayProxy(knot.address, delayMs);
  try {
    const parallel: number[] = [];
    const sequential: number[] = [];
    const python: number[] = [];
    let nodes = 0;
    for (let i = 0; i < runs; i++) {
      const p = await ours(proxy.address, 16, true);
      nodes = p.nodes;
      parallel.push(p.ms);
      sequential.push((await ours(proxy.address, 1, false)).ms);
      const py = pyspf(knot.port);
      if (py !== undefined) python.push(py);
    }
    console.log(
      JSON.stringify({
        delayMs,
        nodes,
        parallelMs: median(parallel),
        sequentialMs: median(sequential),
        pyspfMs: python.length ? median(python) : null,
      }),
    );
  } finally {
    await proxy.close();
    await knot.stop();
  }
}

main().catch((e: unknown) => {
  console.log(JSON.stringify({ error: String((e as Error)?.message ?? e) }));
});
