/**
 * zone-serial-unchanged — RFC 1034 §4.3.5, RFC 1996 §2.2: a secondary server asks for the
 * SOA and transfers the zone only when the serial has grown. Records edited and saved under
 * the old serial stay unseen there: the secondaries keep serving the old records, and named
 * logs "zone serial (N) unchanged. zone may fail to transfer to slaves" on reload. The classic
 * slip of a hand-edited zone, and nothing in the file shows it.
 *
 * An editor check: the records of the file as saved are compared with those it had when
 * opened, by a fingerprint of the records as loaded (owner, TTL, class, type, canonical
 * RDATA; the SOA without its serial; out-of-zone records left out), the same in any order
 * and any layout: reformatting, comments and moving records are no change. Zones of more
 * than FINGERPRINT_MAX_RECORDS records are not fingerprinted (operators of such zones set
 * serials by tooling). The quick-fix writes the next serial (serial/index.ts).
 */
import type { Problem } from '../diagnostics/types';
import type { ResourceRecord, Zone } from '../zone/ast';
import { nameKey } from '../zone/names';
import { inZone } from '../zone/printer';
import { SerialCodes } from './codes';
import { bumpSerialEdit, type SerialFormat } from './index';

export const FINGERPRINT_MAX_RECORDS = 250_000;

const SOA = 6;

/** What the quick-fix reads: the serial as written, and the one to write. */
export interface SerialUnchangedData {
  readonly serial: string;
  readonly replacement: string;
}

/** A record as the zone loads it, the SOA without its serial. */
function identity(r: ResourceRecord): string {
  let rdata = r.rdata.canonical;
  if (r.typeCode === SOA) {
    const fields = rdata.split(' ');
    fields.splice(2, 1);
    rdata = fields.join(' ');
  }
  return `${nameKey(r.owner)} ${r.ttl} ${r.class.toUpperCase()} ${r.typeCode} ${rdata}`;
}

/**
 * The zone's records, as a fingerprint that is the same for the same records in any order
 * (two 32-bit sums of per-record hashes, and the count); undefined for a zone too large.
 */
export function recordsFingerprint(zone: Zone): string | undefined {
  if (zone.records.length > FINGERPRINT_MAX_RECORDS) return undefined;
  let a = 0;
  let b = 0;
  let n = 0;
  for (const r of zone.records) {
    if (!inZone(r, zone.origin)) continue;
    const line = identity(r);
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    a = (a + (h1 >>> 0)) >>> 0;
    b = (b + (h2 >>> 0)) >>> 0;
    n++;
  }
  return `${n}:${a.toString(16)}:${b.toString(16)}`;
}

/** The serial of the zone's SOA record (the first of the file itself); undefined without one. */
export function zoneSerial(zone: Zone): number | undefined {
  const soa = zone.records.find((r) => r.typeCode === SOA && r.file === undefined && !r.generated);
  const serial = soa?.rdata.fields.serial;
  return typeof serial === 'number' ? serial : undefined;
}

/**
 * The warning on the serial when the file was saved with other records than it was opened
 * with (`changed`) and its serial is still `openSerial`; with the next serial as the fix.
 */
export function serialUnchangedProblem(text: string, zone: Zone, openSerial: number | undefined, now: Date, format: SerialFormat | 'auto'): Problem | undefined {
  if (openSerial === undefined || zoneSerial(zone) !== openSerial) return undefined;
  const bump = bumpSerialEdit(text, zone, now, format);
  if (!bump) return undefined;
  const data: SerialUnchangedData = { serial: text.slice(bump.offset, bump.offset + bump.length), replacement: bump.newText };
  return { code: SerialCodes.serialUnchanged.code, offset: bump.offset, length: bump.length, args: { serial: openSerial }, data };
}
