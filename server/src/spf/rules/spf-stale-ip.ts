/**
 * Diagnostic: spf-stale-ip — RFC 7208 §5.6 (ip4/ip6) with §5.4 (mx): the record of a name
 * lists a single address (no range: a server's) that is none of the addresses the zone
 * gives the name and its mail servers, while a mail server of the name (an MX host inside the zone, with its addresses
 * here) is not authorised by the record. That is what a server move leaves behind when the
 * A records were changed and the SPF record was not: the mail the new server sends gets
 * softfail or fail, and lands in spam or bounces (Gmail's 550 5.7.26). Both signs are
 * needed: an address of another sender (a newsletter service, an office) is common, and so
 * is an MX host that only receives. The evaluation reads the zone only (spf/zoneEval.ts): a
 * record whose verdict for the host depends on anything outside the zone (an include of a
 * provider, a macro) is left alone. Reported once per record and address family, on the
 * first listed address of the family that matches none of the name's; the quick-fix puts
 * the host's address in its place, or adds it beside.
 */
import type { Problem } from '../../diagnostics/types';
import type { ResourceRecord } from '../../zone/ast';
import { isSubdomain, nameKey } from '../../zone/names';
import { isMechanism, type Mechanism, type Term } from '../ast';
import { SpfCodes } from '../codes';
import { type Address, evaluateInZone, recordAddress, zoneAddresses } from '../zoneEval';
import ipaddr from 'ipaddr.js';
import { isNullMx } from './nullMx';
import { problemAt, termData, type OwnerRule } from './context';

const A = 1;
const MX = 15;
const AAAA = 28;

interface Range {
  readonly term: Mechanism;
  readonly network: Address;
  readonly bits: number;
}

/**
 * The single addresses the record authorises (`ip4:` and `ip6:` with `+`, written or not,
 * and no prefix but /32 or /128) that an evaluation can reach (none after `all`): a server's
 * address. A range is a network of senders (a provider's, an office's), not a moved server.
 */
function hostTerms(terms: readonly Term[]): Mechanism[] {
  const out: Mechanism[] = [];
  for (const term of terms) {
    if (!isMechanism(term)) continue;
    if (term.name === 'all') break;
    if ((term.name !== 'ip4' && term.name !== 'ip6') || !term.network || term.qualifier !== '+') continue;
    const bits = term.name === 'ip4' ? (term.cidr4?.bits ?? 32) : (term.cidr6?.bits ?? 128);
    if (bits === (term.name === 'ip4' ? 32 : 128)) out.push(term);
  }
  return out;
}

function parsed(terms: readonly Mechanism[]): Range[] {
  const out: Range[] = [];
  for (const term of terms) {
    try {
      const network = ipaddr.parse(term.network!.text);
      out.push({ term, network, bits: network.kind() === 'ipv4' ? 32 : 128 });
    } catch {
      // spf-invalid-ip's.
    }
  }
  return out;
}

function inRange(a: Address, r: Range): boolean {
  return a.kind() === r.network.kind() && a.match(r.network, r.bits);
}

export const checkStaleIp: OwnerRule = (owner) => {
  if (owner.txtSpf.length !== 1) return [];
  const ctx = owner.txtSpf[0];
  const spf = ctx.spf;
  // The cheap tests first: a large zone has tens of thousands of SPF records.
  if (spf.errors.length > 0) return [];
  const terms = hostTerms(spf.terms);
  if (terms.length === 0) return [];
  const hosts: string[] = [];
  for (const rr of owner.rrs) if (rr.typeCode === MX && !isNullMx(rr) && typeof rr.rdata.fields.exchange === 'string') hosts.push(rr.rdata.fields.exchange);
  if (hosts.length === 0 || !isSubdomain(ctx.rr.owner, owner.origin)) return [];
  const listed = parsed(terms);
  const key = nameKey(ctx.rr.owner);
  // The addresses of the name and of its mail servers, as the zone gives them.
  const own: Address[] = [];
  const add = (rrs: readonly ResourceRecord[]) => {
    for (const rr of rrs) if (rr.typeCode === A || rr.typeCode === AAAA) {
      const a = recordAddress(rr);
      if (a) own.push(a);
    }
  };
  add(owner.rrs);
  const hostAddresses: { host: string; address: Address }[] = [];
  for (const host of hosts) {
    for (const family of ['ipv4', 'ipv6'] as const) {
      for (const address of zoneAddresses(owner.zone, nameKey(host), family) ?? []) {
        own.push(address);
        hostAddresses.push({ host, address });
      }
    }
  }
  const out: Problem[] = [];
  const done = new Set<string>();
  for (const { host, address } of hostAddresses) {
    if (done.has(address.kind())) continue;
    const result = evaluateInZone(owner.zone, key, spf, address);
    if (result === 'pass' || result === 'unknown') continue;
    const stale = listed.find((r) => r.network.kind() === address.kind() && !own.some((a) => inRange(a, r)));
    if (!stale) continue;
    const text = address.toString();
    const replacement = `${address.kind() === 'ipv4' ? 'ip4' : 'ip6'}:${text}`;
    const problem: Problem = problemAt(
      ctx,
      SpfCodes.staleIp,
      stale.term,
      { term: stale.term.text, domain: owner.owner, host: host.replace(/\.$/, ''), address: text, result },
      { ...termData(ctx, stale.term), replacement },
    );
    out.push(problem);
    done.add(address.kind());
  }
  return out;
};
