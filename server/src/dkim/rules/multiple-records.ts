/**
 * Diagnostic: dkim-multiple-records
 *
 * RFC 6376 §3.6.2.2: TXT records MUST be unique for a selector name; with several
 * in the RRset the result is undefined (verifiers pick one or fail). Identical
 * records are one record in DNS and are not counted twice.
 */
import type { Problem } from '../../diagnostics/types';
import { nameKey } from '../../zone/names';
import { problemOnText, type TxtRecord } from '../records';
import { DkimCodes } from '../codes';
import type { DkimContext } from '../context';

export function checkMultipleRecords(contexts: readonly DkimContext[]): Problem[] {
  const bySelector = new Map<string, Map<string, DkimContext>>();
  for (const ctx of contexts) {
    const key = nameKey(ctx.txt.owner);
    let distinct = bySelector.get(key);
    if (!distinct) bySelector.set(key, (distinct = new Map()));
    if (!distinct.has(ctx.txt.text.value)) distinct.set(ctx.txt.text.value, ctx);
  }
  const out: Problem[] = [];
  for (const distinct of bySelector.values()) {
    if (distinct.size < 2) continue;
    for (const ctx of distinct.values()) out.push(report(ctx.txt, ctx.selector, distinct.size));
  }
  return out;
}

function report(txt: TxtRecord, selector: string, count: number): Problem {
  return problemOnText(txt, DkimCodes.multipleRecords.code, { selector, count });
}
