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

/**
 * Record data per type: A/AAAA addresses (IPv6 in RFC 5952 form), TXT as its
 * character-strings (UTF-8 decoded where valid, else one char per octet), names for
 * PTR/CNAME/NS/MX in presentation form without the trailing dot (as node:dns gives them).
 */
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

/**
 * Why a lookup gave `{ kind: 'error' }`. Every one is a temporary failure for RFC 7208
 * (temperror) except `offline`: the name lies outside the zone data and the snapshot
 * and no live DNS is allowed, so the lookup was *not checked* — report it as such,
 * never as a void lookup.
 */
export const ErrorReason = {
  /** Offline mode, name not in the zone data or the snapshot: not checked. */
  offline: 'offline',
  timeout: 'timeout',
  servfail: 'servfail',
  refused: 'refused',
  aborted: 'aborted',
  /** The name is not valid presentation syntax. */
  badName: 'bad-name',
  /** A CNAME chain loops or is longer than the resolver follows. */
  cnameLoop: 'cname-loop',
  /** A resolver asked about a name it does not cover, with nobody to pass it to. */
  notCovered: 'not-covered',
  /** The configured DNS servers are not valid addresses (prefixes the detail). */
  badServers: 'bad-servers',
  /** The type cannot be queried this way (node:dns has no query for type SPF/99). */
  unsupportedType: 'unsupported-type',
} as const;

/** True for the offline "not checked" outcome (see ErrorReason.offline). */
export function isNotChecked(result: LookupResult<unknown>): boolean {
  return result.kind === 'error' && result.reason === ErrorReason.offline;
}

export interface Resolver {
  /**
   * Looks up `name` (absolute or not; a trailing dot is optional) for `type`.
   * Never rejects: failures come back as `{ kind: 'error' }`. CNAMEs are followed.
   */
  lookup<K extends RRType>(name: string, type: K, signal?: AbortSignal): Promise<LookupResult<RecordData[K]>>;
}

/**
 * A resolver that knows part of the namespace only (zone data, the snapshot). A
 * ChainResolver asks `covers` first and passes other names on. When a CNAME chain
 * leaves what it covers, `lookup` asks `rest` (the chain) for the target; without
 * `rest` that ends in `{ kind: 'error', reason: 'not-covered' }`.
 */
export interface PartialResolver extends Resolver {
  covers(name: string, type: RRType): boolean;
  lookup<K extends RRType>(
    name: string,
    type: K,
    signal?: AbortSignal,
    rest?: Resolver,
  ): Promise<LookupResult<RecordData[K]>>;
}
