/**
 * Splitting an over-long character-string (RFC 1035 §3.3: at most 255 octets) into
 * quoted strings of at most 255 octets each, cut only between characters of the
 * source (never inside a `\DDD` escape or a multi-octet UTF-8 character). TXT and SPF
 * consumers read the strings concatenated (RFC 7208 §3.3), so the meaning is kept.
 */
import type { CharString } from '../zone/ast';

const MAX_OCTETS = 255;

/** The string's source text as quoted pieces of at most 255 octets. */
export function splitCharString(text: string, s: CharString): string[] {
  const { value, offsets } = s;
  const pieces: string[] = [];
  let from = 0;
  while (from < value.length) {
    let to = Math.min(from + MAX_OCTETS, value.length);
    // Octets that come from the same source character share an offset: step back to a boundary.
    while (to < value.length && to > from + 1 && offsets[to] === offsets[to - 1]) to--;
    pieces.push('"' + text.slice(offsets[from], offsets[to]) + '"');
    from = to;
  }
  return pieces;
}
