/**
 * Diagnostic: dmarc-syntax
 *
 * RFC 9989 §4.7: the `v` tag must be present, first, and exactly `DMARC1`, or the
 * whole record is ignored; the rest is a tag list (`tag=value` separated by `;`,
 * names of letters only, values of printable ASCII). RFC 6376 §3.2 (whose syntax
 * DMARC borrows) makes a duplicated tag invalid.
 */
import type { Problem } from '../../diagnostics/types';
import { problemIn, problemOnText, printable } from '../../dkim/records';
import type { TagListErrorKind } from '../../dkim/taglist';
import { DmarcCodes } from '../codes';
import { looksLikeDmarc } from '../parse';
import type { DmarcContext } from '../context';

const CODE = DmarcCodes.syntax.code;

const DETAIL: Record<TagListErrorKind, string> = {
  'empty-tag': 'dmarc-empty-tag',
  'missing-equals': 'dmarc-missing-equals',
  'bad-name': 'dmarc-bad-name',
  'bad-char': 'dmarc-bad-char',
  duplicate: 'dmarc-duplicate',
};

export function checkSyntax(ctx: DmarcContext): Problem[] {
  const { txt, dmarc } = ctx;
  const text = txt.text.value;
  const out: Problem[] = [];
  if (!dmarc.isDmarc) {
    if (!looksLikeDmarc(text)) return [problemOnText(txt, CODE, { detail: 'dmarc-not-dmarc' })];
    const v = dmarc.version;
    if (v && /^DMARC1[ \t]/i.test(v.value)) {
      // `v=DMARC1 p=reject`: the `;` after the version is missing.
      out.push(problemIn(txt, CODE, v.valueStart + 6, v.valueEnd, { detail: 'dmarc-version-separator' }));
    } else if (v) {
      out.push(problemIn(txt, CODE, v.valueStart, v.valueEnd, { detail: 'dmarc-version-value', found: printable(v.value) }));
    } else {
      const vTag = dmarc.list.tags.find((t) => t.name.toLowerCase() === 'v');
      const at = vTag ?? dmarc.list.tags[0];
      if (at) out.push(problemIn(txt, CODE, at.start, at.end, { detail: 'dmarc-version-first' }));
      else out.push(problemOnText(txt, CODE, { detail: 'dmarc-version-first' }));
    }
  }
  for (const e of dmarc.list.errors) {
    const shown = printable(text.slice(e.from, e.to));
    out.push(problemIn(txt, CODE, e.from, e.to, { detail: DETAIL[e.kind], text: shown, tag: e.tag ?? '' }));
  }
  return out;
}
