/**
 * The resolver the checks get: zone data first (the open documents and the
 * workspace), then, per `zonelint.dns.mode`, live DNS or the bundled provider
 * snapshot.
 *
 * Offline, a name outside the zone data and the snapshot is not looked up at all:
 * the answer is `{ kind: 'error', reason: 'offline', source: 'offline' }`
 * (`isNotChecked` in resolver.ts). It is deliberately neither `nxdomain` nor `nodata`,
 * which would count as void lookups (RFC 7208 §4.6.4) and make `include:` of an
 * unknown provider look broken. SPF checks report it as "not checked offline", and
 * check_host() would see it as temperror.
 */
import type { Zone } from '../zone/ast';
import { LiveResolver } from './live';
import { ErrorReason, type LookupResult, type PartialResolver, type RecordData, type Resolver, type RRType } from './resolver';
import { SnapshotResolver } from './snapshot';
import { ZoneDataResolver } from './zoneData';

/** Hand-offs between the chain's members along one CNAME chain before it is called a loop. */
const MAX_HANDOFFS = 8;

/** Answers nothing: every lookup is "not checked offline". */
export const offlineResolver: Resolver = {
  async lookup() {
    return { kind: 'error', reason: ErrorReason.offline, source: 'offline' };
  },
};

export class ChainResolver implements Resolver {
  private readonly parts: readonly PartialResolver[];
  private readonly fallback: Resolver;

  /** `parts` are asked in order, each only for names it covers; `fallback` gets the rest. */
  constructor(parts: readonly PartialResolver[], fallback: Resolver) {
    this.parts = parts;
    this.fallback = fallback;
  }

  lookup<K extends RRType>(name: string, type: K, signal?: AbortSignal): Promise<LookupResult<RecordData[K]>> {
    return this.lookupAt(name, type, signal, 0);
  }

  private async lookupAt<K extends RRType>(
    name: string,
    type: K,
    signal: AbortSignal | undefined,
    handoffs: number,
  ): Promise<LookupResult<RecordData[K]>> {
    if (handoffs > MAX_HANDOFFS) return { kind: 'error', reason: ErrorReason.cnameLoop, source: 'chain' };
    if (signal?.aborted) return { kind: 'error', reason: ErrorReason.aborted, source: 'chain' };
    // A CNAME target leaving one member comes back here, to whichever member covers it.
    const rest: Resolver = { lookup: (n, t, s) => this.lookupAt(n, t, s ?? signal, handoffs + 1) };
    try {
      for (const part of this.parts) {
        if (part.covers(name, type)) return await part.lookup(name, type, signal, rest);
      }
      return await this.fallback.lookup(name, type, signal);
    } catch (e) {
      // The contract is "never rejects": a bug in a member must not break a check.
      return { kind: 'error', reason: `internal: ${(e as Error)?.message ?? String(e)}`, source: 'chain' };
    }
  }
}

export interface DnsSettings {
  /** `live`: zone data, then real DNS. `offline`: zone data, then the provider snapshot, nothing else. */
  readonly mode: 'live' | 'offline';
  /** DNS servers for live mode (`host`, `host:port`, `[v6]:port`); empty: the system's. */
  readonly servers: readonly string[];
  /** Time each server gets for one try, in milliseconds. */
  readonly timeoutMs: number;
  /** Tries per server; default 2. */
  readonly tries?: number;
  /** Live queries on the wire at once; default 16 (1 = sequential). */
  readonly concurrency?: number;
}

/**
 * The resolver for the given settings. `zones` is read on every lookup, so the
 * workspace index can swap zones in and out; put open documents before workspace
 * files, since the first zone with a given apex wins.
 */
export function createResolver(settings: DnsSettings, zones: () => readonly Zone[]): Resolver {
  const zoneData = new ZoneDataResolver(zones);
  if (settings.mode === 'offline') return new ChainResolver([zoneData, new SnapshotResolver()], offlineResolver);
  const live = new LiveResolver({
    servers: settings.servers,
    timeoutMs: settings.timeoutMs,
    tries: settings.tries,
    concurrency: settings.concurrency,
  });
  return new ChainResolver([zoneData], live);
}
