/**
 * Character-strings (RFC 1035 §3.3 and §5.1): decoding a token's escapes to octets with
 * a map back to source offsets, and printing them as BIND does.
 */
import type { CharString, Token } from '../ast';
import { charString } from '../charString';
import { charOctets } from '../encoding';

export type DecodeResult =
  | { readonly ok: true; readonly value: string; readonly offsets: number[] }
  | { readonly ok: false; /** source offset of the bad escape */ readonly at: number; readonly length: number };

/**
 * Decodes `\DDD` and `\X`; UTF-8 text becomes its octets. `offsets[i]` is the source
 * offset of the char that produced octet i, `offsets[len]` the end of the content.
 */
export function decodeToken(token: Token): DecodeResult {
  const text = token.text;
  const base = token.quoted ? token.offset + 1 : token.offset;
  let value = '';
  const offsets: number[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 0x5c && c < 0x80) {
      // A run of plain ASCII: one slice, not a string and an object per character.
      let j = i + 1;
      while (j < text.length) {
        const d = text.charCodeAt(j);
        if (d === 0x5c || d >= 0x80) break;
        j++;
      }
      value += text.slice(i, j);
      for (let k = i; k < j; k++) offsets.push(base + k);
      i = j;
      continue;
    }
    if (c === 0x5c /* \ */) {
      if (i + 1 >= text.length) return { ok: false, at: base + i, length: 1 };
      const d = text.charCodeAt(i + 1);
      if (d >= 0x30 && d <= 0x39) {
        const digits = text.slice(i + 1, i + 4);
        if (!/^[0-9]{3}$/.test(digits) || Number(digits) > 255) {
          return { ok: false, at: base + i, length: Math.min(4, text.length - i) };
        }
        value += String.fromCharCode(Number(digits));
        offsets.push(base + i);
        i += 4;
        continue;
      }
      const n = appendChar(text, i + 1);
      for (let k = 0; k < n.octets.length; k++) offsets.push(base + i);
      value += n.octets;
      i += 1 + n.width;
      continue;
    }
    const n = appendChar(text, i);
    for (let k = 0; k < n.octets.length; k++) offsets.push(base + i);
    value += n.octets;
    i += n.width;
  }
  offsets.push(base + text.length);
  return { ok: true, value, offsets };
}

function appendChar(text: string, i: number): { octets: string; width: number } {
  const c = text.charCodeAt(i);
  if (c < 0x80) return { octets: text[i], width: 1 };
  const cp = text.codePointAt(i) ?? c;
  return { octets: charOctets(text, i), width: cp > 0xffff ? 2 : 1 };
}

/**
 * Source characters beyond which a token's octets surely exceed RDLENGTH's 65535:
 * no character or escape yields fewer octets than a quarter of its length (`\DDD`).
 */
export const MAX_STRING_TOKEN_CHARS = 4 * 0xffff;

export function toCharString(token: Token, value: string, offsets: number[]): CharString {
  return charString(value, offsets, { offset: token.offset, length: token.length }, token.quoted);
}

/** BIND's text form: quoted; `"` and `\` escaped; octets outside 0x20–0x7e as `\DDD`. */
export function quoteOctets(value: string): string {
  // Pieces joined at the end: `+=` per octet would keep a chain of pieces per string.
  const out: string[] = ['"'];
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const escaped =
      c === 0x22 || c === 0x5c ? '\\' + value[i] : c < 0x20 || c >= 0x7f ? '\\' + String(c).padStart(3, '0') : undefined;
    if (escaped === undefined) continue;
    out.push(value.slice(from, i), escaped);
    from = i + 1;
  }
  out.push(value.slice(from), '"');
  return out.join('');
}
