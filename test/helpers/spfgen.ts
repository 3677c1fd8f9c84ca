/**
 * Generated SPF records for the differential tests (test/unit/spf/pyspfDiff.test.ts,
 * lookupCount.test.ts): a zone of domains with SPF records of every mechanism, hosts with
 * addresses, MX and PTR records, and cases (an address and a sender) to evaluate each with,
 * served by knotd on 127.0.0.1 with in-addr.arpa, ip6.arpa and the root.
 */
import { Rng } from './zonegen';
import { startAuthoritativeServer, type RunningServer } from './dns-server';

export const APEX = 'spfdiff.test';

/** Addresses the zone's hosts have, so that a, mx, ip4 and ip6 terms match some of the time. */
const V4 = ['192.0.2.1', '192.0.2.77', '198.51.100.5', '198.51.100.200', '203.0.113.9'];
const V6 = ['2001:db8::1', '2001:db8::77', '2001:db8:1::5', '2001:db8:ff::9'];
/** Addresses no host has, in and out of the ranges above. */
const STRANGERS = ['192.0.2.250', '198.51.101.7', '10.1.2.3', '2001:db8::abcd', '2001:db9::1'];

export interface Generated {
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

export function generate(seed: number, domains: number): Generated {
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
        // Written wrong, or oddly but right: macro syntax, CIDR forms, names of modifiers.
        return rng.pick([
          'ip4:192.0.2.300',
          'ip4:192.0.2.1/33',
          'foo:bar',
          'a:',
          `include:${APEX}:x`,
          'ip6:2001:db8::1/129',
          'mx//129',
          'ip4:192.0.2.1/',
          'a//',
          'mx:/24',
          'ip4:192.0.2.01',
          'ip4:192.0.2',
          'ip6:2001:db8::1//64',
          'ip4:192.0.2.1/024',
          `a:%{x}.${APEX}`,
          `a:%{d1r}.${APEX}`,
          `exists:%{l.-+,/_=}.allow.${APEX}`,
          `exists:%%.${APEX}`,
          `exists:%_%-%%.${APEX}`,
          `exists:%{i`,
          `exists:%{i}`,
          `a:${APEX}.`,
          '1foo=bar',
          '-foo=bar',
          'foo.bar=x',
          'redirect=',
          'exp=',
          `+include:${APEX}`,
          '?',
          '~a:..',
          `a:-${APEX}`,
          `exists:${'x'.repeat(64)}.${APEX}`,
        ]);
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
      // The version as written: the word is case-insensitive (RFC 7208 §4.5), blanks between terms are one or more spaces.
      const text = `${rng.chance(0.05) ? rng.pick(['V=SPF1', 'v=Spf1']) : 'v=spf1'} ${terms.join(rng.chance(0.1) ? '  ' : ' ')}${rng.chance(0.05) ? ' ' : ''}`;
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

/** knotd serving a generated zone, its reverse zones and the root (a name outside them is NXDOMAIN, as a recursive resolver answers, not REFUSED). */
export function serveGenerated(generated: Generated): Promise<RunningServer> {
  return startAuthoritativeServer([
    { origin: '.', text: `$ORIGIN .\n$TTL 300\n@ SOA ns.${APEX}. hostmaster.${APEX}. 1 3600 900 604800 60\n@ NS ns.${APEX}.\n` },
    { origin: APEX, text: generated.zone },
    { origin: 'in-addr.arpa', text: `$ORIGIN in-addr.arpa.\n${generated.reverse}` },
    { origin: 'ip6.arpa', text: `$ORIGIN ip6.arpa.\n${generated.reverse}` },
  ]);
}
