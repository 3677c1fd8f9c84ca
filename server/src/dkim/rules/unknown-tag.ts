/**
 * Diagnostic: dkim-unknown-tag
 *
 * RFC 6376 §3.6.1: the key record tags are v, h, k, n, p, s and t; unrecognised
 * tags MUST be ignored. Tag names are case-sensitive, so `P=` is not `p=`. The
 * DomainKeys (RFC 4870) leftover `g=` is only information.
 */
import type { Problem } from '../../diagnostics/types';
import { problemIn } from '../records';
import { DkimCodes } from '../codes';
import { DKIM_KEY_TAGS } from '../parse';
import type { DkimContext } from '../context';

const DOMAINKEYS = new Set(['g']);

export function checkUnknownTag(ctx: DkimContext): Problem[] {
  const out: Problem[] = [];
  for (const tag of ctx.key.list.tags) {
    if (DKIM_KEY_TAGS.includes(tag.name)) continue;
    const lower = tag.name.toLowerCase();
    const legacy = DOMAINKEYS.has(tag.name);
    const suggest = DKIM_KEY_TAGS.includes(lower) ? lower : undefined;
    const detail = legacy ? 'dkim-unknown-domainkeys' : suggest ? 'dkim-unknown-hint' : 'dkim-unknown-plain';
    out.push(
      problemIn(ctx.txt, DkimCodes.unknownTag.code, tag.nameStart, tag.nameEnd,
        { tag: tag.name, detail, suggest: suggest ?? '' }, legacy ? 'information' : undefined),
    );
  }
  return out;
}
