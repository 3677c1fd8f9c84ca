/**
 * Field kinds shared by the RDATA codecs: each reads its presentation form into wire
 * octets and prints the wire octets back in BIND 9.18's canonical form.
 */
import ipaddr from 'ipaddr.js';
import type { Token } from '../ast';
import { decodeName, encodeName, parseName } from '../names';
import { unicodeName, unicodeNameProblem } from '../idn';
import { originRepeatedProblem, repeatsOrigin } from '../finalDot';
import { RdataCodes } from './codes';
import type { TextCursor } from './cursor';
import { MAX_STRING_TOKEN_CHARS, decodeToken, quoteOctets, toCharString } from './strings';
import { typeCode, typeName } from './types';
import { WireReader, WireWriter, base64, binary, hexUpper } from './wire';

/** A decoded field: its typed value and its canonical text. */
export interface Shown {
  readonly value: unknown;
  readonly text: string;
}

export interface Field {
  readonly name: string;
  /** Reads the field's tokens into `w`, reporting problems on `c`. */
  text(c: TextCursor, w: WireWriter): void;
  /** Reads the field from wire; undefined when the octets are malformed. */
  wire(r: WireReader): Shown | undefined;
}

/** Parses a decimal integer token (BIND: digits only) within [0, max]. */
export function readUint(c: TextCursor, t: Token, field: string, max: number, min = 0): number | undefined {
  if (/^[0-9]+$/.test(t.text)) {
    const v = Number(t.text);
    if (v >= min && v <= max) return v;
  }
  c.report(t, 'rdata-int', { field, min, max });
  return undefined;
}

function uint(name: string, bytes: 1 | 2 | 4): Field {
  const max = bytes === 1 ? 0xff : bytes === 2 ? 0xffff : 0xffffffff;
  return {
    name,
    text(c, w) {
      const t = c.word(name);
      if (!t) return;
      const v = readUint(c, t, name, max);
      if (v === undefined) return;
      if (bytes === 1) w.u8(v);
      else if (bytes === 2) w.u16(v);
      else w.u32(v);
    },
    wire(r) {
      const v = bytes === 1 ? r.u8() : bytes === 2 ? r.u16() : r.u32();
      return v === undefined ? undefined : { value: v, text: String(v) };
    },
  };
}

export const u8 = (name: string): Field => uint(name, 1);
export const u16 = (name: string): Field => uint(name, 2);
export const u32 = (name: string): Field => uint(name, 4);

/** A TTL-style count of seconds with optional units (`1h30m`), as BIND's dns_ttl_fromtext. */
export function parseTtlText(text: string): number | undefined {
  if (/^[0-9]+$/.test(text)) {
    const v = Number(text);
    return v <= 0xffffffff ? v : undefined;
  }
  const re = /([0-9]+)([wdhms])/giy;
  let total = 0;
  let m: RegExpExecArray | null;
  let consumed = 0;
  const mult: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };
  while ((m = re.exec(text))) {
    total += Number(m[1]) * mult[m[2].toLowerCase()];
    consumed = re.lastIndex;
  }
  if (consumed !== text.length || consumed === 0 || total > 0xffffffff) return undefined;
  return total;
}

/** A 32-bit count of seconds that may use TTL units (SOA refresh, retry, expire, minimum). */
export function seconds(name: string): Field {
  return {
    name,
    text(c, w) {
      const t = c.word(name);
      if (!t) return;
      const v = parseTtlText(t.text);
      if (v === undefined) c.report(t, 'rdata-ttl', { field: name });
      else w.u32(v);
    },
    wire: uint(name, 4).wire,
  };
}

/** Reads a name token relative to the origin into decoded labels. */
export function readName(c: TextCursor, t: Token, field: string): string[] | undefined {
  const res = parseName(t.text, c.ctx.origin);
  if (res.ok) {
    const d = decodeName(res.name);
    if (d.ok) {
      const unicode = c.ctx.warnings && !t.quoted ? unicodeName(t.text) : undefined;
      if (unicode) c.ctx.warnings!.push(unicodeNameProblem(t, res.name, unicode));
      if (c.ctx.warnings && !t.quoted && repeatsOrigin(t.text, c.ctx.origin)) c.ctx.warnings.push(originRepeatedProblem(t, c.ctx.origin));
      return d.labels;
    }
  }
  c.report(t, 'rdata-name', { field });
  return undefined;
}

export function name(fieldName: string): Field {
  return {
    name: fieldName,
    text(c, w) {
      const t = c.word(fieldName);
      if (!t) return;
      const labels = readName(c, t, fieldName);
      if (labels) w.labels(labels);
    },
    wire(r) {
      const labels = r.labels();
      if (!labels) return undefined;
      const n = encodeName(labels);
      return { value: n, text: n };
    },
  };
}

/** Strict dotted quad as inet_pton: four decimal parts, no leading zeros. */
export function parseIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p) || Number(p) > 255) return undefined;
    out.push(Number(p));
  }
  return out;
}

export function parseIpv6(text: string): number[] | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  let hex = text;
  if (text.includes('.')) {
    // An IPv4 tail becomes two groups here: ipaddr.js reads `::a.b.c.d` as IPv4-mapped.
    const colon = text.lastIndexOf(':');
    const v4 = parseIpv4(text.slice(colon + 1));
    if (colon < 0 || !v4) return undefined;
    hex = `${text.slice(0, colon + 1)}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  }
  if (hex.split(':').some((g) => g.length > 4) || !ipaddr.IPv6.isValid(hex)) return undefined;
  return ipaddr.IPv6.parse(hex).toByteArray();
}

/** IPv6 text as BIND prints it (inet_ntop: longest zero run compressed, IPv4 tail kept). */
export function formatIpv6(b: ArrayLike<number>): string {
  const words: number[] = [];
  for (let i = 0; i < 16; i += 2) words.push((b[i] << 8) | b[i + 1]);
  let bestBase = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) {
      bestBase = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestLen < 2) bestBase = -1;
  // Pieces joined at the end (one flat string, not a chain of `+=` pieces).
  const out: string[] = [];
  for (let i = 0; i < 8; i++) {
    if (bestBase !== -1 && i >= bestBase && i < bestBase + bestLen) {
      if (i === bestBase) out.push(':');
      continue;
    }
    if (i !== 0) out.push(':');
    const ipv4Tail =
      i === 6 &&
      bestBase === 0 &&
      (bestLen === 6 || (bestLen === 7 && words[7] !== 0x0001) || (bestLen === 5 && words[5] === 0xffff));
    if (ipv4Tail) {
      out.push(`${b[12]}.${b[13]}.${b[14]}.${b[15]}`);
      return out.join('');
    }
    out.push(words[i].toString(16));
  }
  if (bestBase !== -1 && bestBase + bestLen === 8) out.push(':');
  return out.join('');
}

export function ipv4(fieldName: string): Field {
  return {
    name: fieldName,
    text(c, w) {
      const t = c.word(fieldName);
      if (!t) return;
      const v = parseIpv4(t.text);
      if (!v) c.report(t, 'rdata-ipv4', { field: fieldName });
      else w.bytes(v);
    },
    wire(r) {
      const b = r.bytes(4);
      if (!b) return undefined;
      const s = Array.from(b).join('.');
      return { value: s, text: s };
    },
  };
}

export function ipv6(fieldName: string): Field {
  return {
    name: fieldName,
    text(c, w) {
      const t = c.word(fieldName);
      if (!t) return;
      const v = parseIpv6(t.text);
      if (!v) c.report(t, 'rdata-ipv6', { field: fieldName });
      else w.bytes(v);
    },
    wire(r) {
      const b = r.bytes(16);
      if (!b) return undefined;
      const s = formatIpv6(b);
      return { value: s, text: s };
    },
  };
}

/**
 * Decodes one character-string token, records it on the cursor (for `Rdata.strings`)
 * and writes it length-prefixed. Over 255 octets: `zone-txt-string-too-long`.
 */
export function readCharString(c: TextCursor, t: Token, w: WireWriter): void {
  if (t.text.length > MAX_STRING_TOKEN_CHARS) {
    // Decoding a 100 MB string octet by octet would take minutes and gigabytes.
    c.report(t, 'rdata-wire-too-long');
    return;
  }
  const newline = unescapedNewline(t.text);
  if (newline >= 0) {
    // BIND: "unbalanced quotes"; a line break inside a string must be written \010.
    c.report({ offset: t.offset + 1 + newline, length: 1 }, 'rdata-newline');
    return;
  }
  const d = decodeToken(t);
  if (!d.ok) {
    c.report({ offset: d.at, length: d.length }, 'rdata-escape');
    return;
  }
  // Kept even when too long, so TXT-based checks still see the whole text.
  c.strings.push(toCharString(t, d.value, d.offsets));
  if (d.value.length > 255) {
    c.push({
      code: RdataCodes.txtStringTooLong.code,
      offset: t.offset,
      length: t.length,
      args: { length: d.value.length },
    });
    return;
  }
  w.u8(d.value.length);
  w.bytes(d.value);
}

function unescapedNewline(text: string): number {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '\n') return i;
  }
  return -1;
}

function wireCharString(r: WireReader): string | undefined {
  const len = r.u8();
  if (len === undefined) return undefined;
  const b = r.bytes(len);
  return b ? binary(b) : undefined;
}

export function charString(fieldName: string): Field {
  return {
    name: fieldName,
    text(c, w) {
      const t = c.next(fieldName);
      if (t) readCharString(c, t, w);
    },
    wire(r) {
      const v = wireCharString(r);
      return v === undefined ? undefined : { value: v, text: quoteOctets(v) };
    },
  };
}

/** One or more character-strings to the end of the RDATA (TXT, SPF, NINFO …). */
export function charStrings(fieldName: string, min = 1): Field {
  return {
    name: fieldName,
    text(c, w) {
      if (c.atEnd() && min > 0) c.missing(fieldName);
      for (const t of c.rest()) readCharString(c, t, w);
    },
    wire(r) {
      const out: string[] = [];
      while (!r.atEnd()) {
        const v = wireCharString(r);
        if (v === undefined) return undefined;
        out.push(v);
      }
      if (out.length < min) return undefined;
      return { value: out, text: out.map(quoteOctets).join(' ') };
    },
  };
}

/** Concatenates the remaining tokens (whitespace inside base64/hex is allowed). */
function joinRest(c: TextCursor): { text: string; tokens: Token[] } {
  const tokens = c.rest();
  return { text: tokens.map((t) => t.text).join(''), tokens };
}

function spanOf(tokens: readonly Token[]): { offset: number; length: number } {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  return { offset: first.offset, length: last.offset + last.length - first.offset };
}

/** Strict base64 (RFC 4648 §4) with padding, as BIND's isc_base64_decodestring. */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const b = Buffer.from(text, 'base64');
  if (b.toString('base64') !== text) return undefined;
  return new Uint8Array(b);
}

export function decodeHex(text: string): Uint8Array | undefined {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) return undefined;
  return new Uint8Array(Buffer.from(text, 'hex'));
}

export interface BlobOptions {
  /** Allowed to be absent (zero octets). */
  readonly optional?: boolean;
  /** Printed when the value is empty (e.g. `-`); defaults to nothing. */
  readonly emptyText?: string;
}

/** Binary data written to the end of the RDATA in one text encoding. */
function blobRest(
  fieldName: string,
  opts: BlobOptions,
  decode: (text: string) => Uint8Array | undefined,
  encode: (b: Uint8Array) => string,
  detail: string,
): Field {
  return {
    name: fieldName,
    text(c, w) {
      if (c.atEnd()) {
        if (!opts.optional) c.missing(fieldName);
        return;
      }
      const { text, tokens } = joinRest(c);
      const b = tokens.some((t) => t.quoted) ? undefined : decode(text);
      if (!b) c.report(spanOf(tokens), detail, { field: fieldName });
      else w.bytes(b);
    },
    wire(r) {
      const b = r.rest();
      return { value: b, text: b.length === 0 ? (opts.emptyText ?? '') : encode(b) };
    },
  };
}

/** Base64 to the end of the RDATA (keys, signatures, certificates). */
export function base64Rest(fieldName: string, opts: BlobOptions = {}): Field {
  return blobRest(fieldName, opts, decodeBase64, base64, 'rdata-base64');
}

/** Hex to the end of the RDATA (digests, fingerprints), printed upper-case. */
export function hexRest(fieldName: string, opts: BlobOptions = {}): Field {
  return blobRest(fieldName, opts, decodeHex, hexUpper, 'rdata-hex');
}

/** Reads a type mnemonic or TYPEnnn token. */
export function readType(c: TextCursor, t: Token): number | undefined {
  const v = t.quoted ? undefined : typeCode(t.text);
  if (v === undefined) c.report(t, 'rdata-type', { field: t.text });
  return v;
}

/** A 16-bit RR type written as its mnemonic (RRSIG type covered, DSYNC rrtype). */
export function rrtype(fieldName: string): Field {
  return {
    name: fieldName,
    text(c, w) {
      const t = c.word(fieldName);
      if (!t) return;
      const v = readType(c, t);
      if (v !== undefined) w.u16(v);
    },
    wire(r) {
      const v = r.u16();
      return v === undefined ? undefined : { value: typeName(v), text: typeName(v) };
    },
  };
}
