/**
 * Zone files are octets: BIND reads whatever bytes a file holds, and a file written on a
 * Japanese Windows machine is often Shift_JIS or EUC-JP, not UTF-8. Decoding such a file
 * as UTF-8 turns each bad sequence into U+FFFD and loses the bytes. Files read from disk
 * here keep them instead, as Python's `surrogateescape` does: a byte that is not part of
 * valid UTF-8 becomes the lone surrogate U+DC80–U+DCFF (0xDC00 + the byte), which no
 * valid text holds, and the parser turns it back into that one octet (`escapedOctet`).
 */
import { isUtf8 } from 'node:buffer';

const ESCAPE_BASE = 0xdc00;

/** The file's bytes as text: UTF-8 decoded, every byte outside valid UTF-8 escaped. */
export function decodeZoneBytes(bytes: Uint8Array): string {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buffer)) return buffer.toString('utf8');
  const parts: string[] = [];
  const n = buffer.length;
  let runStart = 0;
  let i = 0;
  while (i < n) {
    const width = validSequence(buffer, i);
    if (width > 0) {
      i += width;
      continue;
    }
    if (i > runStart) parts.push(buffer.toString('utf8', runStart, i));
    parts.push(String.fromCharCode(ESCAPE_BASE + buffer[i]));
    i++;
    runStart = i;
  }
  if (n > runStart) parts.push(buffer.toString('utf8', runStart, n));
  return parts.join('');
}

/**
 * The length of the well-formed UTF-8 sequence at `i` (RFC 3629 §4: no overlong forms,
 * no surrogates, nothing above U+10FFFF), or 0.
 */
function validSequence(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  const n = b.length;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => i + k < n && b[i + k] >= lo && b[i + k] <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** The octet a char escapes (decodeZoneBytes), or -1 for any other char code. */
export function escapedOctet(code: number): number {
  return code >= 0xdc80 && code <= 0xdcff ? code - ESCAPE_BASE : -1;
}

/**
 * The octets a character of zone text stands for, as a binary string: an escaped byte is
 * itself, anything else its UTF-8 (a lone surrogate of another kind, as UTF-8 encoders
 * write it, U+FFFD's). `i` is at the character; a surrogate pair is one character.
 */
export function charOctets(text: string, i: number): string {
  const c = text.charCodeAt(i);
  if (c < 0x80) return text[i];
  const octet = escapedOctet(c);
  if (octet >= 0) return String.fromCharCode(octet);
  return Buffer.from(String.fromCodePoint(text.codePointAt(i) ?? c), 'utf8').toString('latin1');
}
