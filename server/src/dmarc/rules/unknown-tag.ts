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
    const d = distance(name, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}
