/**
 * Diagnostics: mtasts-missing-id, mtasts-invalid-id
 *
 * RFC 8461 §3.1: `id=` is required, 1 to 32 letters and digits; senders compare it
 * with their cached value to know when to fetch the policy again.
 */
import type { Problem } from '../../diagnostics/types';
import { problemIn, problemOnText, printable } from '../../dkim/records';
import { MailPolicyCodes } from '../codes';
import type { PolicyContext } from '../collect';

export function checkMtaStsId(ctx: PolicyContext): Problem[] {
  if (ctx.kind.id !== 'mtasts' || !ctx.record.isRecord) return [];
  const id = ctx.record.tag('id');
  if (!id) return [problemOnText(ctx.txt, MailPolicyCodes.mtastsMissingId.code)];
  if (/^[A-Za-z0-9]{1,32}$/.test(id.value)) return [];
  const empty = id.value === '';
  return [
    problemIn(ctx.txt, MailPolicyCodes.mtastsInvalidId.code, empty ? id.start : id.valueStart, id.valueEnd, {
      value: printable(id.value),
    }),
  ];
}
