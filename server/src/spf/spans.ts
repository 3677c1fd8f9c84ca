/**
 * An SPF record's text joined from its character-strings (RFC 7208 §3.3), with
 * octet ranges mapped back to the zone text. The start of a range comes from
 * joinStrings; its end is the end of the last octet's source, so an escape such
 * as `\191` or `\"` is covered whole.
 */
import type { CharString } from '../zone/ast';
import { octetOffset } from '../zone/charString';
import { JoinedStrings, type JoinedText } from '../zone/txt';

export function joinSpfStrings(strings: readonly CharString[]): JoinedText {
  return new SpfJoinedStrings(strings);
}

class SpfJoinedStrings extends JoinedStrings {
  /** Source offset just past octet i. */
  private endOf(i: number): number {
    const strings = this.strings;
    for (let k = strings.length - 1; k >= 0; k--) {
      const start = this.startOf(k);
      if (start <= i && i < start + strings[k].value.length) return octetOffset(strings[k], i - start + 1);
    }
    return this.offsetAt(i) + 1;
  }

  override spanOf(from: number, to: number): { offset: number; length: number } {
    const start = this.offsetAt(from);
    if (to <= from) return { offset: start, length: 0 };
    return { offset: start, length: Math.max(0, this.endOf(to - 1) - start) };
  }
}
