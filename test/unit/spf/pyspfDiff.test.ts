/**
 * Differential test of check_host() against pyspf (Debian python3-spf, the openspf
 * reference implementation), both asking the same knotd on 127.0.0.1: generated SPF
 * records (every mechanism but ptr, CIDR lengths, qualifiers, include and redirect
 * chains and loops, macros in exists and a, exp=, records over the lookup and void-lookup
 * limits, two SPF records, syntax errors, names without records) are evaluated for
 * addresses drawn from the zone's own and from elsewhere, and senders whose local parts
 * hold `+` and `=` (as VERP and SRS addresses do), and the results must be the same, and
 * the explanations of fails too.
 *
 * Where pyspf reads RFC 7208 otherwise, by design on our side:
 * - the void lookups of §4.6.4 are counted per term, so the address lookups of an mx term's
 *   exchanges (and of a ptr term's names), and the PTR lookup that expands %{p}, do not
 *   count when they come back empty. pyspf counts
 *   each of them (its maintainer's reading: github.com/sdgathman/pyspf issues 40 and 44)
 *   and gives permerror for an IPv6 client of `v=spf1 mx a:x …` whose exchanges have only
 *   A records. Here pyspf's mx and ptr lookups are made to count our way (pyspfResults),
 *   nothing else of it.
 * - an unknown modifier written twice is ignored (§6: "no matter where, or how often");
 *   pyspf refuses it. The generator writes none twice.
 * - a record that includes (or redirects to) itself is evaluated until the loop is met
 *   (a match before it decides); pyspf refuses it before evaluating any term. The generator
 *   writes no such term.
 * - a redirect counts toward the 10 lookups of §4.6.4 when it is followed; pyspf counts it
 *   when it reads the record, followed or not (ignored beside an `all`, §5.1, or not reached
 *   after a match). A permerror of pyspf's for that alone is told apart by our own count
 *   plus the redirects we read and did not follow, and not compared.
 * - the nibbles of an IPv6 %{i} are written in lower case, as §7.4's example; pyspf writes
 *   them in upper case. Explanations are compared without case.
 *
 * `PYSPF_DOMAINS` sets how many generated domains (with two addresses each; 200 unless
 * set), `PYSPF_SEED` the generator's seed.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { LiveResolver } from '../../../server/src/dns/live';
import { checkHost, spfIdentity } from '../../../server/src/spf/evaluate';
import { startAuthoritativeServer, type RunningServer } from '../../helpers/dns-server';
import { Rng } from '../../helpers/zonegen';

const APEX = 'spfdiff.test';
const PYTHON = '/usr/bin/python3';
const hasPyspf = spawnSync(PYTHON, ['-c', 'import spf, DNS'], { encoding: 'utf8' }).status === 0;

/** Addresses the zone's hosts have, so that a, mx, ip4 and ip6 terms match some of the time. */
const V4 = ['192.0.2.1', '192.0.2.77', '198.51.100.5', '198.51.100.200', '203.0.113.9'];
const V6 = ['2001:db8::1', '2001:db8::77', '2001:db8:1::5', '2001:db8:ff::9'];
/** Addresses no host has, in and out of the ranges above. */
const STRANGERS = ['192.0.2.250', '198.51.101.7', '10.1.2.3', '2001:db8::abcd', '2001:db9::1'];

interface Generated {
  readonly zone: string;
  /** The reverse zones (in-addr.arpa and ip6.arpa whole, so every PTR query has an answer). */
  readonly reverse: string;
  /** Domains with a record to evaluate, and the addresses to try each with. */
  readonly cases: { readonly domain: string; readonly ip: string; readonly local: string; readonly helo: string }[];
}

/** The name of an address's PTR records, below in-addr.arpa or ip6.arpa (RFC 1035 §3.5, RFC 3596 §2.5). */
function reverseName(ip: string): string {
  if (ip.includes('.')) return `${ip.split('.').reverse().join('.')}.in-addr.arpa.`;
  const [head, tail] = ip.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const h = groups(head);
  const t = groups(tail);
  const all = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  const nibbles = all.map((g) => g.padStart(4, '0')).join('');
  return `${[...nibbles].reverse().join('.')}.ip6.arpa.`;
}

function generate(seed: number, domains: number): Generated {
  const rng = new Rng(seed);
  const name = (i: number) => `d${i}`;
  const lines = [
    `$ORIGIN ${APEX}.`,
    '$TTL 300',
    '@ SOA ns hostmaster 1 3600 900 604800 60',
    '@ NS ns',
    'ns A 127.0.0.1',
  ];
  // Hosts: names with addresses (some with both families, some with none at all).
  const hosts: string[] = [];
  const owners = new Map<string, string[]>();
  const address = (h: string, type: 'A' | 'AAAA', ip: string) => {
    lines.push(`${h} ${type} ${ip}`);
    owners.set(ip, [...(owners.get(ip) ?? []), h]);
  };
  for (let i = 0; i < 12; i++) {
    const h = `h${i}`;
    hosts.push(h);
    if (rng.chance(0.8)) for (let k = rng.int(1, 2); k > 0; k--) address(h, 'A', rng.pick(V4));
    if (rng.chance(0.5)) address(h, 'AAAA', rng.pick(V6));
    if (rng.chance(0.15)) lines.push(`${h} TXT "not spf"`);
  }
  // PTR records for most addresses: to a host that has it (validated), to another host or
  // a domain (not validated), several, or none; and the ptr mechanism and %{p} macro below read them.
  const reverse = [`$TTL 300`, `@ SOA ns.${APEX}. hostmaster.${APEX}. 1 3600 900 604800 60`, `@ NS ns.${APEX}.`];
  for (const ip of [...V4, ...V6, ...STRANGERS]) {
    const own = owners.get(ip) ?? [];
    for (let k = rng.pick([0, 1, 1, 1, 2]); k > 0; k--) {
      const r = rng.next();
      const host = r < 0.6 && own.length > 0 ? rng.pick(own) : r < 0.85 ? rng.pick(hosts) : name(rng.int(0, domains - 1));
      reverse.push(`${reverseName(ip)} PTR ${host}.${APEX}.`);
    }
  }
  // Names that exist for `exists:` and for macro-built names (the local part `ok`, an address).
  lines.push(
    'ok.allow A 127.0.0.2',
    '1.2.0.192.rbl A 127.0.0.2',
    '77.2.0.192.rbl A 127.0.0.2',
    '9.113.0.203.in-addr.rbl A 127.0.0.2',
    'b.allow A 127.0.0.2',
    'b\\+tag\\=1.allow A 127.0.0.2',
  );
  const target = (): string => {
    const r = rng.next();
    if (r < 0.6) return `${name(rng.int(0, domains - 1))}.${APEX}`;
    if (r < 0.9) return `${rng.pick(hosts)}.${APEX}`;
    return `missing${rng.int(0, 3)}.${APEX}`;
  };
  // pyspf refuses a record that includes (or redirects to) itself before evaluating any term;
  // RFC 7208 finds the loop when evaluation reaches it (§4.6.4), and a match before it decides.
  let current = '';
  const elsewhere = (): string => {
    for (;;) {
      const t = target();
      if (t !== `${current}.${APEX}`) return t;
    }
  };
  const cidr4 = () => (rng.chance(0.3) ? `/${rng.pick([0, 8, 16, 24, 25, 31, 32])}` : '');
  const cidr6 = () => (rng.chance(0.3) ? `//${rng.pick([0, 32, 48, 64, 127, 128])}` : '');
  const qualifier = () => (rng.chance(0.6) ? '' : rng.pick(['+', '-', '~', '?']));
  const term = (i: number): string => {
    const q = qualifier();
    switch (rng.int(0, 11)) {
      case 0:
        return `${q}ip4:${rng.pick([...V4, ...STRANGERS.slice(0, 3)])}${cidr4()}`;
      case 1:
        return `${q}ip6:${rng.pick([...V6, ...STRANGERS.slice(3)])}${rng.chance(0.3) ? `/${rng.pick([0, 32, 64, 128])}` : ''}`;
      case 2:
        return `${q}a${rng.chance(0.5) ? `:${target()}` : ''}${cidr4()}${cidr6()}`;
      case 3:
        return `${q}mx${rng.chance(0.5) ? `:${name(rng.int(0, domains - 1))}.${APEX}` : ''}${cidr4()}${cidr6()}`;
      case 4:
      case 5:
        return `${q}include:${elsewhere()}`;
      case 6:
        return `${q}exists:${rng.pick([
          `%{l}.allow.${APEX}`,
          `%{ir}.rbl.${APEX}`,
          `${rng.pick(hosts)}.${APEX}`,
          `%{d1}.${APEX}`,
          `%{l1r-}.allow.${APEX}`,
          `%{ir}.%{v}.rbl.${APEX}`,
          `%{o}`,
          `%{h}.${APEX}`,
          `%{s}.${APEX}`,
          `%{d2}`,
          `%{i}._spf.%{d}`,
          `%{L}.allow.${APEX}`,
        ])}`;
      case 7:
      case 11:
        return rng.pick([`${q}a:%{d}`, `${q}ptr`, `${q}ptr:${APEX}`, `${q}ptr:${APEX}`, `${q}ptr:${rng.pick(hosts)}.${APEX}`, `${q}exists:%{p}`, `${q}exists:%{p}.%{d}`]);
      case 8:
        // Written wrong: receivers give permerror.
        return rng.pick(['ip4:192.0.2.300', 'ip4:192.0.2.1/33', 'foo:bar', 'a:', `include:${APEX}:x`, 'ip6:2001:db8::1/129', 'mx//129']);
      case 9:
        return rng.pick(['foo=bar', `exp=exp.${APEX}`, 'x-unknown=%{d}']);
      default:
        return i > 2 ? `${q}all` : `${q}ip4:${rng.pick(V4)}`;
    }
  };
  const cases: Generated['cases'][number][] = [];
  for (let i = 0; i < domains; i++) {
    const d = name(i);
    current = d;
    const r = rng.next();
    // A few domains have MX records (to hosts) for mx terms; some have addresses themselves.
    if (rng.chance(0.4)) for (let k = rng.int(1, 3); k > 0; k--) lines.push(`${d} MX ${rng.int(0, 20)} ${rng.pick(hosts)}`);
    if (rng.chance(0.03)) for (let k = 0; k < 11; k++) lines.push(`${d} MX ${k} m${k}.${APEX}.`);
    if (rng.chance(0.3)) lines.push(`${d} A ${rng.pick(V4)}`);
    if (r < 0.06) {
      // No SPF record at all (include of it: permerror; a check of it: none).
      if (rng.chance(0.5)) lines.push(`${d} TXT "v=spf10 not mine"`);
    } else {
      const terms: string[] = [];
      for (let k = rng.int(1, 7); k > 0; k--) {
        const t = term(terms.length);
        // pyspf gives permerror for an unknown modifier written twice, which RFC 7208 §6 says
        // to ignore "no matter where, or how often" (ours does): each is written once here.
        if (!(t.includes('=') && terms.includes(t))) terms.push(t);
      }
      // Most records end with `all` (and then a redirect is ignored, RFC 7208 §6.1).
      if (rng.chance(0.6)) terms.push(`${rng.pick(['-', '~', '?', ''])}all`);
      if (rng.chance(0.15)) terms.push(`redirect=${elsewhere()}`);
      if (rng.chance(0.3) && !terms.some((t) => t.startsWith('exp='))) terms.push(`exp=${rng.pick(['exp', 'exp', 'noexp', 'd0'])}.${APEX}`);
      const text = `v=spf1 ${terms.join(' ')}`;
      lines.push(`${d} TXT "${text}"`);
      if (rng.chance(0.04)) lines.push(`${d} TXT "v=spf1 -all"`);
    }
    for (let k = 0; k < 2; k++) {
      const ip = rng.chance(0.6) ? rng.pick(rng.chance(0.7) ? V4 : V6) : rng.pick(STRANGERS);
      // Now and then a null sender: the HELO name is checked (RFC 7208 §2.3), here the domain.
      const helo = rng.chance(0.1);
      cases.push({
        domain: `${d}.${APEX}`,
        ip,
        local: helo ? '' : rng.pick(['ok', 'user', 'a.b', 'b+tag=1', 'x-b+tag=1']),
        helo: helo ? `${d}.${APEX}` : 'mta.example.org',
      });
    }
  }
  lines.push(`exp TXT "%{i} may not send for %{d}"`);
  return { zone: lines.join('\n') + '\n', reverse: reverse.join('\n') + '\n', cases };
}

/** pyspf's result and its explanation for each case, from one Python process asking the server at `port`. */
function pyspfResults(port: number, cases: Generated['cases']): [string, string][] {
  const script = [
    'import json, sys, DNS, spf',
    // pydns, whose server and port can be set, even where dnspython (which pyspf prefers) is installed.
    'spf.DNS = DNS',
    'spf.DNSLookup = spf.DNSLookup_pydns',
    `DNS.defaults['server'] = ['127.0.0.1']`,
    `DNS.defaults['port'] = ${port}`,
    // RFC 7208 §4.6.4 limits the "terms" whose queries come back void; pyspf counts every
    // void query, the address lookups of an mx term's exchanges too (its maintainer's reading:
    // github.com/sdgathman/pyspf issues 40 and 44). We count the term's own query: here
    // pyspf's mx lookups are made to count the same way, and nothing else is changed.
    'def dns_mx(self, domainname):',
    "    mxnames = self.dns(domainname, 'MX')",
    '    if len(mxnames) > spf.MAX_MX:',
    "        raise spf.PermError('More than %d MX records returned' % spf.MAX_MX)",
    '    mxnames.sort()',
    '    return [a for mx in mxnames for a in (self.dns(mx[1], self.A, ignore_void=True) if mx[1] else [])]',
    'spf.query.dns_mx = dns_mx',
    // The same for the address lookups of the PTR names (ptr mechanism and %{p} macro), and
    // for the PTR lookup itself when it only expands %{p} (the term's query is the name made).
    'def validated_ptrs(self, count=True):',
    "    names = self.dns('%s.%s.arpa' % (spf.reverse_dots(self.i), self.v), 'PTR', ignore_void=not count)",
    '    return [p for p in names[:spf.MAX_PTR] if self.cidrmatch(self.dns(p, self.A, ignore_void=True), self.cidrmax)]',
    'spf.query.validated_ptrs = validated_ptrs',
    'getp = spf.query.getp',
    'def uncounted_getp(self):',
    '    self.validated_ptrs = lambda: validated_ptrs(self, False)',
    '    try:',
    '        return getp(self)',
    '    finally:',
    '        del self.validated_ptrs',
    'spf.query.getp = uncounted_getp',
    'out = []',
    'for c in json.load(sys.stdin):',
    "    s = c['local'] + '@' + c['domain'] if c['local'] else ''",
    "    r = spf.query(i=c['ip'], s=s, h=c['helo'], timeout=5).check()",
    '    out.append([r[0], r[2]])',
    'print(json.dumps(out))',
  ].join('\n');
  const run = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(run.status, 0, `pyspf failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as [string, string][];
}

let server: RunningServer | undefined;
const seed = Number(process.env.PYSPF_SEED ?? 7208);
const domains = Number(process.env.PYSPF_DOMAINS ?? 200);
const generated = generate(seed, domains);
// PYSPF_ZONE=FILE writes the generated zone there, to look into a difference.
if (process.env.PYSPF_ZONE) writeFileSync(process.env.PYSPF_ZONE, generated.zone + generated.reverse);

before(async () => {
  server = await startAuthoritativeServer([
    // The root too, so that a name outside the others (`%{p}` is `unknown` when no PTR name
    // validates) is NXDOMAIN, as a recursive resolver answers, not REFUSED.
    { origin: '.', text: `$ORIGIN .\n$TTL 300\n@ SOA ns.${APEX}. hostmaster.${APEX}. 1 3600 900 604800 60\n@ NS ns.${APEX}.\n` },
    { origin: APEX, text: generated.zone },
    { origin: 'in-addr.arpa', text: `$ORIGIN in-addr.arpa.\n${generated.reverse}` },
    { origin: 'ip6.arpa', text: `$ORIGIN ip6.arpa.\n${generated.reverse}` },
  ]);
});
after(async () => {
  await server?.stop();
});

test('check_host() gives the results pyspf gives, on generated records served by knotd', async () => {
  assert.ok(hasPyspf, `pyspf is needed: apt-get install -y python3-spf (${PYTHON} must import spf and DNS)`);
  const running = server as RunningServer;
  const theirs = pyspfResults(running.port, generated.cases);
  const resolver = new LiveResolver({ servers: [running.address], timeoutMs: 2000, tries: 2 });
  const differ: string[] = [];
  const seen = new Set<string>();
  let explained = 0;
  let byPtr = 0;
  for (let i = 0; i < generated.cases.length; i++) {
    const c = generated.cases[i];
    const { sender, domain } = spfIdentity(c.local ? `${c.local}@${c.domain}` : '', c.helo);
    const ours = await checkHost(c.ip, domain, sender, { resolver, helo: c.helo });
    const [result, why] = theirs[i];
    // pyspf counts a redirect toward the 10 lookups when it reads the record, followed or not
    // (an `all` in the record, or a match before, leaves it unread: RFC 7208 §5.1, §6.1).
    const unfollowed =
      ours.trace.filter((t) => t.event === 'record' && /(^|\s)redirect=/i.test(t.detail ?? '')).length -
      ours.trace.filter((t) => t.event === 'redirect').length;
    const earlyRedirects = result === 'permerror' && why.includes('Too many DNS lookups') && ours.lookups <= 10 && ours.lookups + unfollowed > 10;
    const who = `${c.ip} ${c.local}@${c.domain}`;
    if (earlyRedirects) continue;
    if (ours.result !== result) differ.push(`${who}: ours ${ours.result}, pyspf ${result} (${why})`);
    // A fail with an exp= that expands: the same explanation (pyspf gives its own default when
    // there is none). Compared without case: pyspf writes the nibbles of an IPv6 %{i} in upper
    // case, RFC 7208 §7.4's example (and ours) in lower case (the openspf suite accepts either).
    else if (ours.explanation !== null && ours.explanation.toLowerCase() !== why.toLowerCase()) {
      differ.push(`${who}: explanation ours "${ours.explanation}", pyspf "${why}"`);
    }
    if (ours.explanation !== null) explained++;
    if (/^[-+~?]?ptr/.test(ours.decidedBy?.term ?? '')) byPtr++;
    seen.add(ours.result);
  }
  const records = (d: string) => generated.zone.split('\n').filter((l) => l.startsWith(`${d.split('.')[0]} `)).join('\n');
  assert.deepEqual(differ, [], `seed ${seed}:\n${differ.slice(0, 5).map((d) => `${d}\n${records(d.split('@')[1].split(':')[0])}`).join('\n')}`);
  // The comparison means something only if the cases reach the results that matter.
  for (const r of ['pass', 'fail', 'permerror', 'neutral']) assert.ok(seen.has(r), `no case gave ${r}: ${[...seen].join(', ')}`);
  assert.ok(explained > 0, 'no fail came with an explanation');
  assert.ok(byPtr > 0, 'no ptr term decided a case');
});
