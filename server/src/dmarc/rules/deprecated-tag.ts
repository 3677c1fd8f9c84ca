/**
 * Diagnostic: dmarc-deprecated-tag
 *
 * RFC 9989 removed RFC 7489's pct= (sampling), rf= (failure report format) and
 * ri= (aggregate report interval). Receivers that follow RFC 9989 ignore them;
 * older ones may still read them, so this is information, not a warning.
 */
import type { Problem } from '../../diagnostics/types';
import { problemIn } from '../../dkim/records';
import { DmarcCodes } from '../codes';
import { DMARC_REMOVED_TAGS } from '../parse';
import type { DmarcContext } from '../context';

export function checkDeprecatedTag(ctx: DmarcContext): Problem[] {
  if (!ctx.dmarc.isDmarc) return [];
  const out: Problem[] = [];
  for (const tag of ctx.dmarc.list.tags) {
    const name = tag.name.toLowerCase();
    if (!DMARC_REMOVED_TAGS.has(name)) continue;
    const p = problemIn(ctx.txt, DmarcCodes.deprecatedTag.code, tag.start, tag.end, {
      tag: name,
      detail: `dmarc-deprecated-${name}`,
    });
    // The quick-fix deletes the tag together with its separator.
    out.push({ ...p, data: { removeTag: name } });
  }
  return out;
}
