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
  /** The string holding octet i and i's index inside it (an index at a boundary moves on). */
  const find = (i: number): { s: CharString; j: number } | undefined => {
    if (strings.length === 0) return undefined;
    let lo = 0;
    let hi = strings.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    while (lo < strings.length - 1 && i - starts[lo] >= strings[lo].value.length) lo++;
    const s = strings[lo];
    return { s, j: Math.min(i - starts[lo], s.value.length) };
  };
  const locate = (i: number): number => {
    const at = find(i);
    return at ? at.s.offsets[at.j] : 0;
  };
  return {
    value,
    offsetAt: locate,
    spanOf(from, to) {
      const start = locate(from);
      if (to <= from) return { offset: start, length: 0 };
      // The end is where the source of the last octet ends: after a whole `\DDD` escape
      // or multi-byte character, not one char past its first character.
      // Octets of one UTF-8 character share a source offset: move past all of them.
      const last = find(to - 1);
      let end = start;
      if (last) {
        const { s, j } = last;
        let k = Math.min(j + 1, s.value.length);
        while (k < s.value.length && s.offsets[k] === s.offsets[j]) k++;
        end = s.offsets[k];
      }
      return { offset: start, length: Math.max(0, end - start) };
    },
  };
}
