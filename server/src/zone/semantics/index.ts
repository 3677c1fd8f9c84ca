/**
 * Zone semantics: the checks `named-checkzone` and `kzonecheck` make on a loaded zone
 * (and a few they leave out), one rule per file, run over a parsed Zone.
 */
import type { Problem } from '../../diagnostics/types';
import type { Zone } from '../ast';
import { checkCheckNames } from './checkNames';
import { checkCnameTargetMissing } from './cnameTargetMissing';
import { type SemanticContext, buildContext } from './context';
import { checkDnameOcclusion } from './dnameOcclusion';
import { checkDsAtApex } from './dsAtApex';
import { checkDuplicateRecords } from './duplicateRecord';
import { checkMissingGlue } from './missingGlue';
import { checkMissingNs } from './missingNs';
import { checkMissingSoa } from './missingSoa';
export { checkEmptyZone } from './missingSoa';
import { checkMxAddress } from './mxAddress';
import { checkMxCname } from './mxCname';
import { checkMxNoAddress } from './mxNoAddress';
import { checkNsAddress } from './nsAddress';
import { checkNullMx } from './nullMx';
import { checkNonTerminalWildcard } from './nonTerminalWildcard';
import { checkNsCname } from './nsCname';
import { checkOutOfZone } from './outOfZone';
import { checkSerialFormat } from './serialFormat';
import { checkSrvCname } from './srvCname';
import { checkSrvNoAddress } from './srvNoAddress';
import { checkTtlMismatch } from './ttlMismatch';
import { checkTargetTypo } from './targetTypo';
import { checkWildcardNs } from './wildcardNs';

export { SemanticsCodes, SemanticsDetails } from './codes';

export interface SemanticsOptions {
  /** The current time, for serials dated in the future. Defaults to the clock. */
  readonly now?: Date;
}

const RULES: ReadonlyArray<(ctx: SemanticContext) => Problem[]> = [
  checkMissingSoa,
  checkMissingNs,
  checkOutOfZone,
  checkDuplicateRecords,
  checkTtlMismatch,
  checkWildcardNs,
  checkNonTerminalWildcard,
  checkDsAtApex,
  checkSerialFormat,
  checkMxCname,
  checkNsCname,
  checkSrvCname,
  checkMxAddress,
  checkNsAddress,
  checkNullMx,
  checkMxNoAddress,
  checkSrvNoAddress,
  checkCnameTargetMissing,
  checkMissingGlue,
  checkDnameOcclusion,
  checkCheckNames,
  checkTargetTypo,
];

/** Semantic problems of a parsed zone, in rule order; never throws on a well-formed Zone. */
export function checkZoneSemantics(zone: Zone, options?: SemanticsOptions): Problem[] {
  const ctx = buildContext(zone, options?.now ?? new Date());
  return RULES.flatMap((rule) => rule(ctx));
}
