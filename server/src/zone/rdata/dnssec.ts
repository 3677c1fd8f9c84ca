/**
 * DNSSEC and key-material types: DS/CDS/TA/DLV (RFC 4034 §5.3), DNSKEY/CDNSKEY/RKEY
 * (§2.2), KEY (RFC 2535), RRSIG/SIG (§3.2), NSEC (§4.2), NXT, NSEC3/NSEC3PARAM
 * (RFC 5155 §3.3, §4.3), CSYNC (RFC 7477 §2.1.1), ZONEMD (RFC 8976 §2.3), TLSA/SMIMEA
 * (RFC 6698 §2.2), SSHFP (RFC 4255 §3.2), CERT (RFC 4398 §2.2), DHCID, OPENPGPKEY.
 */
import { record, type Codec } from './codec';
import type { TextCursor } from './cursor';
import { flatBitmap, typeBitmap } from './bitmap';
import { base64Rest, hexRest, name, readType, u16, u32, u8, type Field } from './fields';
import { isKnownType, typeName } from './types';
import { algorithm, certAlgorithm, certType, digestType, keyFlags } from './mnemonics';
import { WireReader, hexUpper } from './wire';

/**
 * Adds BIND's length check on a digest: `expected(fields)` gives the required octet
 * count of `field` (undefined: any). Reported on the tokens from index `from`.
 */
function digestChecked(
  codec: Codec,
  field: string,
  from: number,
  expected: (f: Record<string, unknown>) => number | undefined,
): Codec {
  const ok = (f: Record<string, unknown>): boolean => {
    const want = expected(f);
    const got = (f[field] as Uint8Array | undefined)?.length ?? 0;
    return want === undefined || want === got;
  };
  return {
    fromText(c, w) {
      codec.fromText(c, w);
      if (c.hasErrors) return;
      const d = codec.fromWire(new WireReader(w.toBytes()));
      if (d && !ok(d.fields)) reportFrom(c, from, 'rdata-value', field);
    },
    fromWire(r) {
      const d = codec.fromWire(r);
      return d && ok(d.fields) ? d : undefined;
    },
  };
}

function reportFrom(c: TextCursor, from: number, detail: string, field: string): void {
  const tokens = c.tokens.slice(from);
  if (tokens.length === 0) return c.missing(field);
  const last = tokens[tokens.length - 1];
  c.report({ offset: tokens[0].offset, length: last.offset + last.length - tokens[0].offset }, detail, { field });
}

const DS_DIGEST_LENGTH: Record<number, number> = { 1: 20, 2: 32, 3: 32, 4: 48 };
const ds = digestChecked(
  record(u16('keyTag'), algorithm(), digestType(), hexRest('digest')),
  'digest',
  3,
  (f) => DS_DIGEST_LENGTH[f.digestType as number],
);

const dnskey = record(keyFlags(), u8('protocol'), algorithm(), base64Rest('key'));

/** RKEY (draft-reid-dnsext-rkey): BIND 9.18 takes only flags 0 (else FORMERR). */
const rkey: Codec = {
  fromText(c, w) {
    dnskey.fromText(c, w);
    if (c.hasErrors) return;
    const d = dnskey.fromWire(new WireReader(w.toBytes()));
    if (d && d.fields.flags !== 0) c.report(c.tokens[0], 'rdata-value', { field: 'flags' });
  },
  fromWire: (r) => dnskey.fromWire(r),
};

/**
 * The type covered of RRSIG and SIG (RFC 4034 §3.2, RFC 2535 §4.1): a mnemonic, `TYPEnnn`
 * or, as BIND reads it, a bare number. For SIG BIND prints a type it has no mnemonic for
 * (and 0) as the bare number; for RRSIG as TYPEnnn.
 */
function typeCovered(sig: boolean): Field {
  return {
    name: 'typeCovered',
    text(c, w) {
      const t = c.word('typeCovered');
      if (!t) return;
      const v = !t.quoted && /^[0-9]{1,5}$/.test(t.text) && Number(t.text) <= 0xffff ? Number(t.text) : readType(c, t);
      if (v !== undefined) w.u16(v);
    },
    wire(r) {
      const v = r.u16();
      if (v === undefined) return undefined;
      const text = !sig || (v !== 0 && isKnownType(v)) ? typeName(v) : String(v);
      return { value: typeName(v), text };
    },
  };
}

/**
 * RRSIG times: YYYYMMDDHHmmSS (UTC) or up to 10 digits of seconds since the epoch. SIG
 * (RFC 2535) takes only the first form: BIND 9.18 rejects `SIG … 60241688 …`.
 */
function sigTime(fieldName: string, datesOnly = false): Field {
  return {
    name: fieldName,
    text(c, w) {
      const t = c.word(fieldName);
      if (!t) return;
      const v = datesOnly && t.text.length !== 14 ? undefined : parseSigTime(t.text);
      if (v === undefined) c.report(t, 'rdata-time', { field: fieldName });
      else w.u32(v);
    },
    wire(r) {
      const v = r.u32();
      return v === undefined ? undefined : { value: v, text: formatSigTime(v) };
    },
  };
}

export function parseSigTime(text: string): number | undefined {
  if (/^[0-9]{1,10}$/.test(text)) {
    const v = Number(text);
    return v <= 0xffffffff ? v : undefined;
  }
  const m = /^([0-9]{4})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  if (y < 1970 || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 60) return undefined;
  return (ms / 1000) % 0x100000000;
}

/** As BIND's dns_time32_totext: the 32-bit value placed in the epoch nearest "now". */
export function formatSigTime(v: number, now = Math.floor(Date.now() / 1000)): string {
  const now32 = now % 0x100000000;
  let t = v;
  const after = v !== now32 && ((v > now32 && v - now32 < 0x80000000) || (v < now32 && now32 - v > 0x80000000));
  if (after) while (t < now) t += 0x100000000;
  else while (t > now) t -= 0x100000000;
  const d = new Date(t * 1000);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

function signature(datesOnly: boolean): Codec {
  return record(
    typeCovered(datesOnly),
    algorithm(),
    u8('labels'),
    u32('originalTtl'),
    sigTime('expiration', datesOnly),
    sigTime('inception', datesOnly),
    u16('keyTag'),
    name('signersName'),
    base64Rest('signature'),
  );
}
/**
 * RRSIG (RFC 4034 §3.1.7). The signer should be the owner or one of its ancestors, so
 * with no more labels than the Labels field counts. Earlier 9.18 releases of BIND
 * rejected more ("out of range"); 9.18.49 (Debian bookworm's, 2026) loads such a record
 * (a validator finds it bogus), and so do we.
 */
const rrsig: Codec = signature(false);

/** NSEC3 salt: `-` for none, else hex; length-prefixed. */
function salt(): Field {
  return {
    name: 'salt',
    text(c, w) {
      const t = c.word('salt');
      if (!t) return;
      if (t.text === '-') return w.u8(0);
      if (t.text.length > 510 || !/^([0-9a-fA-F]{2})+$/.test(t.text)) {
        c.report(t, 'rdata-hex', { field: 'salt' });
        return;
      }
      w.u8(t.text.length / 2);
      w.bytes(Buffer.from(t.text, 'hex'));
    },
    wire(r) {
      const len = r.u8();
      const b = len === undefined ? undefined : r.bytes(len);
      if (!b) return undefined;
      return { value: b, text: b.length ? hexUpper(b) : '-' };
    },
  };
}

const B32 = '0123456789ABCDEFGHIJKLMNOPQRSTUV';

/** Base32hex without padding (RFC 4648 §7), as NSEC3 next hashed owner names use. */
export function decodeBase32Hex(text: string): Uint8Array | undefined {
  const out: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const ch of text.toUpperCase()) {
    const v = B32.indexOf(ch);
    if (v < 0) return undefined;
    acc = (acc << 5) | v;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  if (bits >= 5 || (acc & ((1 << bits) - 1)) !== 0) return undefined;
  return Uint8Array.from(out);
}

export function encodeBase32Hex(b: Uint8Array): string {
  let out = '';
  let bits = 0;
  let acc = 0;
  for (const octet of b) {
    acc = ((acc << 8) | octet) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += B32[(acc >> bits) & 31];
    }
  }
  if (bits > 0) out += B32[(acc << (5 - bits)) & 31];
  return out;
}

function nextHashed(): Field {
  return {
    name: 'nextHashedOwner',
    text(c, w) {
      const t = c.word('nextHashedOwner');
      if (!t) return;
      const b = decodeBase32Hex(t.text);
      if (!b || b.length === 0 || b.length > 255) {
        c.report(t, 'rdata-base32', { field: 'nextHashedOwner' });
        return;
      }
      w.u8(b.length);
      w.bytes(b);
    },
    wire(r) {
      const len = r.u8();
      const b = len ? r.bytes(len) : undefined;
      if (!b) return undefined;
      const s = encodeBase32Hex(b);
      return { value: s, text: s };
    },
  };
}

const nsec3Fields = record(u8('hashAlgorithm'), u8('flags'), u16('iterations'), salt(), nextHashed(), typeBitmap('types', { allowEmpty: true }));

/** NSEC3 with SHA-1 (RFC 5155 §3.2): BIND takes a next hashed owner of 20 octets only ("out of range"). */
const nsec3: Codec = {
  fromText(c, w) {
    nsec3Fields.fromText(c, w);
    if (c.hasErrors) return;
    const d = nsec3Fields.fromWire(new WireReader(w.toBytes()));
    const next = d?.fields.nextHashedOwner;
    if (d?.fields.hashAlgorithm === 1 && typeof next === 'string' && decodeBase32Hex(next)?.length !== 20) {
      c.report(c.tokens[4] ?? c.tokens[0], 'rdata-value', { field: 'nextHashedOwner' });
    }
  },
  fromWire: (r) => nsec3Fields.fromWire(r),
};

const ZONEMD_LENGTH: Record<number, number> = { 1: 48, 2: 64 };
const zonemd = digestChecked(
  record(u32('serial'), u8('scheme'), u8('hashAlgorithm'), hexRest('digest')),
  'digest',
  3,
  // BIND checks the length by hash algorithm whatever the scheme.
  (f) => ZONEMD_LENGTH[f.hashAlgorithm as number] ?? ((f.digest as Uint8Array).length < 12 ? 12 : undefined),
);

const SSHFP_LENGTH: Record<number, number> = { 1: 20, 2: 32 };
const tlsa = record(u8('usage'), u8('selector'), u8('matchingType'), hexRest('certificate'));

export const dnssecCodecs: ReadonlyArray<readonly [string, Codec]> = [
  ['DS', ds],
  ['CDS', ds],
  ['TA', ds],
  ['DLV', ds],
  ['DNSKEY', dnskey],
  ['CDNSKEY', dnskey],
  ['RKEY', rkey],
  ['KEY', record(keyFlags(), u8('protocol'), algorithm(), base64Rest('key', { optional: true }))],
  ['RRSIG', rrsig],
  ['SIG', signature(true)],
  ['NSEC', record(name('nextDomain'), typeBitmap('types', { allowEmpty: false }))],
  ['NXT', record(name('nextDomain'), flatBitmap('types'))],
  [
    'NSEC3',
    nsec3,
  ],
  ['NSEC3PARAM', record(u8('hashAlgorithm'), u8('flags'), u16('iterations'), salt())],
  ['CSYNC', record(u32('serial'), u16('flags'), typeBitmap('types', { allowEmpty: true }))],
  ['ZONEMD', zonemd],
  ['TLSA', tlsa],
  ['SMIMEA', tlsa],
  [
    'SSHFP',
    digestChecked(record(u8('algorithm'), u8('hashType'), hexRest('fingerprint')), 'fingerprint', 2, (f) =>
      SSHFP_LENGTH[f.hashType as number],
    ),
  ],
  ['CERT', record(certType(), u16('keyTag'), certAlgorithm(), base64Rest('certificate'))],
  ['DHCID', record(base64Rest('data'))],
  ['OPENPGPKEY', record(base64Rest('key'))],
  ['HHIT', record(base64Rest('data'))],
  ['BRID', record(base64Rest('data'))],
];
