/**
 * zone-origin-repeated: a name written without its final dot is relative (RFC 1035 §5.1),
 * so the origin is appended to it. Written as `mail.example.jp` in the example.jp. zone it
 * names `mail.example.jp.example.jp.`, which is never what was meant: the classic slip of a
 * hand-edited zone, and BIND loads it without a word. Found where the name is read (owners,
 * `$ORIGIN`, names in RDATA), where the origin in effect is known.
 *
 * The same slip with a name of another domain (`MX 10 aspmx.l.google.com`, `CNAME
 * ghs.googlehosted.com`) gives a name inside the zone that has no records: the target rules
 * (zone-cname-target-missing, zone-mx-no-address, zone-srv-no-address, zone-missing-glue) say so, and add that
 * the final dot is missing when the name as written ends in a top-level domain
 * (looksOutside: tldts, ICANN section of the public suffix list). A target written with its
 * own origin repeated is left to zone-origin-repeated by them (targetRepeatsOrigin), except an
 * apex name server's, whose missing glue makes BIND refuse the zone.
 */
import { parse as parseDomain } from 'tldts';
import type { Problem } from '../diagnostics/types';
import { ZoneCodes } from './codes';

const DOT = 0x2e;
const BACKSLASH = 0x5c;

/** ASCII lower case of a char code. */
function lower(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
}

/**
 * Whether a name as written is relative and ends with the labels of its own origin (absolute,
 * with its final dot): `mail.example.jp` or `example.jp` under `example.jp.`. Compared without
 * case (RFC 4343); a name written absolute, `@` and anything under the root origin are not.
 */
export function repeatsOrigin(text: string, origin: string): boolean {
  const n = origin.length - 1;
  const len = text.length;
  if (n <= 0 || len < n || text.charCodeAt(len - 1) === DOT) return false;
  if (len > n) {
    // The origin's labels must start a label of the name: after a dot that is not escaped.
    if (text.charCodeAt(len - n - 1) !== DOT) return false;
    if (len - n - 2 >= 0 && text.charCodeAt(len - n - 2) === BACKSLASH) return false;
  }
  for (let i = 0; i < n; i++) if (lower(text.charCodeAt(len - n + i)) !== lower(origin.charCodeAt(i))) return false;
  return true;
}

/**
 * Whether a target read as `name` was written as a name repeating its origin (`MX 10
 * mail.example.jp` under example.jp., read as mail.example.jp.example.jp.): zone-origin-repeated
 * reports that slip where it is read, and the target rules leave it to it (one diagnostic per slip).
 */
export function targetRepeatsOrigin(token: { readonly text: string; readonly quoted: boolean } | undefined, name: string): boolean {
  if (token === undefined || token.quoted) return false;
  const text = token.text;
  if (name.length <= text.length + 1 || name.charCodeAt(text.length) !== DOT || !name.startsWith(text)) return false;
  return repeatsOrigin(text, name.slice(text.length + 1));
}

/** The warning, on the name as written. */
export function originRepeatedProblem(t: { readonly text: string; readonly offset: number; readonly length: number }, origin: string): Problem {
  return {
    code: ZoneCodes.originRepeated.code,
    offset: t.offset,
    length: t.length,
    args: { written: t.text, origin, name: `${t.text}.${origin}`, intended: `${t.text}.` },
  };
}

/**
 * Whether a name written without its final dot reads as a name of the public DNS: two labels
 * or more, the last a top-level domain of the ICANN list (`aspmx.l.google.com`, `www.shop`).
 * Then a target that has no records inside the zone was most likely meant outside it.
 */
export function looksOutside(text: string): boolean {
  const len = text.length;
  if (len === 0 || text === '@' || text.charCodeAt(len - 1) === DOT || text.indexOf('.') < 0 || text.includes('\\')) return false;
  const parsed = parseDomain(text, { allowPrivateDomains: false });
  return parsed.isIcann === true && parsed.domain !== null;
}
