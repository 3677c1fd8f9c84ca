/**
 * The provider catalogue, detection, and the checks that use them.
 */
import type { Problem } from '../diagnostics/types';
import type { Zone } from '../zone/ast';
import { checkProviderMissing } from './providerMissing';
import { checkMailchannelsLockdown } from './mailchannelsLockdown';
import { checkMailchannelsLockdownSyntax } from './mailchannelsLockdownSyntax';
import { checkIncludeTypo } from './includeTypo';
import { checkProviderMxTypo } from './mxTypo';

export { PROVIDERS, providerById, providerTerms, hostMatches, providersForRelay } from './catalogue';
export type { ProviderEntry, ProviderDetection } from './catalogue';
export { detectProviders } from './detect';
export type { DetectedProvider, ProviderEvidence, EvidenceKind } from './detect';
export { ProviderCodes, ProviderDetails } from './codes';
export type { ProviderMissingData } from './codes';

/** Every provider check over a zone (sync): for the analysis list. */
export function checkProviders(zone: Zone): Problem[] {
  return [...checkProviderMissing(zone), ...checkMailchannelsLockdown(zone), ...checkMailchannelsLockdownSyntax(zone), ...checkIncludeTypo(zone), ...checkProviderMxTypo(zone)];
}
