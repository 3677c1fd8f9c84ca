/**
 * An SPF record's text joined from its character-strings (RFC 7208 §3.3), with
 * octet ranges mapped back to the zone text. The start of a range comes from
 * joinStrings; its end is the end of the last octet's source, so an escape such
 * as `\191` or `\"` is covered whole.
 */
import type { CharString } from '../zone/ast';
import { joinStrings, type JoinedText } from '../zone/txt';

export function joinSpfStrings(strings: readonly CharString[]): JoinedText {
  const joined = joinStrings(strings);
  const starts: number[] = [];
  let acc = 0;
  for (const s of strings) {
    starts.push(acc);
    acc += s.value.length;
  }
  /** Source offset just past octet i. */
  const endOf = (i: number): number => {
    for (let k = strings.length - 1; k >= 0; k--) {
      if (starts[k] <= i && i < starts[k] + strings[k].value.length) return strings[k].offsets[i - starts[k] + 1];
    }
    return joined.offsetAt(i) + 1;
  };
  return {
    value: joined.value,
    offsetAt: joined.offsetAt,
    spanOf(from, to) {
      const start = joined.offsetAt(from);
      if (to <= from) return { offset: start, length: 0 };
      return { offset: start, length: Math.max(0, endOf(to - 1) - start) };
    },
  };
}
