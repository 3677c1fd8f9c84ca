/**
 * Numbers that BIND also reads (and for CERT prints) as mnemonics: DNSSEC algorithms
 * (RFC 4034 App. A.1, IANA), DS digest types (RFC 4509), CERT types (RFC 4398 §2.1),
 * KEY flags (RFC 2535 §3.1.2), DSYNC schemes (RFC 9859).
 */
import type { Token } from '../ast';
import type { TextCursor } from './cursor';
import { readUint, type Field } from './fields';

export const SECALG: Readonly<Record<string, number>> = {
  RSAMD5: 1, DH: 2, DSA: 3, ECC: 4, RSASHA1: 5, NSEC3DSA: 6, NSEC3RSASHA1: 7, RSASHA256: 8,
  RSASHA512: 10, ECCGOST: 12, ECDSAP256SHA256: 13, ECDSAP384SHA384: 14, ED25519: 15, ED448: 16,
  INDIRECT: 252, PRIVATEDNS: 253, PRIVATEOID: 254,
};
export const DSDIGEST: Readonly<Record<string, number>> = { 'SHA-1': 1, 'SHA-256': 2, 'GOST': 3, 'SHA-384': 4 };
export const CERTTYPE: Readonly<Record<string, number>> = {
  PKIX: 1, SPKI: 2, PGP: 3, IPKIX: 4, ISPKI: 5, IPGP: 6, ACPKIX: 7, IACPKIX: 8, URI: 253, OID: 254,
};
export const DSYNCSCHEME: Readonly<Record<string, number>> = { NOTIFY: 1 };
const KEYFLAGS: Readonly<Record<string, number>> = {
  NOCONF: 0x4000, NOAUTH: 0x8000, NOKEY: 0xc000, FLAG2: 0x2000, EXTEND: 0x1000, FLAG4: 0x0800,
  FLAG5: 0x0400, USER: 0x0000, ZONE: 0x0100, HOST: 0x0200, NTYP3: 0x0300, FLAG8: 0x0080,
  REVOKE: 0x0080, FLAG9: 0x0040, FLAG10: 0x0020, FLAG11: 0x0010, KSK: 0x0001,
  ...Object.fromEntries(Array.from({ length: 16 }, (_, n) => [`SIG${n}`, n])),
};

function reverse(table: Readonly<Record<string, number>>): Map<number, string> {
  return new Map(Object.entries(table).map(([k, v]) => [v, k]));
}
const SECALG_NAMES = reverse(SECALG);
const CERTTYPE_NAMES = reverse(CERTTYPE);
const DSYNC_NAMES = reverse(DSYNCSCHEME);

/** A number or a mnemonic from `table` (case-insensitive). */
export function readMnemonic(
  c: TextCursor,
  t: Token,
  field: string,
  table: Readonly<Record<string, number>>,
  max: number,
): number | undefined {
  if (!/^[0-9]+$/.test(t.text)) {
    const v = table[t.text.toUpperCase()];
    if (v !== undefined) return v;
  }
  return readUint(c, t, field, max);
}

function mnemonicField(
  name: string,
  table: Readonly<Record<string, number>>,
  bytes: 1 | 2,
  names?: Map<number, string>,
): Field {
  return {
    name,
    text(c, w) {
      const t = c.word(name);
      if (!t) return;
      const v = readMnemonic(c, t, name, table, bytes === 1 ? 0xff : 0xffff);
      if (v === undefined) return;
      if (bytes === 1) w.u8(v);
      else w.u16(v);
    },
    wire(r) {
      const v = bytes === 1 ? r.u8() : r.u16();
      if (v === undefined) return undefined;
      return { value: v, text: names?.get(v) ?? String(v) };
    },
  };
}

/** DNSSEC algorithm: read as number or mnemonic, printed as a number. */
export const algorithm = (name = 'algorithm'): Field => mnemonicField(name, SECALG, 1);
/** CERT prints the algorithm as its mnemonic when it has one. */
export const certAlgorithm = (): Field => mnemonicField('algorithm', SECALG, 1, SECALG_NAMES);
export const digestType = (): Field => mnemonicField('digestType', DSDIGEST, 1);
export const certType = (): Field => mnemonicField('certType', CERTTYPE, 2, CERTTYPE_NAMES);
export const dsyncScheme = (): Field => mnemonicField('scheme', DSYNCSCHEME, 1, DSYNC_NAMES);

/** KEY/DNSKEY flags: decimal, 0x hex, or mnemonics joined by `|`. */
export function keyFlags(): Field {
  return {
    name: 'flags',
    text(c, w) {
      const t = c.word('flags');
      if (!t) return;
      let v: number | undefined;
      if (/^[0-9]+$/.test(t.text)) v = Number(t.text);
      else if (/^0x[0-9a-f]+$/i.test(t.text)) v = parseInt(t.text.slice(2), 16);
      else {
        v = 0;
        for (const part of t.text.split('|')) {
          const f = KEYFLAGS[part.toUpperCase()];
          if (f === undefined) {
            v = undefined;
            break;
          }
          v |= f;
        }
      }
      if (v === undefined || v > 0xffff) c.report(t, 'rdata-int', { field: 'flags', min: 0, max: 65535 });
      else w.u16(v);
    },
    wire(r) {
      const v = r.u16();
      return v === undefined ? undefined : { value: v, text: String(v) };
    },
  };
}
