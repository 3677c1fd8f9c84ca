/**
 * A bundled, dated snapshot of the SPF records of well-known mail providers
 * (snapshot-data.json), so that offline the lookup count of `include:_spf.google.com`
 * and its kin is right (RFC 7208 §4.6.4). The nesting is what matters and is kept
 * faithful; the IP ranges are representative and may be stale (see the data file's
 * `notice`). Names and types the snapshot does not hold are "not mine": a chain asks
 * the next resolver.
 */
import bundled from './snapshot-data.json';
import { ErrorReason, type LookupResult, type PartialResolver, type RecordData, type Resolver, type RRType } from './resolver';
import { queryKey, resultName } from './names';

export interface SnapshotEntry {
  /** Total DNS-querying terms of `include:` this name, itself counted: the evidence checked in tests. */
  readonly lookups?: number;
  /** Whole record texts; split into 255-octet character-strings when answered. */
  readonly TXT?: readonly string[];
}

export interface SnapshotData {
  /** The day the snapshot was written (YYYY-MM-DD). */
  readonly date: string;
  readonly notice: string;
  readonly ttl: number;
  /** Lower-case names without the trailing dot. */
  readonly records: Readonly<Record<string, SnapshotEntry>>;
}

export const PROVIDER_SNAPSHOT: SnapshotData = bundled;

/** When the bundled provider snapshot was written: show it wherever its answers are used. */
export const SNAPSHOT_DATE = PROVIDER_SNAPSHOT.date;

const MAX_STRING = 255;

/** A record text as character-strings of at most 255 octets (RFC 7208 §3.3). */
function toStrings(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += MAX_STRING) out.push(text.slice(i, i + MAX_STRING));
  return out.length > 0 ? out : [''];
}

export class SnapshotResolver implements PartialResolver {
  private readonly snapshot: SnapshotData;

  constructor(snapshot: SnapshotData = PROVIDER_SNAPSHOT) {
    this.snapshot = snapshot;
  }

  get date(): string {
    return this.snapshot.date;
  }

  covers(name: string, type: RRType): boolean {
    return this.entry(name, type) !== undefined;
  }

  async lookup<K extends RRType>(
    name: string,
    type: K,
    signal?: AbortSignal,
    rest?: Resolver,
  ): Promise<LookupResult<RecordData[K]>> {
    const texts = this.entry(name, type);
    if (texts === undefined) {
      return rest ? rest.lookup(name, type, signal) : { kind: 'error', reason: ErrorReason.notCovered, source: 'snapshot' };
    }
    const records = texts.map(toStrings) as unknown as RecordData[K][];
    return { kind: 'ok', records, ttl: this.snapshot.ttl, source: 'snapshot' };
  }

  private entry(name: string, type: RRType): readonly string[] | undefined {
    if (type !== 'TXT') return undefined;
    const key = queryKey(name);
    if (key === undefined) return undefined;
    const entry = Object.hasOwn(this.snapshot.records, resultName(key)) ? this.snapshot.records[resultName(key)] : undefined;
    return entry?.TXT;
  }
}
