/**
 * A zone put together from parts that outlive it: the language server's incremental zone
 * is made of pieces of the document, and an edit parses again only the pieces it touches;
 * the others are kept and moved. What a feature makes from a part's records (the document's
 * own records and their places, which of them get a code lens) can be kept with the part,
 * so that after an edit only the new parts are read, not every record of a large zone.
 */
import type { ResourceRecord, Zone } from './ast';

/** One part of a zone: its records (the same list while the part lives) and how far they had moved when the zone was put together. */
export interface ZonePart {
  readonly records: readonly ResourceRecord[];
  /**
   * The offset the part's records had moved by (from where they were parsed) in this zone:
   * a record's place in this zone is its place as parsed plus `shift`.
   */
  readonly shift: number;
}

const partsOf = new WeakMap<Zone, readonly ZonePart[]>();

/** Notes that `zone.records` are these parts' records, in order. */
export function setZoneParts(zone: Zone, parts: readonly ZonePart[]): void {
  partsOf.set(zone, parts);
}

/** The zone's parts; a zone read whole is one part that has not moved. */
export function zoneParts(zone: Zone): readonly ZonePart[] {
  return partsOf.get(zone) ?? [{ records: zone.records, shift: 0 }];
}

/** What was made from one part's records, with the part's shift then: its places move by the shift's change since. */
export interface PartValue<V> {
  readonly value: V;
  readonly shift: number;
}

/**
 * What `make` makes of the part's records, kept per record list (while the part lives).
 * Offsets in it are those the records had then: add `part.shift - kept.shift`.
 */
export function perPart<V>(
  cache: WeakMap<readonly ResourceRecord[], PartValue<V>>,
  part: ZonePart,
  make: (records: readonly ResourceRecord[]) => V,
): PartValue<V> {
  let kept = cache.get(part.records);
  if (kept === undefined) cache.set(part.records, (kept = { value: make(part.records), shift: part.shift }));
  return kept;
}
