/**
 * Diagnostics: mtasts-multiple-records, tlsrpt-multiple-records, bimi-multiple-records
 *
 * RFC 8461 §3.1 and RFC 8460 §3: of the TXT records at the name, those not
 * beginning with the version are discarded; if the number left is not exactly
 * one, there is no policy. BIMI's assertion record is read the same way.
 * Identical records are a single record in DNS and are not counted twice.
 */
import type { Problem } from '../../diagnostics/types';
import { problemOnText, type TxtRecord } from '../../dkim/records';
import { nameKey } from '../../zone/names';
import type { MailPolicyView, PolicyContext } from '../collect';

export function checkMultipleRecords(view: MailPolicyView): Problem[] {
  const groups = new Map<string, Map<string, PolicyContext>>();
  for (const ctx of view.contexts) {
    if (!ctx.record.isRecord) continue;
    const key = ctx.kind.id + ' ' + nameKey(ctx.txt.owner);
    let distinct = groups.get(key);
    if (!distinct) groups.set(key, (distinct = new Map()));
    if (!distinct.has(ctx.txt.text.value)) distinct.set(ctx.txt.text.value, ctx);
  }
  const out: Problem[] = [];
  for (const distinct of groups.values()) {
    if (distinct.size < 2) continue;
    for (const ctx of distinct.values()) out.push(report(ctx, ctx.txt, distinct.size));
  }
  return out;
}

function report(ctx: PolicyContext, txt: TxtRecord, count: number): Problem {
  return problemOnText(txt, ctx.kind.multiple.code, { name: txt.owner.replace(/\.$/, ''), count });
}
