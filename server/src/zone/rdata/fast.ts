/**
 * Fast paths for the commonest RDATA (A, names, MX, SRV, TXT/SPF) written plainly: they give
 * the same result as the full text → wire → text path without its allocations, and
 * return undefined for anything unusual so the full path handles (and reports) it.
 */
import type { CharString, Rdata, Token } from '../ast';
import { ContiguousString } from '../charString';
import { parseName } from '../names';
import { repeatsOrigin } from '../finalDot';
import { formatIpv6 } from './fields';
import { quoteOctets } from './strings';

/** A dotted quad with no leading zeros, checked by char codes. */
function plainIpv4(s: string): boolean {
  let parts = 0;
  let digits = 0;
  let value = 0;
  let first = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 0x2e;
    if (c === 0x2e) {
      if (digits === 0 || (digits > 1 && first === 0x30) || value > 255) return false;
      parts++;
      digits = 0;
      value = 0;
    } else if (c >= 0x30 && c <= 0x39) {
      if (digits === 0) first = c;
      if (++digits > 3) return false;
      value = value * 10 + (c - 0x30);
    } else return false;
  }
  return parts === 4;
}

/**
 * Reads an IPv6 address of hex groups only (no IPv4 tail): the 16-bit words before the
 * `::` into `head`, those after it into `tail`. False when it is not such an address.
 */
function ipv6Words(s: string, head: number[] | undefined, tail: number[] | undefined): boolean {
  let groups = 0;
  let cur = head;
  let gap = false;
  let i = 0;
  if (s.charCodeAt(0) === 0x3a) {
    if (s.charCodeAt(1) !== 0x3a) return false;
    gap = true;
    cur = tail;
    i = 2;
    if (i === s.length) return true;
  }
  for (;;) {
    let v = 0;
    let digits = 0;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i) | 0x20;
      const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
      if (d < 0) break;
      if (++digits > 4) return false;
      v = (v << 4) | d;
    }
    if (digits === 0) return false;
    groups++;
    cur?.push(v);
    if (i === s.length) break;
    if (s.charCodeAt(i) !== 0x3a) return false;
    i++;
    if (s.charCodeAt(i) === 0x3a) {
      if (gap) return false;
      gap = true;
      cur = tail;
      i++;
      if (i === s.length) break;
    }
  }
  return gap ? groups <= 7 : groups === 8;
}

/** An IPv6 address of hex groups only (no IPv4 tail), as 16 octets; undefined otherwise. */
function plainIpv6(s: string): number[] | undefined {
  const head: number[] = [];
  const tail: number[] = [];
  if (!ipv6Words(s, head, tail)) return undefined;
  const words = head.concat(new Array<number>(8 - head.length - tail.length).fill(0), tail);
  const out: number[] = [];
  for (const w of words) out.push(w >> 8, w & 0xff);
  return out;
}

/**
 * Whether an A or AAAA record's RDATA is one plain address, which fastRdata reads: the
 * parser then checks it without making its RDATA, which is made again when asked for.
 */
export function isPlainAddress(code: number, tokens: readonly Token[]): boolean {
  if (tokens.length !== 1 || tokens[0].quoted) return false;
  if (code === 1) return plainIpv4(tokens[0].text);
  return code === 28 && ipv6Words(tokens[0].text, undefined, undefined);
}

/** A decimal number with at most 5 digits and no sign, or -1. */
function smallUint(s: string): number {
  if (s.length === 0 || s.length > 5) return -1;
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return -1;
    v = v * 10 + (c - 0x30);
  }
  return v;
}

/** A name token with nothing that needs escaping (so its canonical text is parseName's). */
function plainName(t: Token, origin: string): string | undefined {
  if (t.quoted) return undefined;
  const s = t.text;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f || c === 0x5c || c === 0x22 || c === 0x28 || c === 0x29 || c === 0x3b || c === 0x24) return undefined;
  }
  // A name that repeats its origin is warned about on the full path.
  if (repeatsOrigin(s, origin)) return undefined;
  const r = parseName(s, origin);
  return r.ok ? r.name : undefined;
}

/** A character-string of printable ASCII without escapes: octets are the text itself. */
function plainString(t: Token): CharString | undefined {
  const s = t.text;
  if (s.length > 255) return undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c >= 0x7f || c === 0x5c || (!t.quoted && c === 0x22)) return undefined;
  }
  return new ContiguousString(s, t.quoted ? t.offset + 1 : t.offset, { offset: t.offset, length: t.length }, t.quoted);
}

/** RDLENGTH is 16 bits (RFC 1035 §3.2.1). */
export const MAX_RDLENGTH = 0xffff;

/** Types whose RDATA is one name, stored as `fields.target`: NS, CNAME, MB, MG, MR, PTR, DNAME. */
const NAME_TYPES = new Set([2, 5, 7, 8, 9, 12, 39]);

export function fastRdata(code: number, tokens: readonly Token[], origin: string): Rdata | undefined {
  const n = tokens.length;
  if (code === 1) {
    if (n !== 1 || tokens[0].quoted || !plainIpv4(tokens[0].text)) return undefined;
    return { canonical: tokens[0].text, fields: { address: tokens[0].text } };
  }
  if (code === 28) {
    const b = n === 1 && !tokens[0].quoted ? plainIpv6(tokens[0].text) : undefined;
    if (!b) return undefined;
    const address = formatIpv6(b);
    return { canonical: address, fields: { address } };
  }
  if (NAME_TYPES.has(code)) {
    if (n !== 1 || tokens[0].text === '\\#') return undefined;
    const name = plainName(tokens[0], origin);
    // A literal key: a computed one makes each fields object slower to build and larger.
    return name === undefined ? undefined : { canonical: name, fields: { target: name } };
  }
  if (code === 15) {
    if (n !== 2 || tokens[0].quoted) return undefined;
    const pref = smallUint(tokens[0].text);
    const exchange = pref >= 0 && pref <= 0xffff ? plainName(tokens[1], origin) : undefined;
    if (exchange === undefined) return undefined;
    return { canonical: [pref, exchange].join(' '), fields: { preference: pref, exchange } };
  }
  if (code === 33) {
    // SRV (RFC 2782): priority, weight, port, target.
    if (n !== 4 || tokens[0].quoted || tokens[1].quoted || tokens[2].quoted) return undefined;
    const priority = smallUint(tokens[0].text);
    const weight = smallUint(tokens[1].text);
    const port = smallUint(tokens[2].text);
    if (priority < 0 || priority > 0xffff || weight < 0 || weight > 0xffff || port < 0 || port > 0xffff) return undefined;
    const target = plainName(tokens[3], origin);
    if (target === undefined) return undefined;
    // Joined, not a template: a template makes a tree of string pieces kept with every record.
    return { canonical: [priority, weight, port, target].join(' '), fields: { priority, weight, port, target } };
  }
  if (code === 16 || code === 99) {
    if (n === 0 || tokens[0].text === '\\#') return undefined;
    // Of its exact size: a list grown by push keeps 17 slots, for every TXT record of the zone.
    const strings = new Array<CharString>(n);
    let wireLength = 0;
    for (let i = 0; i < n; i++) {
      const s = plainString(tokens[i]);
      if (!s) return undefined;
      strings[i] = s;
      wireLength += 1 + s.value.length;
    }
    // Over RDLENGTH's 16 bits: the full path reports it.
    if (wireLength > MAX_RDLENGTH) return undefined;
    const data = strings.map((s) => s.value);
    return { canonical: data.map(quoteOctets).join(' '), fields: { data }, strings };
  }
  return undefined;
}
