/**
 * A TXT record's character-strings seen as one text (RFC 7208 §3.3: SPF, DMARC and
 * DKIM records are the concatenation of the strings), with a map back to source offsets.
 */
import type { CharString } from './ast';
import { octetOffset } from './charString';

export interface JoinedText {
  /** The concatenated octets as a binary string (one char per octet). */
  readonly value: string;
  /** Source offset of octet `i` (i may equal value.length: the end of the last string). */
  offsetAt(i: number): number;
  /** Source span [start, end) covering octets [from, to). */
  spanOf(from: number, to: number): { offset: number; length: number };
}

/**
 * `emptyAt`: the source offset of every octet position when there are no strings (a
 * record whose RDATA is missing): where its text would start, so a finding about the empty
 * text points into the record rather than at the start of the file.
 */
export function joinStrings(strings: readonly CharString[], emptyAt = 0): JoinedText {
  return new JoinedStrings(strings, emptyAt);
}

/**
 * A JoinedText with its methods on the prototype and the start of each string kept only
 * when there are several: a zone has a TXT record in ten, each joined by several checks.
 */
export class JoinedStrings implements JoinedText {
  readonly value: string;
  /** Octet index where each string starts; undefined for one string (it starts at 0). */
  private readonly starts: number[] | undefined;

  constructor(
    protected readonly strings: readonly CharString[],
    private readonly emptyAt = 0,
  ) {
    if (strings.length === 1) {
      this.value = strings[0].value;
      this.starts = undefined;
    } else {
      this.value = strings.map((s) => s.value).join('');
      const starts: number[] = [];
      let acc = 0;
      for (const s of strings) {
        starts.push(acc);
        acc += s.value.length;
      }
      this.starts = starts;
    }
  }

  /** Where string k starts in the joined value. */
  protected startOf(k: number): number {
    return this.starts === undefined ? 0 : this.starts[k];
  }

  /** The index of the string holding octet i (an index at a boundary moves on); -1 without strings. */
  private stringAt(i: number): number {
    const strings = this.strings;
    if (strings.length === 0) return -1;
    let lo = 0;
    let hi = strings.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.startOf(mid) <= i) lo = mid;
      else hi = mid - 1;
    }
    while (lo < strings.length - 1 && i - this.startOf(lo) >= strings[lo].value.length) lo++;
    return lo;
  }

  offsetAt(i: number): number {
    const k = this.stringAt(i);
    if (k < 0) return this.emptyAt;
    const s = this.strings[k];
    return octetOffset(s, Math.min(i - this.startOf(k), s.value.length));
  }

  spanOf(from: number, to: number): { offset: number; length: number } {
    const start = this.offsetAt(from);
    if (to <= from) return { offset: start, length: 0 };
    // The end is where the source of the last octet ends: after a whole `\DDD` escape
    // or multi-byte character, not one char past its first character.
    // Octets of one UTF-8 character share a source offset: move past all of them.
    const k = this.stringAt(to - 1);
    let end = start;
    if (k >= 0) {
      const s = this.strings[k];
      const j = Math.min(to - 1 - this.startOf(k), s.value.length);
      let m = Math.min(j + 1, s.value.length);
      const at = octetOffset(s, j);
      while (m < s.value.length && octetOffset(s, m) === at) m++;
      end = octetOffset(s, m);
    }
    return { offset: start, length: Math.max(0, end - start) };
  }
}
