/**
 * Every check over a parsed zone, shared by the CLI and the language server.
 * Sync checks need only the zone; async checks may query the resolver.
 */
import type { Problem } from './diagnostics/types';
import type { Zone } from './zone/ast';
import type { Resolver } from './dns/resolver';

export interface AsyncCheckContext {
  readonly resolver: Resolver;
  readonly signal?: AbortSignal;
}

/** Checks that need nothing but the zone: syntax, zone semantics, record syntax. */
export function analyzeSync(zone: Zone): Problem[] {
  return [...zone.problems];
}

/** Checks that follow names through the resolver (SPF lookups, DMARC report authorisation). */
export async function analyzeAsync(_zone: Zone, _ctx: AsyncCheckContext): Promise<Problem[]> {
  return [];
}
