/**
 * Diagnostic: spf-redundant-ip — RFC 7208 §5.6 with §4.6.2: an ip4/ip6 range inside
 * a range listed before it never matches (the earlier one decides first), so it
 * can go. Exact repeats are spf-duplicate-term's.
 */
import ipaddr from 'ipaddr.js';
import { isMechanism, type Mechanism } from '../ast';
import { SpfCodes } from '../codes';
import { problemAt, termData, type RecordRule } from './context';
import { mechanismKey } from './spf-duplicate-term';

interface Range {
  readonly term: Mechanism;
  readonly address: ipaddr.IPv4 | ipaddr.IPv6;
  readonly bits: number;
}

function rangeOf(m: Mechanism, valid: boolean): Range | undefined {
  if ((m.name !== 'ip4' && m.name !== 'ip6') || !m.network || !valid) return undefined;
  const bits = m.name === 'ip4' ? (m.cidr4?.bits ?? 32) : (m.cidr6?.bits ?? 128);
  try {
    const address = ipaddr.parse(m.network.text);
    return address.kind() === (m.name === 'ip4' ? 'ipv4' : 'ipv6') ? { term: m, address, bits } : undefined;
  } catch {
    return undefined;
  }
}

export const checkRedundantIp: RecordRule = (ctx) => {
  // One range of a family cannot be inside another: most records are done before any
  // address is parsed (a zone of a million records has tens of thousands of SPF records).
  let ip4 = 0;
  let ip6 = 0;
  for (const t of ctx.spf.terms) {
    if (!isMechanism(t)) continue;
    if (t.name === 'ip4') ip4++;
    else if (t.name === 'ip6') ip6++;
  }
  if (ip4 < 2 && ip6 < 2) return [];
  const text = ctx.spf.text;
  const broken = new Set(ctx.spf.errors.map((e) => e.term));
  const ranges = ctx.spf.terms.flatMap((t, i) => (isMechanism(t) ? (rangeOf(t, !broken.has(i)) ?? []) : []));
  return ranges.flatMap((r, i) => {
    const covering = ranges
      .slice(0, i)
      .find(
        (u) =>
          u.address.kind() === r.address.kind() &&
          u.bits <= r.bits &&
          r.address.match(u.address, u.bits) &&
          mechanismKey(u.term, text) !== mechanismKey(r.term, text),
      );
    if (!covering) return [];
    return [problemAt(ctx, SpfCodes.redundantIp, r.term, { term: r.term.text, covering: covering.term.text }, termData(ctx, r.term))];
  });
};
