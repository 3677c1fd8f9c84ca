/**
 * check_host() (RFC 7208 §4.6) for one address, answered from the zone's own records,
 * synchronously: for the checks that must know whether a host of the zone is authorised
 * (spf-stale-ip). Whatever the zone cannot answer makes the result `unknown`, never a
 * guess: a name outside the zone, a macro, `exists` and `ptr`, an `mx` term of another
 * name than the record's own (its hosts are two names away), a target that is an alias
 * (CNAME) or at or below a zone cut, two SPF records or a broken one, includes more than ten
 * deep or in a loop. The lookup limits are other rules' (spf-lookup-limit and its family).
 */
import ipaddr from 'ipaddr.js';
import type { ResourceRecord } from '../zone/ast';
import { isSubdomain, nameKey, parentName } from '../zone/names';
import { isMechanism, isModifier, type Mechanism, type MacroString, type Qualifier, type SpfRecord } from './ast';
import { looksLikeSpf } from './detect';
import { parseSpf } from './parser';

export type ZoneResult = 'pass' | 'fail' | 'softfail' | 'neutral' | 'unknown';
export type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** The zone, as the evaluation reads it. */
export interface ZoneRecords {
  /** The zone's origin (absolute). */
  readonly origin: string;
  /** The records at an absolute name (by nameKey), [] when none. */
  recordsAt(key: string): readonly ResourceRecord[];
}

const A = 1;
const NS = 2;
const CNAME = 5;
const MX = 15;
const TXT = 16;
const AAAA = 28;
const MAX_DEPTH = 10;

const RESULT: Record<Qualifier, ZoneResult> = { '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' };

/** An address as written in an A or AAAA record, parsed; undefined when it is not one. */
export function recordAddress(rr: ResourceRecord): Address | undefined {
  if (rr.typeCode !== A && rr.typeCode !== AAAA) return undefined;
  try {
    return ipaddr.parse(rr.rdata.canonical);
  } catch {
    return undefined;
  }
}

/**
 * The addresses of `key` of the family asked for, from the zone; undefined when the zone
 * does not decide them: outside it, an alias, or at or below a delegation (the child
 * zone's data, glue aside).
 */
export function zoneAddresses(zone: ZoneRecords, key: string, family: 'ipv4' | 'ipv6'): Address[] | undefined {
  const apex = nameKey(zone.origin);
  if (!isSubdomain(key, apex)) return undefined;
  const rrs = zone.recordsAt(key);
  if (rrs.some((r) => r.typeCode === CNAME)) return undefined;
  for (let name = key; name !== apex && name !== '.'; name = parentName(name)) {
    if (zone.recordsAt(name).some((r) => r.typeCode === NS)) return undefined;
  }
  const type = family === 'ipv4' ? A : AAAA;
  const out: Address[] = [];
  for (const rr of rrs) {
    if (rr.typeCode !== type) continue;
    const a = recordAddress(rr);
    if (a) out.push(a);
  }
  return out;
}

/** The key of a domain-spec written without macros; undefined when it has one. */
function targetKey(spec: MacroString | undefined, own: string): string | undefined {
  if (spec === undefined) return own;
  if (spec.items.some((i) => i.kind !== 'literal')) return undefined;
  const text = spec.text.toLowerCase();
  return text.endsWith('.') ? text : text + '.';
}

/** The one SPF record at `key`, parsed; undefined when there is none, more than one, or a broken one. */
function spfAt(zone: ZoneRecords, key: string): SpfRecord | undefined {
  let found: SpfRecord | undefined;
  for (const rr of zone.recordsAt(key)) {
    if (rr.typeCode !== TXT || !rr.rdata.strings) continue;
    const text = rr.rdata.strings.map((s) => s.value).join('');
    if (!looksLikeSpf(text)) continue;
    if (found) return undefined;
    found = parseSpf(text);
  }
  return found && found.errors.length === 0 ? found : undefined;
}

function matches(addresses: readonly Address[], ip: Address, bits: number): boolean {
  return addresses.some((a) => a.kind() === ip.kind() && ip.match(a, bits));
}

function cidrBits(m: Mechanism, ip: Address): number {
  return ip.kind() === 'ipv4' ? (m.cidr4?.bits ?? 32) : (m.cidr6?.bits ?? 128);
}

/**
 * What check_host() gives `ip` for the record `spf` of the name `key` (absolute, lower
 * case), read from the zone only; `unknown` where the zone does not decide it.
 */
export function evaluateInZone(zone: ZoneRecords, key: string, spf: SpfRecord, ip: Address, depth = 0, path: readonly string[] = []): ZoneResult {
  if (spf.errors.length > 0 || depth > MAX_DEPTH || path.includes(key)) return 'unknown';
  const here = [...path, key];
  const family = ip.kind();
  let redirect: MacroString | undefined;
  for (const term of spf.terms) {
    if (isModifier(term)) {
      if (term.name === 'redirect') redirect = term.value;
      continue;
    }
    if (!isMechanism(term)) return 'unknown';
    switch (term.name) {
      case 'all':
        return RESULT[term.qualifier];
      case 'ip4':
      case 'ip6': {
        if (!term.network) return 'unknown';
        let network: Address;
        try {
          network = ipaddr.parse(term.network.text);
        } catch {
          return 'unknown';
        }
        if (network.kind() === family && ip.match(network, cidrBits(term, ip))) return RESULT[term.qualifier];
        continue;
      }
      case 'a': {
        const target = targetKey(term.domain, key);
        const addresses = target === undefined ? undefined : zoneAddresses(zone, target, family);
        if (addresses === undefined) return 'unknown';
        if (matches(addresses, ip, cidrBits(term, ip))) return RESULT[term.qualifier];
        continue;
      }
      case 'mx': {
        // Only the record's own name: the addresses of another name's mail hosts are two names away.
        if (targetKey(term.domain, key) !== key) return 'unknown';
        for (const rr of zone.recordsAt(key)) {
          if (rr.typeCode !== MX) continue;
          const host = rr.rdata.fields['exchange'];
          if (typeof host !== 'string') return 'unknown';
          if (host === '.') continue;
          const addresses = zoneAddresses(zone, nameKey(host), family);
          if (addresses === undefined) return 'unknown';
          if (matches(addresses, ip, cidrBits(term, ip))) return RESULT[term.qualifier];
        }
        continue;
      }
      case 'include': {
        const target = targetKey(term.domain, key);
        const included = target === undefined || !isSubdomain(target, nameKey(zone.origin)) ? undefined : spfAt(zone, target);
        if (target === undefined || included === undefined) return 'unknown';
        const result = evaluateInZone(zone, target, included, ip, depth + 1, here);
        if (result === 'unknown') return 'unknown';
        if (result === 'pass') return RESULT[term.qualifier];
        continue;
      }
      default:
        // exists and ptr: answered by names the message makes, or by the reverse zone.
        return 'unknown';
    }
  }
  if (redirect === undefined) return 'neutral';
  const target = targetKey(redirect, key);
  const next = target === undefined || !isSubdomain(target, nameKey(zone.origin)) ? undefined : spfAt(zone, target);
  return target === undefined || next === undefined ? 'unknown' : evaluateInZone(zone, target, next, ip, depth + 1, here);
}
