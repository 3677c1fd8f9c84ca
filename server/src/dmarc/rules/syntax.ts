/**
 * Diagnostic: dmarc-syntax
 *
 * RFC 9989 §4.7: the `v` tag must be present, first, and exactly `DMARC1`, or the
 * whole record is ignored; the rest is a tag list (`tag=value` separated by `;`,
 * names of letters only, values of printable ASCII). RFC 6376 §3.2 (whose syntax
 * DMARC borrows) makes a duplicated tag invalid. A value that runs into the next
 * tag (`p=reject rua=…`) is reported here, not as a bad value.
 */
import type { Problem } from '../../diagnostics/types';
import { halfWidthRunAt, holdsLookalikeBlank } from '../../zone/lookalike';
import { problemIn, problemOnText, printable } from '../../dkim/records';
import type { TagListErrorKind } from '../../dkim/taglist';
import { DmarcCodes } from '../codes';
import { looksLikeDmarc, runOn } from '../parse';
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
    if (!looksLikeDmarc(text)) {
      // Beside a valid DMARC record, a stray text is only ignored: a warning.
      return [problemOnText(txt, CODE, { detail: 'dmarc-not-dmarc' }, ctx.besideDmarc ? 'warning' : undefined)];
    }
    const v = dmarc.version;
    const lead = /^[ \t\r\n]+/.exec(text);
    if (lead && v && v.value === 'DMARC1') {
      // ` v=DMARC1; …`: the record must start with the version itself.
      out.push(problemIn(txt, CODE, 0, lead[0].length, { detail: 'dmarc-leading-space' }));
    } else if (v && /^DMARC1[ \t]/i.test(v.value)) {
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
  if (dmarc.isDmarc) {
    for (const tag of dmarc.list.tags.slice(1)) {
      const gap = runOn(tag);
      if (gap) out.push(problemIn(txt, CODE, gap.from, gap.to, { detail: 'dmarc-missing-semicolon', tag: tag.name }));
    }
  }
  for (const e of dmarc.list.errors) {
    // Full-width text typed in a Japanese input method (`；`, `ｒｅｊｅｃｔ`): said so, with its ASCII.
    const wide = e.kind === 'bad-char' ? halfWidthRunAt(text, e.from) : undefined;
    if (wide) {
      out.push(problemIn(txt, CODE, wide.from, wide.to, { detail: 'dmarc-fullwidth', text: printable(text.slice(wide.from, wide.to)), ascii: wide.ascii, tag: e.tag ?? '' }));
      continue;
    }
    const shown = printable(text.slice(e.from, e.to));
    // A full-width space typed in a Japanese input method: say so, not only "bad name".
    const detail = e.kind !== 'duplicate' && holdsLookalikeBlank(text.slice(e.from, e.to)) ? 'dmarc-lookalike-blank' : DETAIL[e.kind];
    out.push(problemIn(txt, CODE, e.from, e.to, { detail, text: shown, tag: e.tag ?? '' }));
  }
  return out;
}
