/**
 * Every check over a parsed zone, shared by the CLI and the language server.
 * Sync checks need only the zone; async checks may query the resolver.
 */
import type { Problem } from './diagnostics/types';
import type { Zone } from './zone/ast';
import { ErrorReason, type Resolver } from './dns/resolver';
import { checkEmptyZone, checkZoneSemantics } from './zone/semantics/index';
import { checkSpf, checkSpfLookups, type LookupReuse } from './spf/check';
import { checkDmarc, checkDmarcAsync } from './dmarc/index';
import { checkDkim } from './dkim/index';
import { checkMailPolicy } from './mailpolicy/index';
import { checkCaa } from './caa/index';
import { checkDane } from './dane/index';
import { checkProviders } from './providers/index';
import { Slices, turn } from './steps';

export interface AsyncCheckContext {
  readonly resolver: Resolver;
  readonly signal?: AbortSignal;
  /** The run's slices of the event loop, when its caller has used some already (steps.ts). */
  readonly slices?: Slices;
  /** What the SPF lookup checks may keep from the last run over an earlier version of the zone. */
  readonly spfReuse?: LookupReuse;
}

export interface SyncCheckOptions {
  /** "Now" for date checks (serials in the future); defaults to the current time. */
  readonly now?: Date;
  /**
   * The file is checked on its own as a zone (the CLI): one without any record is the
   * zone servers refuse (zone-missing-soa). The editor leaves a new, empty file alone.
   */
  readonly standalone?: boolean;
}

/** Checks that need nothing but the zone: syntax, zone semantics, record syntax. */
export function analyzeSync(zone: Zone, options: SyncCheckOptions = {}): Problem[] {
  const empty = options.standalone ? checkEmptyZone(zone) : undefined;
  return [
    ...zone.problems,
    ...(empty ? [empty] : []),
    ...checkZoneSemantics(zone, options),
    ...checkSpf(zone),
    ...checkDmarc(zone),
    ...checkDkim(zone),
    ...checkMailPolicy(zone),
    ...checkCaa(zone),
    ...checkDane(zone),
    ...checkProviders(zone),
  ];
}

/** Checks that follow names through the resolver (SPF lookups, DMARC report authorisation). Cancelled: nothing. */
export async function analyzeAsync(zone: Zone, ctx: AsyncCheckContext): Promise<Problem[]> {
  // Each step reads the zone in slices of the event loop (steps.ts) before and between its
  // lookups: a keystroke gets in, and stops the rest, without waiting for the run.
  const slices = ctx.slices ?? new Slices(ctx.signal);
  const resolver = yielding(ctx.resolver, slices);
  try {
    const spf = checkSpfLookups(zone, resolver, ctx.signal, slices, ctx.spfReuse);
    spf.catch(() => undefined);
    await turn();
    if (ctx.signal?.aborted) return [];
    const dmarc = await checkDmarcAsync(zone, resolver, ctx.signal, slices);
    return [...(await spf), ...dmarc];
  } catch (e) {
    // Steps run in slices stop with the abort reason once cancelled.
    if (ctx.signal?.aborted) return [];
    throw e;
  }
}

/**
 * A resolver that waits for a new slice before each lookup and before its caller reads
 * the answer: answers from zone data come at once, so a large zone's lookups would hold
 * a language server for seconds. Once aborted, it answers "aborted" at once.
 */
function yielding(resolver: Resolver, slices: Slices): Resolver {
  return {
    async lookup(name, type, signal) {
      await slices.wait();
      if (signal?.aborted) return { kind: 'error', reason: ErrorReason.aborted };
      const answer = await resolver.lookup(name, type, signal);
      // Before the worker reads the answer: that work counts in the slice too.
      await slices.wait();
      return signal?.aborted ? { kind: 'error', reason: ErrorReason.aborted } : answer;
    },
  };
}
