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
