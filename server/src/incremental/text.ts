/**
 * What incremental parsing reads: a text it can slice (a string is one), and, when the
 * editor knows it, where the text changed since the last parse.
 */
export interface TextSource {
  readonly length: number;
  slice(from: number, to: number): string;
}

/** Text [start, oldEnd) of the old text is [start, newEnd) of the new; the rest is the same. */
export interface TextChange {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/** `text` with `inserted` put in at `at`: the text after typing it there. */
export function withInsertion(text: TextSource, at: number, inserted: string): TextSource {
  const n = inserted.length;
  const length = text.length + n;
  return {
    length,
    slice(from: number, to: number): string {
      from = Math.max(0, Math.min(from, length));
      to = Math.max(from, Math.min(to, length));
      if (to <= at) return text.slice(from, to);
      if (from >= at + n) return text.slice(from - n, to - n);
      const before = from < at ? text.slice(from, at) : '';
      const after = to > at + n ? text.slice(at, to - n) : '';
      return before + inserted.slice(Math.max(from, at) - at, Math.min(to, at + n) - at) + after;
    },
  };
}
