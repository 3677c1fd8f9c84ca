/**
 * DKIM key record checks over a zone (RFC 6376 §3.6.1, RFC 8301, RFC 8463): every
 * TXT record at `<selector>._domainkey.<domain>`.
 */
import type { Problem } from '../diagnostics/types';
import type { Zone } from '../zone/ast';
import { splitLabels } from '../zone/names';
import { txtRecords } from './records';
import { dkimSelector, parseDkimKey } from './parse';
import { decodeDkimKey } from './key';
import type { DkimContext, DkimRule } from './context';
import { checkSyntax } from './rules/syntax';
import { checkInvalidKey } from './rules/invalid-key';
import { checkWeakKey } from './rules/weak-key';
import { checkRevoked } from './rules/revoked';
import { checkTesting } from './rules/testing';
import { checkUnknownTag } from './rules/unknown-tag';
import { checkMultipleRecords } from './rules/multiple-records';
import { checkMissing } from './rules/missing';

export { parseDkimKey, dkimSelector, listItems, DKIM_KEY_TAGS } from './parse';
export type { DkimKeyRecord } from './parse';
export { decodeDkimKey } from './key';
export type { KeyVerdict } from './key';
export { parseTagList, splitValue } from './taglist';
export type { Tag, TagList, TagListError } from './taglist';
export { DkimCodes, DkimDetails } from './codes';

const rules: readonly DkimRule[] = [checkSyntax, checkInvalidKey, checkWeakKey, checkRevoked, checkTesting, checkUnknownTag];

export function checkDkim(zone: Zone): Problem[] {
  const out: Problem[] = [];
  const contexts: DkimContext[] = [];
  for (const txt of txtRecords(zone)) {
    const where = dkimSelector(txt.labels);
    if (!where) continue;
    const key = parseDkimKey(txt.text.value);
    const verdict = key.publicKey ? decodeDkimKey(key.keyType, key.publicKey) : undefined;
    const selector = splitLabels(txt.owner).slice(0, where.at).join('.');
    const ctx: DkimContext = { txt, key, selector, verdict };
    contexts.push(ctx);
    for (const rule of rules) out.push(...rule(ctx));
  }
  out.push(...checkMultipleRecords(contexts), ...checkMissing(zone));
  return out;
}
