/**
 * Diagnostics: bimi-invalid-value, bimi-unknown-tag
 *
 * BIMI draft §4.3: the tags are v, a, l, lps (`true` or `false`) and avp (`brand`
 * or `personal`); values are matched precisely and unknown tags are ignored.
 */
import type { Problem } from '../../diagnostics/types';
import { problemIn, printable } from '../../dkim/records';
import { MailPolicyCodes } from '../codes';
import type { PolicyContext } from '../collect';

const KEYWORDS: Record<string, readonly string[]> = { lps: ['true', 'false'], avp: ['brand', 'personal'] };
const KNOWN = new Set(['v', 'a', 'l', 'lps', 'avp']);

export function checkBimiTags(ctx: PolicyContext): Problem[] {
  if (ctx.kind.id !== 'bimi' || !ctx.record.isRecord) return [];
  const out: Problem[] = [];
  for (const tag of ctx.record.list.tags) {
    if (!KNOWN.has(tag.name)) {
      out.push(problemIn(ctx.txt, MailPolicyCodes.bimiUnknownTag.code, tag.nameStart, tag.nameEnd, { tag: tag.name }));
      continue;
    }
    const allowed = KEYWORDS[tag.name];
    if (!allowed || allowed.includes(tag.value)) continue;
    const [from, to] = tag.value === '' ? [tag.start, tag.end] : [tag.valueStart, tag.valueEnd];
    out.push(
      problemIn(ctx.txt, MailPolicyCodes.bimiInvalidValue.code, from, to, {
        tag: tag.name,
        value: printable(tag.value),
        allowed: allowed.join(' / '),
      }),
    );
  }
  return out;
}
