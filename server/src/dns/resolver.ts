/**
 * The DNS as the checks see it. Implementations: zone data (open documents and the
 * workspace), live (node:dns), snapshot (bundled provider records), and a chain
 * that asks them in order. Domain code only ever sees this interface.
 */

export type RRType = 'A' | 'AAAA' | 'TXT' | 'MX' | 'PTR' | 'CNAME' | 'NS' | 'SPF';

export interface MxRecord {
  readonly preference: number;
  readonly exchange: string;
}

/** Record data per type: A/AAAA addresses, TXT as its character-strings, names for PTR/CNAME/NS. */
export interface RecordData {
  A: string;
  AAAA: string;
  TXT: readonly string[];
  SPF: readonly string[];
  MX: MxRecord;
  PTR: string;
  CNAME: string;
  NS: string;
}

/**
 * The outcome of one query. `nxdomain` (the name does not exist) and `nodata` (it
 * exists, without records of the type) are both void lookups for RFC 7208 §4.6.4.
 * `error` is a temporary failure (timeout, SERVFAIL, refused): SPF's temperror.
 */
export type LookupResult<T> =
  | { readonly kind: 'ok'; readonly records: readonly T[]; readonly ttl?: number; readonly source?: string }
  | { readonly kind: 'nxdomain'; readonly source?: string }
  | { readonly kind: 'nodata'; readonly source?: string }
  | { readonly kind: 'error'; readonly reason: string; readonly source?: string };

export interface Resolver {
  /**
   * Looks up `name` (absolute or not; a trailing dot is optional) for `type`.
   * Never rejects: failures come back as `{ kind: 'error' }`. CNAMEs are followed.
   */
  lookup<K extends RRType>(name: string, type: K, signal?: AbortSignal): Promise<LookupResult<RecordData[K]>>;
}
