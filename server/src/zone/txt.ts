/**
 * A TXT record's character-strings seen as one text (RFC 7208 §3.3: SPF, DMARC and
 * DKIM records are the concatenation of the strings), with a map back to source offsets.
 */
import type { CharString } from './ast';

export interface JoinedText {
  /** The concatenated octets as a binary string (one char per octet). */
  readonly value: string;
  /** Source offset of octet `i` (i may equal value.length: the end of the last string). */
  offsetAt(i: number): number;
  /** Source span [start, end) covering octets [from, to). */
  spanOf(from: number, to: number): { offset: number; length: number };
}

export function joinStrings(strings: readonly CharString[]): JoinedText {
  const value = strings.map((s) => s.value).join('');
  const starts: number[] = [];
  let acc = 0;
  for (const s of strings) {
    starts.push(acc);
    acc += s.value.length;
  }
  const locate = (i: number): number => {
    if (strings.length === 0) return 0;
    // Binary search for the string holding octet i.
    let lo = 0;
    let hi = strings.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    // An octet index at a boundary belongs to the next non-empty string.
    while (lo < strings.length - 1 && i - starts[lo] >= strings[lo].value.length) lo++;
    const s = strings[lo];
    return s.offsets[Math.min(i - starts[lo], s.value.length)];
  };
  return {
    value,
    offsetAt: locate,
    spanOf(from, to) {
      const start = locate(from);
      if (to <= from) return { offset: start, length: 0 };
      const end = locate(to - 1) + 1;
      return { offset: start, length: Math.max(0, end - start) };
    },
  };
}
