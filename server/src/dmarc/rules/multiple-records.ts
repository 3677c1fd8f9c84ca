/**
 * Diagnostic: dmarc-multiple-records
 *
 * RFC 9989 §4.10 (DNS Tree Walk, step 2): when a `_dmarc` name returns more than
 * one record starting with `v=DMARC1`, receivers discard them all. Identical
 * records are one record in DNS (zone-duplicate-record reports the repetition).
 */
import type { Problem } from '../../diagnostics/types';
import { problemOnText, type TxtRecord } from '../../dkim/records';
import { nameKey } from '../../zone/names';
import { DmarcCodes } from '../codes';
import { display, type DmarcView } from '../collect';

export function checkMultipleRecords(view: DmarcView): Problem[] {
  const byOwner = new Map<string, Map<string, TxtRecord>>();
  for (const ctx of view.contexts) {
    if (ctx.placement !== 'policy' || !ctx.dmarc.isDmarc) continue;
    const key = nameKey(ctx.txt.owner);
    let distinct = byOwner.get(key);
    if (!distinct) byOwner.set(key, (distinct = new Map()));
    if (!distinct.has(ctx.txt.text.value)) distinct.set(ctx.txt.text.value, ctx.txt);
  }
  const out: Problem[] = [];
  for (const distinct of byOwner.values()) {
    if (distinct.size < 2) continue;
    for (const txt of distinct.values()) {
      out.push(problemOnText(txt, DmarcCodes.multipleRecords.code, { name: display(txt.owner), count: distinct.size }));
    }
  }
  return out;
}
