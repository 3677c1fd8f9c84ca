/**
 * Types made of character-strings (RFC 1035 §3.3.14 TXT, §3.3.2 HINFO; RFC 7208 §3.1
 * SPF; RFC 1183 §3.1 X25, §3.2 ISDN; RFC 1712 GPOS; NINFO, AVC, RESINFO (RFC 9606),
 * WALLET), plus CAA (RFC 8659 §4.1) and URI (RFC 7553 §4.4), whose last field is a
 * quoted string without a length octet.
 */
import { record, type Codec } from './codec';
import { charString, charStrings, readCharString, u16, u8, type Field } from './fields';
import { MAX_STRING_TOKEN_CHARS, decodeToken, quoteOctets, toCharString } from './strings';
import { binary } from './wire';

const strings = record(charStrings('data'));

/** X25: one string of at least four decimal digits (BIND's check). */
function x25Address(): Field {
  const base = charString('address');
  return {
    name: 'address',
    text(c, w) {
      const t = c.next('address');
      if (!t) return;
      const d = t.text.length > MAX_STRING_TOKEN_CHARS ? undefined : decodeToken(t);
      if (d?.ok && !/^[0-9]{4,}$/.test(d.value)) {
        c.report(t, 'rdata-value', { field: 'address' });
        return;
      }
      readCharString(c, t, w);
    },
    wire: base.wire,
  };
}

/** ISDN: an address and an optional subaddress. */
const isdn: Codec = {
  fromText(c, w) {
    const t = c.next('address');
    if (!t) return;
    readCharString(c, t, w);
    const sub = c.peek();
    if (sub && !c.hasErrors) readCharString(c, c.next('subaddress') ?? sub, w);
  },
  fromWire(r) {
    const d = charStrings('data').wire(r);
    if (!d) return undefined;
    const list = d.value as string[];
    if (list.length > 2) return undefined;
    return { text: d.text, fields: { address: list[0], subaddress: list[1] } };
  },
};

/** The rest of the RDATA as raw octets written as one (usually quoted) string. */
function rawString(fieldName: string, mustQuote: boolean): Field {
  return {
    name: fieldName,
    text(c, w) {
      const t = c.next(fieldName);
      if (!t) return;
      if (mustQuote && !t.quoted) {
        c.report(t, 'rdata-value', { field: fieldName });
        return;
      }
      if (t.text.length > MAX_STRING_TOKEN_CHARS) {
        c.report(t, 'rdata-wire-too-long');
        return;
      }
      const d = decodeToken(t);
      if (!d.ok) {
        c.report({ offset: d.at, length: d.length }, 'rdata-escape');
        return;
      }
      c.strings.push(toCharString(t, d.value, d.offsets));
      w.bytes(d.value);
    },
    wire(r) {
      const v = binary(r.rest());
      return { value: v, text: quoteOctets(v) };
    },
  };
}

/** CAA tag: letters and digits only, length-prefixed on the wire. */
function caaTag(): Field {
  return {
    name: 'tag',
    text(c, w) {
      const t = c.word('tag');
      if (!t) return;
      if (!/^[A-Za-z0-9]{1,255}$/.test(t.text)) {
        c.report(t, 'rdata-value', { field: 'tag' });
        return;
      }
      w.u8(t.text.length);
      w.bytes(t.text);
    },
    wire(r) {
      const len = r.u8();
      const b = len ? r.bytes(len) : undefined;
      if (!b) return undefined;
      const v = binary(b);
      return /^[A-Za-z0-9]+$/.test(v) ? { value: v, text: v } : undefined;
    },
  };
}

export const txtCodecs: ReadonlyArray<readonly [string, Codec]> = [
  ['TXT', strings],
  ['SPF', strings],
  ['NINFO', strings],
  ['AVC', strings],
  ['RESINFO', strings],
  ['WALLET', strings],
  ['HINFO', record(charString('cpu'), charString('os'))],
  ['X25', record(x25Address())],
  ['ISDN', isdn],
  ['GPOS', record(charString('longitude'), charString('latitude'), charString('altitude'))],
  ['CAA', record(u8('flags'), caaTag(), rawString('value', false))],
  ['URI', record(u16('priority'), u16('weight'), rawString('target', true))],
];
