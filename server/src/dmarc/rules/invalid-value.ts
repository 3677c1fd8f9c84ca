/**
 * Diagnostic: dmarc-invalid-value
 *
 * RFC 9989 §4.7 gives each tag its value syntax (p/sp/np: none, quarantine, reject;
 * adkim/aspf: r or s; fo: 0, 1, d, s; t: y or n; psd: y, n or u). RFC 7489 §6.3 adds
 * pct (0–100), rf (afrf) and ri (seconds) for the tags RFC 9989 removed: their bad
 * values are reported as warnings, since only older receivers read them. A value holding
 * full-width text (p=ｒｅｊｅｃｔ) is left to dmarc-syntax, which names its ASCII and fixes it.
 */
import type { Problem } from '../../diagnostics/types';
import { problemIn, printable } from '../../dkim/records';
import { holdsFullWidth } from '../../zone/lookalike';
import { DmarcCodes } from '../codes';
import { DMARC_REMOVED_TAGS, DMARC_TAGS, runOn } from '../parse';
import type { DmarcContext } from '../context';

const CODE = DmarcCodes.invalidValue.code;

export function checkInvalidValue(ctx: DmarcContext): Problem[] {
  if (!ctx.dmarc.isDmarc) return [];
  const out: Problem[] = [];
  for (const tag of ctx.dmarc.list.tags) {
    const name = tag.name.toLowerCase();
    const current = DMARC_TAGS.get(name);
    const removed = DMARC_REMOVED_TAGS.get(name);
    const rule = typeof current === 'object' ? current : removed;
    if ((!rule && current !== 'uri-list') || runOn(tag)) continue;
    // Full-width text typed in a Japanese input method (p=ｒｅｊｅｃｔ) is dmarc-syntax's, with its fix.
    if (holdsFullWidth(tag.value)) continue;
    const args = { tag: name, value: printable(tag.value) };
    // An empty value: there is nothing to underline, so point at the tag name.
    if (tag.value === '') {
      out.push(problemIn(ctx.txt, CODE, tag.start, tag.end, { ...args, detail: 'dmarc-value-empty' }, removed ? 'warning' : undefined));
    } else if (rule && !rule.valid(tag.value)) {
      out.push(problemIn(ctx.txt, CODE, tag.valueStart, tag.valueEnd, { ...args, detail: rule.detail }, removed ? 'warning' : undefined));
    }
  }
  return out;
}
