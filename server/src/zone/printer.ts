/**
 * The zone after all directives, one record per line in file order, as
 * `OWNER TTL CLASS TYPE RDATA` with absolute names, numeric TTLs and the canonical
 * RDATA that `named-checkzone -D` prints; each RRset with the TTL BIND loads it with. Out-of-zone records are left out, as BIND
 * ignores them, and so is a record that repeats an earlier one (RFC 2181 §5), which BIND loads once.
 */
import type { ResourceRecord, Zone } from './ast';
import { loadedTtls } from './rrsetTtl';
import { isSubdomain } from './names';
import { duplicateRecords } from './semantics/context';

export function printZone(zone: Zone): string {
  const ttls = loadedTtls(zone.records);
  const duplicates = duplicateRecords(zone.records);
  const lines: string[] = [];
  zone.records.forEach((rr, i) => {
    if (inZone(rr, zone.origin) && !duplicates.has(rr)) lines.push(printRecord(rr, ttls[i]));
  });
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

/** One record; `ttl` overrides the record's own (BIND gives an RRset one TTL). */
export function printRecord(rr: ResourceRecord, ttl: number = rr.ttl): string {
  const rdata = rr.rdata.canonical;
  return `${rr.owner} ${ttl} ${rr.class} ${rr.type}${rdata === '' ? '' : ' ' + rdata}`;
}

/** True when the record's owner is at or below the origin (case-insensitively). */
export function inZone(rr: ResourceRecord, origin: string): boolean {
  const owner = rr.owner;
  if (origin === '.') return true;
  if (owner.endsWith(origin)) {
    const cut = owner.length - origin.length;
    if (cut === 0) return true;
    if (owner.charCodeAt(cut - 1) === 0x2e && owner.charCodeAt(cut - 2) !== 0x5c) return true;
  }
  return isSubdomain(owner, origin);
}
