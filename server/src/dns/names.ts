/**
 * Small conversions shared by the resolvers: query names to one canonical key,
 * result names and addresses to the form `RecordData` promises, TXT octets to text.
 */
import ipaddr from 'ipaddr.js';
import { nameKey, parseName } from '../zone/names';
import type { RRType } from './resolver';

/** The absolute canonical form of a query name (trailing dot optional), or undefined if malformed. */
export function absoluteName(name: string): string | undefined {
  const r = parseName(name, '.');
  return r.ok ? r.name : undefined;
}

/** The comparison key of a query name: absolute, ASCII lower-cased. */
export function queryKey(name: string): string | undefined {
  const abs = absoluteName(name);
  return abs === undefined ? undefined : nameKey(abs);
}

/** A name as results carry it: without the trailing dot (the root stays `.`). */
export function resultName(name: string): string {
  return name.length > 1 && name.endsWith('.') ? name.slice(0, -1) : name;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A character-string held as a binary string (one char per octet), as text:
 * decoded as UTF-8 when the octets are valid UTF-8, else left one char per octet.
 */
export function octetsToText(binary: string): string {
  let ascii = true;
  for (let i = 0; i < binary.length; i++) {
    if (binary.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return binary;
  try {
    return utf8.decode(Buffer.from(binary, 'latin1'));
  } catch {
    return binary;
  }
}

/** An address in the form node:dns prints it (IPv6 per RFC 5952); unchanged if unparsable. */
export function normalizeAddress(text: string): string {
  try {
    const addr = ipaddr.parse(text);
    return addr.kind() === 'ipv6' ? (addr as ipaddr.IPv6).toRFC5952String() : addr.toString();
  } catch {
    return text;
  }
}

/** The numeric RR type of each queryable type (IANA registry). */
export const TYPE_CODES: Readonly<Record<RRType, number>> = {
  A: 1,
  NS: 2,
  CNAME: 5,
  PTR: 12,
  MX: 15,
  TXT: 16,
  AAAA: 28,
  SPF: 99,
};
