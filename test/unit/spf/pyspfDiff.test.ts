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
 * - `%{d0}`: "If a DIGIT is specified, the value MUST be nonzero" (§7.3); we take the
 *   record for broken (permerror), pyspf uses every label. Not generated.
 * - the nibbles of an IPv6 %{i} are written in lower case, as §7.4's example; pyspf writes
 *   them in upper case. Explanations are compared without case.
 *
 * `PYSPF_DOMAINS` sets how many generated domains (with two addresses each; 200 unless
 * set), `PYSPF_SEED` the generator's seed.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { LiveResolver } from '../../../server/src/dns/live';
import { checkHost, spfIdentity } from '../../../server/src/spf/evaluate';
import type { RunningServer } from '../../helpers/dns-server';
import { hasModules, PYTHON, pythonJson } from '../../helpers/python';
import { type Generated, generate, serveGenerated } from '../../helpers/spfgen';

const hasPyspf = hasModules('spf', 'DNS');

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
  ];
  return pythonJson<[string, string][]>('pyspf', script, cases);
}

let server: RunningServer | undefined;
const seed = Number(process.env.PYSPF_SEED ?? 7208);
const domains = Number(process.env.PYSPF_DOMAINS ?? 200);
const generated = generate(seed, domains);
// PYSPF_ZONE=FILE writes the generated zone there, to look into a difference.
if (process.env.PYSPF_ZONE) writeFileSync(process.env.PYSPF_ZONE, generated.zone + generated.reverse);

before(async () => {
  server = await serveGenerated(generated);
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
