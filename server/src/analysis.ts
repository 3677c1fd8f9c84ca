/**
 * Every check over a parsed zone, shared by the CLI and the language server.
 * Sync checks need only the zone; async checks may query the resolver.
 */
import type { Problem } from './diagnostics/types';
import type { Zone } from './zone/ast';
import { ErrorReason, type Resolver } from './dns/resolver';
import { checkZoneSemantics } from './zone/semantics/index';
import { checkSpf, checkSpfLookups } from './spf/check';
import { checkDmarc, checkDmarcAsync } from './dmarc/index';
import { checkDkim } from './dkim/index';
import { checkMailPolicy } from './mailpolicy/index';
import { checkProviders } from './providers/index';

export interface AsyncCheckContext {
  readonly resolver: Resolver;
  readonly signal?: AbortSignal;
}

export interface SyncCheckOptions {
  /** "Now" for date checks (serials in the future); defaults to the current time. */
  readonly now?: Date;
}

/** Checks that need nothing but the zone: syntax, zone semantics, record syntax. */
export function analyzeSync(zone: Zone, options: SyncCheckOptions = {}): Problem[] {
  return [
    ...zone.problems,
    ...checkZoneSemantics(zone, options),
    ...checkSpf(zone),
    ...checkDmarc(zone),
    ...checkDkim(zone),
    ...checkMailPolicy(zone),
    ...checkProviders(zone),
  ];
}

/** Checks that follow names through the resolver (SPF lookups, DMARC report authorisation). */
export async function analyzeAsync(zone: Zone, ctx: AsyncCheckContext): Promise<Problem[]> {
  const resolver = yielding(ctx.resolver);
  // Each step reads the whole zone before its first lookup (the SPF step its SPF records
  // and the resolver's zone data, the DMARC step its DMARC records): a turn of the event
  // loop between them lets a keystroke in, and stop the rest, without waiting for both.
  const spf = checkSpfLookups(zone, resolver, ctx.signal);
  spf.catch(() => undefined);
  await turn();
  if (ctx.signal?.aborted) return [];
  const dmarc = await checkDmarcAsync(zone, resolver, ctx.signal);
  return [...(await spf), ...dmarc];
}

/** One turn of the event loop: what waits (a message from the editor) runs first. */
export function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * How long the checks run before they let the event loop turn, in ms: a keystroke that
 * arrives meanwhile waits at most about this long behind them.
 */
export const SLICE_MS = 8;

/**
 * A resolver that lets the event loop run once the checks have held it SLICE_MS. Answers
 * from zone data come at once, so a large zone's lookups would hold a language server for
 * seconds: keystrokes wait behind them. The SPF trees are followed by many workers at
 * once, each continuing in a microtask as its answer comes: one worker waiting for a turn
 * lets the others run on, and the event loop turns only when every one of them waits. So
 * once the slice is used up every lookup waits for the same turn. Once aborted, it
 * answers "aborted" at once.
 */
function yielding(resolver: Resolver): Resolver {
  let sliceStart = performance.now();
  let pause: Promise<void> | undefined;
  const nextTurn = (): Promise<void> =>
    (pause ??= turn().then(() => {
      pause = undefined;
      sliceStart = performance.now();
    }));
  // Asked again after each wait: the workers that resume at one turn share one slice.
  const slice = async (): Promise<void> => {
    while (pause !== undefined || performance.now() - sliceStart >= SLICE_MS) await nextTurn();
  };
  return {
    async lookup(name, type, signal) {
      await slice();
      if (signal?.aborted) return { kind: 'error', reason: ErrorReason.aborted };
      const answer = await resolver.lookup(name, type, signal);
      // Before the worker reads the answer: that work counts in the slice too.
      await slice();
      return signal?.aborted ? { kind: 'error', reason: ErrorReason.aborted } : answer;
    },
  };
}
