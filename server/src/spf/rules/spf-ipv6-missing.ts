/**
 * Diagnostic: spf-ipv6-missing — RFC 7208 §5.6 (ip4/ip6) with §2.4: a receiver checks the
 * address the mail came from, of either family. A mail server of the name (an MX host
 * inside the zone) has IPv4 and IPv6 addresses; the record authorises its IPv4 address and
 * writes no ip6: term at all, and its IPv6 address gets no pass. Mail servers send over IPv6
 * whenever the receiver takes mail there (Gmail and Outlook.com do): that mail gets
 * softfail or fail, lands in spam or bounces, while the same mail over IPv4 passes. The
 * verdicts come from the zone's own records (spf/zoneEval.ts): a record that depends on
 * anything outside the zone is left alone. Reported once per record, on the version; the
 * quick-fix adds the address as an ip6: term before `all`.
 */
import type { Problem } from '../../diagnostics/types';
import { isSubdomain, nameKey } from '../../zone/names';
import { isMechanism } from '../ast';
import { SpfCodes } from '../codes';
import { evaluateInZone, zoneAddresses } from '../zoneEval';
import { isNullMx } from './nullMx';
import { problemAt, type OwnerRule } from './context';

const MX = 15;

export const checkIpv6Missing: OwnerRule = (owner) => {
  if (owner.txtSpf.length !== 1) return [];
  const ctx = owner.txtSpf[0];
  const spf = ctx.spf;
  // The cheap tests first: a record with an ip6: term, or with errors, is not this rule's.
  if (spf.errors.length > 0 || spf.terms.some((t) => isMechanism(t) && t.name === 'ip6')) return [];
  const hosts: string[] = [];
  for (const rr of owner.rrs) if (rr.typeCode === MX && !isNullMx(rr) && typeof rr.rdata.fields.exchange === 'string') hosts.push(rr.rdata.fields.exchange);
  if (hosts.length === 0 || !isSubdomain(ctx.rr.owner, owner.origin)) return [];
  const key = nameKey(ctx.rr.owner);
  for (const host of hosts) {
    const v6 = zoneAddresses(owner.zone, nameKey(host), 'ipv6');
    if (v6 === undefined || v6.length === 0) continue;
    const v4 = (zoneAddresses(owner.zone, nameKey(host), 'ipv4') ?? []).find((a) => evaluateInZone(owner.zone, key, spf, a) === 'pass');
    if (v4 === undefined) continue;
    for (const address of v6) {
      const result = evaluateInZone(owner.zone, key, spf, address);
      if (result === 'pass' || result === 'unknown') continue;
      const args = { domain: owner.owner, host: host.replace(/\.$/, ''), address: address.toString(), v4: v4.toString(), result };
      const insert = `ip6:${address.toString()}`;
      const problem: Problem = problemAt(ctx, SpfCodes.ipv6Missing, spf.version, args, { insert });
      return [problem];
    }
  }
  return [];
};
