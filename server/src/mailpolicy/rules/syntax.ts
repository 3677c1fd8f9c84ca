/**
 * Diagnostics: mtasts-syntax, tlsrpt-syntax, bimi-syntax
 *
 * RFC 8461 §3.1 and RFC 8460 §3: the record begins with exactly `v=STSv1` /
 * `v=TLSRPTv1` (case-sensitive, no spaces around `=`), then `;`-separated
 * `name=value` fields without spaces; other records at the name are discarded.
 * BIMI draft §4.3: `v=BIMI1` first, DKIM-style tag list, matched precisely.
 */
import type { Problem } from '../../diagnostics/types';
import { problemIn, problemOnText, printable } from '../../dkim/records';
import type { TagListErrorKind } from '../../dkim/taglist';
import type { PolicyContext } from '../collect';

const DETAIL: Record<TagListErrorKind, string> = {
  'empty-tag': 'mailpolicy-empty-tag',
  'missing-equals': 'mailpolicy-missing-equals',
  'bad-name': 'mailpolicy-bad-name',
  'bad-char': 'mailpolicy-bad-char',
  duplicate: 'mailpolicy-duplicate',
};

export function checkSyntax(ctx: PolicyContext): Problem[] {
  const { txt, kind, record } = ctx;
  const code = kind.syntax.code;
  const text = txt.text.value;
  const out: Problem[] = [];
  const version = kind.version;
  if (!record.isRecord) {
    const v = record.version;
    const expectedValue = version.slice(2);
    if (v && v.value.startsWith(expectedValue) && /^[ \t]/.test(v.value.slice(expectedValue.length))) {
      out.push(problemIn(txt, code, v.valueStart + expectedValue.length, v.valueEnd, { detail: 'mailpolicy-version-separator', version }));
    } else if (v ?? record.list.tags.find((t) => t.name.toLowerCase() === 'v')) {
      // A wrong version, or the version not first: point at it.
      const at = v ?? record.list.tags.find((t) => t.name.toLowerCase() === 'v')!;
      out.push(problemIn(txt, code, at.start, at.end, { detail: 'mailpolicy-not-version', version }));
    } else {
      out.push(problemOnText(txt, code, { detail: 'mailpolicy-not-version', version }));
    }
    if (!kind.resembles.test(text)) return out;
  }
  for (const e of record.list.errors) {
    out.push(problemIn(txt, code, e.from, e.to, { detail: DETAIL[e.kind], text: printable(text.slice(e.from, e.to)), tag: e.tag ?? '' }));
  }
  if (kind.spacesAroundEquals || !record.isRecord) return out;
  for (const tag of record.list.tags) {
    if (tag.valueStart - tag.nameEnd > 1) {
      out.push(problemIn(txt, code, tag.nameEnd, tag.valueStart, { detail: 'mailpolicy-space-equals', tag: tag.name }));
    } else if (tag.name !== 'rua' && /[ \t]/.test(tag.value)) {
      out.push(problemIn(txt, code, tag.valueStart, tag.valueEnd, { detail: 'mailpolicy-value-space', tag: tag.name }));
    }
  }
  return out;
}
