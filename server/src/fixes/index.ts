/**
 * Domain-level quick-fixes and refactors: pure functions over the zone text and its
 * parse, keyed by diagnostic code (never by message text). The language server
 * turns DomainFix into LSP code actions.
 */
import type { Zone } from '../zone/ast';
import { fixDmarcMissing, fixDmarcPolicyNone, fixFullWidthTag } from './dmarc';
import { fixLockdownSyntax, fixProviderMissing, fixSpfMissing, providerRefactors } from './provider';
import {
  fixAfterAll,
  fixIpv6Missing,
  fixMalformedVersion,
  fixNoAll,
  fixNonAscii,
  fixPermissiveAll,
  fixPtr,
  fixRemoveTerm,
  fixStaleIp,
  fixStringsJoined,
  fixUnknownMechanism,
} from './spf';
import { fixDeprecatedRrtype, fixLookupLimit, fixMultipleRecords, fixNullMxMissing, fixNullMxSender } from './spfRecords';
import type { DomainFix, FixInput } from './types';
import { fixTlsaNotMxHost } from './dane';
import { fixDuplicateRecord, fixLookalike, fixMissingTtl, fixStringTooLong, fixTtlMismatch, fixWritten, fixOriginRepeated, fixTargetFinalDot, fixTxtUnquoted, fixUnicodeName, fixSerialUnchanged } from './zone';

export type { TextEditOffsets, DomainFix, FixInput } from './types';
export { flattenInclude, type FlattenOptions } from './flatten';
export { addProviderFix } from './provider';
export { spfCompletions, type SpfCompletion, type SpfCompletionKind } from './completion';

type FixProvider = (input: FixInput) => DomainFix[];

const FIXES: ReadonlyMap<string, FixProvider> = new Map<string, FixProvider>([
  ['spf-provider-missing', fixProviderMissing],
  ['spf-mailchannels-lockdown-syntax', fixLockdownSyntax],
  ['spf-missing', fixSpfMissing],
  ['spf-null-mx-missing', fixNullMxMissing],
  ['spf-null-mx-sender', fixNullMxSender],
  ['spf-unknown-mechanism', fixUnknownMechanism],
  ['spf-include-typo', fixUnknownMechanism],
  ['spf-no-all', fixNoAll],
  ['spf-permissive-all', fixPermissiveAll],
  ['spf-after-all', fixAfterAll],
  ['spf-non-ascii', fixNonAscii],
  ['spf-strings-joined', fixStringsJoined],
  ['spf-malformed-version', fixMalformedVersion],
  ['spf-duplicate-term', fixRemoveTerm],
  ['spf-redundant-ip', fixRemoveTerm],
  ['spf-stale-ip', fixStaleIp],
  ['spf-ipv6-missing', fixIpv6Missing],
  ['spf-duplicate-modifier', fixRemoveTerm],
  ['spf-redirect-ignored', fixRemoveTerm],
  ['spf-ptr-deprecated', fixPtr],
  ['spf-multiple-records', fixMultipleRecords],
  ['spf-deprecated-rrtype', fixDeprecatedRrtype],
  ['spf-lookup-limit', fixLookupLimit],
  ['dmarc-missing', fixDmarcMissing],
  ['dmarc-policy-none', fixDmarcPolicyNone],
  ['dmarc-syntax', fixFullWidthTag],
  ['dkim-syntax', fixFullWidthTag],
  ['zone-duplicate-record', fixDuplicateRecord],
  ['zone-ttl-mismatch', fixTtlMismatch],
  ['zone-bad-ttl', fixMissingTtl],
  ['zone-txt-string-too-long', fixStringTooLong],
  ['zone-lookalike-character', fixLookalike],
  ['zone-unicode-name', fixUnicodeName],
  ['zone-origin-repeated', fixOriginRepeated],
  ['caa-unknown-tag', fixWritten],
  ['caa-bad-value', fixWritten],
  ['zone-target-typo', fixWritten],
  ['zone-cname-target-missing', fixTargetFinalDot],
  ['zone-mx-no-address', fixTargetFinalDot],
  ['zone-srv-no-address', fixTargetFinalDot],
  ['zone-missing-glue', fixTargetFinalDot],
  ['zone-txt-unquoted', fixTxtUnquoted],
  ['tlsa-not-mx-host', fixTlsaNotMxHost],
  ['zone-serial-unchanged', fixSerialUnchanged],
]);

/** The codes that may have a quick-fix (flattening, async, is flattenInclude). */
export const FIXABLE_CODES: ReadonlySet<string> = new Set(FIXES.keys());

/** Quick-fixes for one problem of the document, by its code. A problem in an $INCLUDEd file gets none. */
export function fixesFor(input: FixInput): DomainFix[] {
  if (input.problem.file !== undefined) return [];
  const provider = FIXES.get(input.problem.code);
  return provider ? provider(input) : [];
}

/** Refactors at an offset: "Add <provider> to SPF" for each catalogue entry when it is on an SPF record. */
export function refactorsAt(text: string, zone: Zone, offset: number): DomainFix[] {
  return providerRefactors(text, zone, offset);
}

/** Building blocks for commands that edit SPF records (stable names for the language server). */
export { spfAt, termAt, type SpfTarget } from './spfContext';
export { editTxt, rewriteTxt, joinedValue } from './txtEdit';
