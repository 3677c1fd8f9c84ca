/**
 * Checks for the mail-policy records next to DMARC and DKIM: MTA-STS (RFC 8461),
 * SMTP TLS Reporting (RFC 8460) and BIMI (draft-brand-indicators-for-message-identification).
 */
import type { Problem } from '../diagnostics/types';
import type { Zone } from '../zone/ast';
import { txtRecords } from '../dkim/records';
import { collectDmarc } from '../dmarc/collect';
import { collectMailPolicy, type PolicyContext } from './collect';
import { checkSyntax } from './rules/syntax';
import { checkMtaStsId } from './rules/mtasts-id';
import { checkMtaStsPolicyHost } from './rules/mtasts-policy-host';
import { checkTlsRptRua } from './rules/tlsrpt-rua';
import { checkBimiLocation } from './rules/bimi-location';
import { checkBimiTags } from './rules/bimi-tags';
import { checkBimiDmarc } from './rules/bimi-dmarc';
import { checkMultipleRecords } from './rules/multiple-records';
import { checkMisplaced } from './rules/misplaced';

export { parseMtaSts, parseTlsRpt, parseBimi, parsePolicyRecord } from './parse';
export type { PolicyRecord } from './parse';
export { MTASTS, TLSRPT, BIMI, KINDS } from './kinds';
export type { RecordKind, KindId } from './kinds';
export { judgeUri } from './uri';
export { MailPolicyCodes, MailPolicyDetails } from './codes';

const recordRules: readonly ((ctx: PolicyContext) => Problem[])[] = [
  checkSyntax,
  checkMtaStsId,
  checkTlsRptRua,
  checkBimiLocation,
  checkBimiTags,
];

export function checkMailPolicy(zone: Zone): Problem[] {
  const txts = txtRecords(zone);
  const view = collectMailPolicy(zone, txts);
  const out: Problem[] = [];
  for (const ctx of view.contexts) for (const rule of recordRules) out.push(...rule(ctx));
  out.push(
    ...checkMultipleRecords(view),
    ...checkMisplaced(view),
    ...checkMtaStsPolicyHost(view),
    ...checkBimiDmarc(view, collectDmarc(zone, txts)),
  );
  return out;
}
