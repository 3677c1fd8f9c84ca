/** From a cursor offset in the zone text to the octet index in a TXT record's joined strings. */
import type { CharString } from '../../zone/ast';

/**
 * The index of the octet under `offset` in the strings joined, or undefined when the
 * cursor is outside every string's content. A cursor just past a string's last octet
 * gives the index after it, so a word at the end of a string is still found.
 */
export function octetAt(strings: readonly CharString[], offset: number): number | undefined {
  let start = 0;
  for (const s of strings) {
    const n = s.value.length;
    if (offset >= s.offsets[0] && offset <= s.offsets[n]) {
      let j = 0;
      while (j < n && s.offsets[j + 1] <= offset) j++;
      return start + j;
    }
    start += n;
  }
  return undefined;
}

/** Whether octet `i` lies in [from, to] (`to` inclusive: a cursor right after the part). */
export function within(i: number, from: number, to: number): boolean {
  return i >= from && i <= to;
}
