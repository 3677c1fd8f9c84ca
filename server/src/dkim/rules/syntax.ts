/**
 * Diagnostic: dkim-syntax
 *
 * RFC 6376 §3.2 (tag lists: `name=value` separated by `;`, a duplicated tag makes
 * the list invalid; values are case-sensitive, so `k=RSA` is a warning) and §3.6.1 (v=
 * first and exactly `DKIM1`; p= required; h=, s= and t= are colon-separated lists of words).
 */
import type { Problem } from '../../diagnostics/types';
import { halfWidthRunAt, holdsLookalikeBlank } from '../../zone/lookalike';
import { problemIn, problemOnText, printable } from '../records';
import type { TagListErrorKind } from '../taglist';
import { DkimCodes } from '../codes';
import { listItems } from '../parse';
import type { DkimContext } from '../context';

const CODE = DkimCodes.syntax.code;
const DETAIL: Record<TagListErrorKind, string> = {
  'empty-tag': 'dkim-empty-tag',
  'missing-equals': 'dkim-missing-equals',
  'bad-name': 'dkim-bad-name',
  'bad-char': 'dkim-bad-char',
  duplicate: 'dkim-duplicate',
};
const WORD = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
/** The key types of RFC 6376 §3.6.1 and RFC 8463. */
const KEY_TYPES = ['rsa', 'ed25519'];

export function checkSyntax(ctx: DkimContext): Problem[] {
  const { txt, key } = ctx;
  const text = txt.text.value;
  const out: Problem[] = [];
  for (const e of key.list.errors) {
    // Full-width text typed in a Japanese input method (`；`, `ｒｓａ`): said so, with its ASCII.
    const wide = e.kind === 'bad-char' ? halfWidthRunAt(text, e.from) : undefined;
    if (wide) {
      out.push(problemIn(txt, CODE, wide.from, wide.to, { detail: 'dkim-fullwidth', text: printable(text.slice(wide.from, wide.to)), ascii: wide.ascii, tag: e.tag ?? '' }));
      continue;
    }
    // A full-width space typed in a Japanese input method: say so, not only "bad name".
    const detail = e.kind !== 'duplicate' && holdsLookalikeBlank(text.slice(e.from, e.to)) ? 'dkim-lookalike-blank' : DETAIL[e.kind];
    out.push(problemIn(txt, CODE, e.from, e.to, { detail, text: printable(text.slice(e.from, e.to)), tag: e.tag ?? '' }));
  }
  const v = key.tag('v');
  if (v && v !== key.list.tags[0]) {
    out.push(problemIn(txt, CODE, v.start, v.end, { detail: 'dkim-version-first' }));
  } else if (v && v.value !== 'DKIM1') {
    out.push(problemIn(txt, CODE, v.valueStart, v.valueEnd, { detail: 'dkim-version-value', found: printable(v.value) }));
  }
  // `k=RSA`: verifiers differ (dkimpy compares as written, OpenDKIM ignores case): a warning.
  const k = key.tag('k');
  if (k && k.value !== k.value.toLowerCase() && KEY_TYPES.includes(k.value.toLowerCase())) {
    out.push(problemIn(txt, CODE, k.valueStart, k.valueEnd, { detail: 'dkim-key-type-case', found: printable(k.value), type: k.value.toLowerCase() }, 'warning'));
  }
  if (!key.tag('p')) out.push(problemOnText(txt, CODE, { detail: 'dkim-missing-p' }));
  for (const name of ['h', 's', 't']) {
    for (const { item, from, to } of listItems(key.tag(name))) {
      if (item === '*' && name === 's') continue;
      if (!WORD.test(item)) {
        // An empty entry has nothing to underline: point at the `:` next to it.
        const tag = key.tag(name)!;
        const range = item !== '' ? [from, to] : from > tag.valueStart ? [from - 1, from] : [to, to + 1];
        out.push(problemIn(txt, CODE, range[0], range[1], { detail: 'dkim-bad-list', tag: name, text: printable(item) }));
      }
    }
  }
  return out;
}
