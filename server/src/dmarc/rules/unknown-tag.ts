/**
 * Diagnostic: dmarc-unknown-tag
 *
 * RFC 9989 §4.7: only the registered tags are processed, unknown tags MUST be
 * ignored. An unknown tag is nearly always a typo (`adkm=`, `policy=`), so the
 * message suggests the nearest real tag.
 */
import type { Problem } from '../../diagnostics/types';
import { problemIn } from '../../dkim/records';
import { DmarcCodes } from '../codes';
import { DMARC_REMOVED_TAGS, DMARC_TAGS } from '../parse';
import type { DmarcContext } from '../context';
import { editDistance } from '../../distance';

const KNOWN = [...DMARC_TAGS.keys(), ...DMARC_REMOVED_TAGS.keys()];

export function checkUnknownTag(ctx: DmarcContext): Problem[] {
  if (!ctx.dmarc.isDmarc) return [];
  const out: Problem[] = [];
  for (const tag of ctx.dmarc.list.tags) {
    const name = tag.name.toLowerCase();
    if (KNOWN.includes(name)) continue;
    const suggest = nearest(name);
    out.push(
      problemIn(ctx.txt, DmarcCodes.unknownTag.code, tag.nameStart, tag.nameEnd, {
        tag: tag.name,
        detail: suggest ? 'dmarc-unknown-hint' : 'dmarc-unknown-plain',
        suggest: suggest ?? '',
      }),
    );
  }
  return out;
}

/** The known tag within edit distance 1 (2 for long names), if exactly one fits best. */
function nearest(name: string): string | undefined {
  let best: string | undefined;
  let bestDistance = name.length >= 5 ? 3 : 2;
  for (const k of KNOWN) {
    const d = editDistance(name, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

