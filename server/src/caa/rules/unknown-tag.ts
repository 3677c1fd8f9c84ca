/**
 * caa-unknown-tag — a CAA property tag that is none of the registry's (RFC 8659 §4.1,
 * §7.2; RFC 9495): CAs ignore it, so a misspelt `isssue` restricts nothing; with the
 * Issuer Critical flag (128) they must refuse to issue any certificate for the name
 * (error). Tags are matched without case. A near spelling of a known tag is suggested, and
 * the fix writes it. Records in RFC 3597 form (`\#`) are left alone.
 */
import type { Problem } from '../../diagnostics/types';
import type { ResourceRecord } from '../../zone/ast';
import { editDistance } from '../../distance';
import { CAA_TAGS } from '../value';
import { CaaCodes } from '../codes';
import { problem } from '../../zone/semantics/context';
import { writtenToken } from '../../zone/semantics/targets';

/** The known tag nearest to `tag`, within two edits. */
function suggest(tag: string): string | undefined {
  let best: string | undefined;
  let bestDistance = tag.length <= 5 ? 1 : 2;
  for (const known of CAA_TAGS) {
    const d = editDistance(tag, known);
    if (d <= bestDistance && (best === undefined || d < bestDistance)) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}

export function checkUnknownTag(caa: readonly ResourceRecord[]): Problem[] {
  const out: Problem[] = [];
  for (const r of caa) {
    const tag = r.rdata.fields['tag'];
    const flags = r.rdata.fields['flags'];
    const token = writtenToken(r, 1);
    if (typeof tag !== 'string' || typeof flags !== 'number' || !token || CAA_TAGS.includes(tag.toLowerCase())) continue;
    const guess = suggest(tag.toLowerCase());
    const critical = (flags & 128) !== 0;
    const p = problem(CaaCodes.unknownTag, r, token, {
      tag,
      owner: r.owner.replace(/\.$/, '') || '.',
      detail: critical ? 'caa-tag-critical' : 'caa-tag-ignored',
      ...(guess ? { hintDetail: 'caa-tag-hint', suggest: guess } : { hintDetail: 'caa-tag-plain' }),
    });
    out.push({ ...p, ...(critical ? { severity: 'error' as const } : {}), ...(guess ? { data: { replacement: guess, written: token.text } } : {}) });
  }
  return out;
}
