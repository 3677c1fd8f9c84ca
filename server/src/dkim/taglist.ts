/**
 * The tag=value list of RFC 6376 §3.2, shared by every mail-policy record that
 * borrows it (DKIM keys, DMARC, MTA-STS, TLS-RPT, BIMI). Works on octet indexes
 * of a joined TXT text so callers map findings back with `JoinedText.spanOf`.
 * Never throws: what does not fit the grammar comes back as a `TagListError`.
 */

export interface Tag {
  /** The tag name as written (case kept; DKIM and DMARC names are case-sensitive). */
  readonly name: string;
  readonly value: string;
  /** Octet range of the name. */
  readonly nameStart: number;
  readonly nameEnd: number;
  /** Octet range of the value, whitespace around it excluded (empty value: start === end). */
  readonly valueStart: number;
  readonly valueEnd: number;
  /** Octet range of the whole tag-spec, surrounding whitespace excluded. */
  readonly start: number;
  readonly end: number;
}

export type TagListErrorKind =
  /** `;;` or a list made of nothing: a tag-spec without a name. */
  | 'empty-tag'
  /** A tag-spec without `=`. */
  | 'missing-equals'
  /** A tag name that is not ALPHA *(ALPHA / DIGIT / "_"). */
  | 'bad-name'
  /** A control character or non-ASCII octet in a value. */
  | 'bad-char'
  /** The same tag twice: RFC 6376 §3.2 makes the whole list invalid. */
  | 'duplicate';

export interface TagListError {
  readonly kind: TagListErrorKind;
  /** Octet range the error covers. */
  readonly from: number;
  readonly to: number;
  /** The tag concerned, when there is one. */
  readonly tag?: string;
}

export interface TagList {
  readonly tags: readonly Tag[];
  readonly errors: readonly TagListError[];
  /** First occurrence of each tag, by name as written (lower-cased with `foldCase`). */
  readonly byName: ReadonlyMap<string, Tag>;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export interface TagListOptions {
  /** Which tag names are well formed; RFC 6376's ALPHA *(ALPHA / DIGIT / "_") by default. */
  readonly nameChars?: RegExp;
  /** Compare tag names case-insensitively (DMARC's ABNF names are case-insensitive). */
  readonly foldCase?: boolean;
}

export function parseTagList(text: string, options: TagListOptions = {}): TagList {
  const nameRe = options.nameChars ?? NAME;
  const tags: Tag[] = [];
  const errors: TagListError[] = [];
  const byName = new Map<string, Tag>();
  let segStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text.charCodeAt(i) !== 0x3b /* ; */) continue;
    let s = segStart;
    let e = i;
    segStart = i + 1;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (s === e) {
      // A trailing `;` (or an empty text) is allowed; an empty spec between two `;` is not.
      const atEnd = i === text.length;
      if (!atEnd || text.trim() === '') errors.push({ kind: 'empty-tag', from: Math.min(i, text.length), to: Math.min(i + 1, text.length) });
      continue;
    }
    const eq = text.indexOf('=', s);
    if (eq < 0 || eq >= e) {
      errors.push({ kind: 'missing-equals', from: s, to: e });
      continue;
    }
    let ne = eq;
    while (ne > s && isSpace(text.charCodeAt(ne - 1))) ne--;
    let vs = eq + 1;
    while (vs < e && isSpace(text.charCodeAt(vs))) vs++;
    const name = text.slice(s, ne);
    const value = text.slice(vs, e);
    if (!nameRe.test(name)) {
      errors.push({ kind: 'bad-name', from: s, to: Math.max(ne, s + 1), tag: name });
      continue;
    }
    for (let j = vs; j < e; j++) {
      const c = text.charCodeAt(j);
      if (c > 0x7e || (c < 0x20 && !isSpace(c)) || c === 0x7f) {
        errors.push({ kind: 'bad-char', from: j, to: j + 1, tag: name });
        break;
      }
    }
    const tag: Tag = { name, value, nameStart: s, nameEnd: ne, valueStart: vs, valueEnd: e, start: s, end: e };
    const key = options.foldCase ? name.toLowerCase() : name;
    if (byName.has(key)) errors.push({ kind: 'duplicate', from: s, to: ne, tag: name });
    else byName.set(key, tag);
    tags.push(tag);
  }
  return { tags, errors, byName };
}

/**
 * Splits a value on a separator (`:` for DKIM lists, `,` for URI lists), trimming
 * whitespace, and returns each item with its octet range inside the record.
 */
export function splitValue(tag: Tag, separator: string): { item: string; from: number; to: number }[] {
  const out: { item: string; from: number; to: number }[] = [];
  let start = 0;
  const v = tag.value;
  for (let i = 0; i <= v.length; i++) {
    if (i < v.length && v[i] !== separator) continue;
    let s = start;
    let e = i;
    start = i + 1;
    while (s < e && isSpace(v.charCodeAt(s))) s++;
    while (e > s && isSpace(v.charCodeAt(e - 1))) e--;
    out.push({ item: v.slice(s, e), from: tag.valueStart + s, to: tag.valueStart + e });
  }
  return out;
}
