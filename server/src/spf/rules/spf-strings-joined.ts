/**
 * Diagnostic: spf-strings-joined — RFC 7208 §3.3: a record published as several
 * character-strings is read as their concatenation, with nothing put between them. A
 * record split by hand as `"v=spf1 include:_spf.google.com" "~all"` reads
 * `…google.com~all`: one broken term, a permerror; `"v=spf1 a:mail.example.com" "mx
 * -all"` reads `a:mail.example.commx`, valid and wrong. Reported where two strings meet
 * when neither side has a space there and a space there would mend a syntax error of
 * the record, or would make what follows the join a mechanism or a modifier of its own
 * without adding an error (a long term split across strings on purpose is valid, and
 * its second part is no term: not reported; nor is a join after a full 255-octet string,
 * where tools cut long records). The quick-fix types the space inside a quoted string,
 * where the 255-octet limit allows.
 */
import type { Problem } from '../../diagnostics/types';
import { SpfCodes, type SpfInsertData } from '../codes';
import { isMechanism, isModifier } from '../ast';
import { parseSpf } from '../parser';
import type { RecordRule } from './context';

const SPACE = 0x20;
const MAX_STRING = 255;
/** The most of each side the message shows. */
const SHOWN = 40;

export const checkStringsJoined: RecordRule = (ctx) => {
  const strings = ctx.rr.rdata.strings;
  const errors = ctx.spf.errors.length;
  if (!strings || strings.length < 2) return [];
  const text = ctx.spf.text;
  const out: Problem[] = [];
  let at = 0;
  for (let k = 0; k + 1 < strings.length; k++) {
    at += strings[k].value.length;
    if (at === 0 || at >= text.length) continue;
    if (text.charCodeAt(at - 1) === SPACE || text.charCodeAt(at) === SPACE) continue;
    // A full first string is where tools cut a long record: the join is meant.
    if (strings[k].value.length >= MAX_STRING) continue;
    if (!mends(text, at, errors)) continue;
    const left = text.slice(text.lastIndexOf(' ', at - 1) + 1, at);
    const nextSpace = text.indexOf(' ', at);
    const right = text.slice(at, nextSpace < 0 ? text.length : nextSpace);
    const span = ctx.spf.spanOf(at - 1, at + 1);
    const fixAt = insertionOffset(strings[k], strings[k + 1]);
    const data: SpfInsertData | undefined = fixAt === undefined ? undefined : { offset: fixAt, text: ' ' };
    out.push({
      code: SpfCodes.stringsJoined.code,
      offset: span.offset,
      length: span.length,
      args: { left: shown(left, true), right: shown(right, false), joined: shown(left, true) + shown(right, false) },
      ...(data ? { data } : {}),
      ...(ctx.rr.file ? { file: ctx.rr.file } : {}),
    });
  }
  return out;
};

/** Whether a space at `at` mends the record: fewer errors, or as many and a term of its own after it. */
function mends(text: string, at: number, errors: number): boolean {
  const spaced = parseSpf(text.slice(0, at) + ' ' + text.slice(at));
  if (spaced.errors.length < errors) return true;
  if (spaced.errors.length > errors) return false;
  const next = spaced.terms.find((t) => t.from === at + 1);
  return next !== undefined && (isMechanism(next) || (isModifier(next) && (next.name === 'redirect' || next.name === 'exp')));
}

/** Where a typed space lands inside a quoted string: the end of the first, else the start of the second. */
function insertionOffset(
  first: { value: string; offsets: readonly number[]; quoted: boolean },
  second: { value: string; offsets: readonly number[]; quoted: boolean },
): number | undefined {
  if (first.quoted && first.value.length < MAX_STRING) return first.offsets[first.value.length];
  if (second.quoted && second.value.length < MAX_STRING) return second.offsets[0];
  return undefined;
}

/** The side of the join next to it, cut to SHOWN octets. */
function shown(text: string, end: boolean): string {
  if (text.length <= SHOWN) return text;
  return end ? '…' + text.slice(-SHOWN) : text.slice(0, SHOWN) + '…';
}
