/**
 * DMARC checks over a zone (RFC 9989, RFC 9990 §3, RFC 7489 compatibility).
 * `checkDmarc` needs only the zone; `checkDmarcAsync` asks the resolver whether
 * external report destinations accept reports.
 */
import type { Problem } from '../diagnostics/types';
import type { Resolver } from '../dns/resolver';
import type { Zone } from '../zone/ast';
import { collectDmarc, collectDmarcNames } from './collect';
import { runStepsIn, type Slices } from '../steps';
import { recordRules } from './rules/index';
import { checkMissing } from './rules/missing';
import { checkMultipleRecords } from './rules/multiple-records';
import { checkMisplaced } from './rules/misplaced';
import { checkExternalDestination } from './rules/external-destination';

export { parseDmarc, isDmarcText, looksLikeDmarc, reportUris, policyOf, DMARC_TAGS, DMARC_REMOVED_TAGS } from './parse';
export type { DmarcRecord, ReportUri, Policy } from './parse';
export { organizationalDomain } from './rules/missing';
export { DmarcCodes, DmarcDetails } from './codes';

export function checkDmarc(zone: Zone): Problem[] {
  const view = collectDmarc(zone);
  const out: Problem[] = [];
  for (const ctx of view.contexts) for (const rule of recordRules) out.push(...rule(ctx));
  out.push(...checkMultipleRecords(view), ...checkMisplaced(view), ...checkMissing(view));
  return out;
}

/** `slices`: read the zone in slices of the event loop (steps.ts). */
export async function checkDmarcAsync(zone: Zone, resolver: Resolver, signal?: AbortSignal, slices?: Slices): Promise<Problem[]> {
  return checkExternalDestination(await runStepsIn(collectDmarcNames(zone), slices), resolver, signal, slices);
}
