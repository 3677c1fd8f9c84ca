/** The DMARC rules that judge one record at a time, in reporting order. */
import type { DmarcRecordRule } from '../context';
import { checkSyntax } from './syntax';
import { checkMissingPolicy } from './missing-policy';
import { checkInvalidValue } from './invalid-value';
import { checkUnknownTag } from './unknown-tag';
import { checkDeprecatedTag } from './deprecated-tag';
import { checkPolicyNone } from './policy-none';
import { checkInvalidUri } from './invalid-uri';

export const recordRules: readonly DmarcRecordRule[] = [
  checkSyntax,
  checkMissingPolicy,
  checkInvalidValue,
  checkUnknownTag,
  checkDeprecatedTag,
  checkPolicyNone,
  checkInvalidUri,
];
