/**
 * The remaining fixed-layout types: HIP (RFC 8005 §4), IPSECKEY (RFC 4025 §3.1),
 * AMTRELAY (RFC 8777 §4.2), DOA, SINK, EID/NIMLOC, NSAP (RFC 1706 §5), ATMA, A6
 * (RFC 2874 §3.1.1), NAPTR (RFC 3403 §4.1), WKS (RFC 1035 §3.4.2), APL (RFC 3123 §4),
 * DSYNC (RFC 9859).
 */
import { record, type Codec } from './codec';
import type { TextCursor } from './cursor';
import {
  base64Rest,
  charString,
  decodeBase64,
  formatIpv6,
  hexRest,
  name,
  parseIpv4,
  parseIpv6,
  readName,
  readUint,
  rrtype,
  u16,
  u32,
  u8,
  type Field,
} from './fields';
import { dsyncScheme } from './mnemonics';
import { encodeName } from '../names';
import { WireReader, WireWriter, base64, hexLower, hexUpper } from './wire';

/** A gateway/relay whose form depends on a type octet (IPSECKEY, AMTRELAY). */
function readGateway(c: TextCursor, w: WireWriter, type: number, field: string): void {
  const t = c.word(field);
  if (!t) return;
  if (type === 0) {
    if (t.text !== '.') c.report(t, 'rdata-value', { field });
  } else if (type === 1) {
    const v = parseIpv4(t.text);
    if (v) w.bytes(v);
    else c.report(t, 'rdata-ipv4', { field });
  } else if (type === 2) {
    const v = parseIpv6(t.text);
    if (v) w.bytes(v);
    else c.report(t, 'rdata-ipv6', { field });
  } else {
    const labels = readName(c, t, field);
    if (labels) w.labels(labels);
  }
}

function wireGateway(r: WireReader, type: number): string | undefined {
  if (type === 0) return '.';
  if (type === 1) return r.bytes(4)?.join('.');
  if (type === 2) {
    const b = r.bytes(16);
    return b && formatIpv6(b);
  }
  const labels = r.labels();
  return labels && encodeName(labels);
}

const ipseckey: Codec = {
  fromText(c, w) {
    const fields = [u8('precedence'), u8('gatewayType'), u8('algorithm')];
    const values: number[] = [];
    for (const f of fields) {
      const t = c.word(f.name);
      const v = t && readUint(c, t, f.name, 255);
      if (v === undefined) return;
      values.push(v);
      w.u8(v);
    }
    if (values[1] > 3) return c.report(c.tokens[1], 'rdata-value', { field: 'gatewayType' });
    readGateway(c, w, values[1], 'gateway');
    if (!c.hasErrors) base64Rest('publicKey').text(c, w);
  },
  fromWire(r) {
    const precedence = r.u8();
    const gatewayType = r.u8();
    const algorithm = r.u8();
    if (precedence === undefined || gatewayType === undefined || algorithm === undefined || gatewayType > 3) return undefined;
    const gateway = wireGateway(r, gatewayType);
    if (gateway === undefined) return undefined;
    const key = r.rest();
    const text = `${precedence} ${gatewayType} ${algorithm} ${gateway} ${base64(key)}`.trim();
    return { text, fields: { precedence, gatewayType, algorithm, gateway, publicKey: key } };
  },
};

const amtrelay: Codec = {
  fromText(c, w) {
    const pt = c.word('precedence');
    const precedence = pt && readUint(c, pt, 'precedence', 255);
    if (precedence === undefined) return;
    const dt = c.word('discoveryOptional');
    const d = dt && readUint(c, dt, 'discoveryOptional', 1);
    if (d === undefined) return;
    const tt = c.word('relayType');
    const type = tt && readUint(c, tt, 'relayType', 3);
    if (type === undefined) return;
    w.u8(precedence);
    w.u8((d << 7) | type);
    readGateway(c, w, type, 'relay');
  },
  fromWire(r) {
    const start = r.pos;
    const precedence = r.u8();
    const dt = r.u8();
    if (precedence === undefined || dt === undefined) return undefined;
    const type = dt & 0x7f;
    const d = dt >> 7;
    if (type > 3) {
      // BIND has no text form for unknown relay types: it prints the generic form.
      r.pos = start;
      const all = r.rest();
      return { text: `\\# ${all.length} ${hexUpper(all)}`, fields: { precedence, discoveryOptional: d, relayType: type } };
    }
    const relay = wireGateway(r, type);
    if (relay === undefined || !r.atEnd()) return undefined;
    return {
      text: `${precedence} ${d} ${type} ${relay}`,
      fields: { precedence, discoveryOptional: d, relayType: type, relay },
    };
  },
};

/** HIP: the text order (algorithm, HIT, key, servers) differs from the wire order. */
const hip: Codec = {
  fromText(c, w) {
    const at = c.word('algorithm');
    const alg = at && readUint(c, at, 'algorithm', 255);
    if (alg === undefined) return;
    const ht = c.word('hit');
    if (!ht) return;
    if (!/^([0-9a-fA-F]{2}){1,255}$/.test(ht.text)) return c.report(ht, 'rdata-hex', { field: 'hit' });
    const kt = c.word('publicKey');
    if (!kt) return;
    const key = decodeBase64(kt.text);
    if (!key || key.length === 0 || key.length > 0xffff) return c.report(kt, 'rdata-base64', { field: 'publicKey' });
    w.u8(ht.text.length / 2);
    w.u8(alg);
    w.u16(key.length);
    w.bytes(Buffer.from(ht.text, 'hex'));
    w.bytes(key);
    while (!c.atEnd() && !c.hasErrors) name('rendezvousServers').text(c, w);
  },
  fromWire(r) {
    const hitLen = r.u8();
    const alg = r.u8();
    const keyLen = r.u16();
    if (hitLen === undefined || alg === undefined || keyLen === undefined) return undefined;
    const hit = r.bytes(hitLen);
    const key = r.bytes(keyLen);
    if (!hit || !key || hitLen === 0 || keyLen === 0) return undefined;
    const servers: string[] = [];
    while (!r.atEnd()) {
      const labels = r.labels();
      if (!labels) return undefined;
      servers.push(encodeName(labels));
    }
    return {
      text: [String(alg), hexUpper(hit), base64(key), ...servers].join(' '),
      fields: { algorithm: alg, hit, publicKey: key, rendezvousServers: servers },
    };
  },
};

/** DOA data: base64, or `-` for none. */
function doaData(): Field {
  const b64 = base64Rest('data', { emptyText: '-' });
  return {
    name: 'data',
    text(c, w) {
      const t = c.peek();
      if (t && !t.quoted && t.text === '-' && c.tokens.indexOf(t) === c.tokens.length - 1) {
        c.next('data');
        return;
      }
      b64.text(c, w);
    },
    wire: b64.wire,
  };
}

/** NSAP: `0x` then hex digits, dots allowed anywhere after the prefix. */
function nsapAddress(): Field {
  return {
    name: 'address',
    text(c, w) {
      const t = c.word('address');
      if (!t) return;
      const hex = t.text.slice(2).replace(/\./g, '');
      if (!/^0x/i.test(t.text) || !/^([0-9a-fA-F]{2})+$/.test(hex)) return c.report(t, 'rdata-hex', { field: 'address' });
      w.bytes(Buffer.from(hex, 'hex'));
    },
    wire(r) {
      const b = r.rest();
      if (b.length === 0) return undefined;
      const s = '0x' + hexLower(b);
      return { value: s, text: s };
    },
  };
}

/** ATMA: `+digits` (E.164, format 1) or hex digits (AESA, format 0); dots ignored. */
function atmaAddress(): Field {
  return {
    name: 'address',
    text(c, w) {
      const t = c.word('address');
      if (!t) return;
      const plain = t.text.replace(/\./g, '');
      if (plain.startsWith('+') && /^\+[0-9]+$/.test(plain)) {
        w.u8(1);
        w.bytes(plain.slice(1));
      } else if (/^([0-9a-fA-F]{2})+$/.test(plain)) {
        w.u8(0);
        w.bytes(Buffer.from(plain, 'hex'));
      } else c.report(t, 'rdata-value', { field: 'address' });
    },
    wire(r) {
      const format = r.u8();
      const b = r.rest();
      if (format === undefined || b.length === 0) return undefined;
      let s: string;
      if (format === 0) s = hexLower(b);
      else if (format === 1 && /^[0-9]+$/.test(Buffer.from(b).toString('latin1'))) s = '+' + Buffer.from(b).toString('latin1');
      else return undefined;
      return { value: s, text: s };
    },
  };
}

const a6: Codec = {
  fromText(c, w) {
    const pt = c.word('prefixLength');
    const plen = pt && readUint(c, pt, 'prefixLength', 128);
    if (plen === undefined) return;
    w.u8(plen);
    if (plen < 128) {
      const at = c.word('addressSuffix');
      if (!at) return;
      const addr = parseIpv6(at.text);
      if (!addr) return c.report(at, 'rdata-ipv6', { field: 'addressSuffix' });
      const skip = plen >> 3;
      const suffix = addr.slice(skip);
      if (plen & 7) suffix[0] &= 0xff >> (plen & 7);
      w.bytes(suffix);
    }
    if (plen > 0) name('prefixName').text(c, w);
  },
  fromWire(r) {
    const plen = r.u8();
    if (plen === undefined || plen > 128) return undefined;
    const parts = [String(plen)];
    const fields: Record<string, unknown> = { prefixLength: plen };
    if (plen < 128) {
      const octets = 16 - (plen >> 3);
      const b = r.bytes(octets);
      if (!b) return undefined;
      const full = new Uint8Array(16);
      full.set(b, 16 - octets);
      fields.addressSuffix = formatIpv6(full);
      parts.push(formatIpv6(full));
    }
    if (plen > 0) {
      const labels = r.labels();
      if (!labels) return undefined;
      fields.prefixName = encodeName(labels);
      parts.push(encodeName(labels));
    }
    return r.atEnd() ? { text: parts.join(' '), fields } : undefined;
  },
};

/**
 * Service names as BIND's getservbyname(name, "tcp" | "udp") resolves them with Debian's
 * netbase /etc/services: each with its port and the protocols it is listed for (`http`
 * is TCP only, `ntp` UDP only; named-checkzone rejects `udp http` as "unknown service").
 */
const SERVICES: Record<string, readonly [number, 'tcp' | 'udp' | 'both']> = {
  echo: [7, 'both'], discard: [9, 'both'], daytime: [13, 'both'], ftp: [21, 'tcp'], 'ftp-data': [20, 'tcp'],
  ssh: [22, 'tcp'], telnet: [23, 'tcp'], smtp: [25, 'tcp'], time: [37, 'both'], whois: [43, 'tcp'],
  domain: [53, 'both'], tftp: [69, 'udp'], gopher: [70, 'tcp'], finger: [79, 'tcp'], http: [80, 'tcp'],
  www: [80, 'tcp'], kerberos: [88, 'both'], pop3: [110, 'tcp'], sunrpc: [111, 'both'], auth: [113, 'tcp'],
  nntp: [119, 'tcp'], ntp: [123, 'udp'], imap: [143, 'tcp'], snmp: [161, 'both'], bgp: [179, 'tcp'],
  ldap: [389, 'both'], https: [443, 'both'], submission: [587, 'tcp'], imaps: [993, 'tcp'], pop3s: [995, 'tcp'],
};

/** The port of a service name for a protocol number (any protocol but TCP and UDP matches all). */
function servicePort(name: string, proto: number): number | undefined {
  const s = SERVICES[name.toLowerCase()];
  if (s === undefined) return undefined;
  if (s[1] === 'both' || (proto !== 6 && proto !== 17)) return s[0];
  return (proto === 6) === (s[1] === 'tcp') ? s[0] : undefined;
}
const PROTOCOLS: Record<string, number> = { icmp: 1, tcp: 6, udp: 17 };

const wks: Codec = {
  fromText(c, w) {
    const at = c.word('address');
    if (!at) return;
    const addr = parseIpv4(at.text);
    if (!addr) return c.report(at, 'rdata-ipv4', { field: 'address' });
    const pt = c.word('protocol');
    if (!pt) return;
    const proto = PROTOCOLS[pt.text.toLowerCase()] ?? readUint(c, pt, 'protocol', 255);
    if (proto === undefined) return;
    const ports: number[] = [];
    for (const t of c.rest()) {
      const p = servicePort(t.text, proto) ?? (t.quoted ? undefined : readUint(c, t, 'port', 65535));
      if (p === undefined) return;
      ports.push(p);
    }
    w.bytes(addr);
    w.u8(proto);
    const max = Math.max(-1, ...ports);
    const map = new Array<number>(max < 0 ? 0 : (max >> 3) + 1).fill(0);
    for (const p of ports) map[p >> 3] |= 0x80 >> (p & 7);
    w.bytes(map);
  },
  fromWire(r) {
    const addr = r.bytes(4);
    const proto = r.u8();
    if (!addr || proto === undefined) return undefined;
    const map = r.rest();
    const ports: number[] = [];
    for (let i = 0; i < map.length; i++) for (let b = 0; b < 8; b++) if (map[i] & (0x80 >> b)) ports.push(i * 8 + b);
    const address = addr.join('.');
    return { text: [address, String(proto), ...ports.map(String)].join(' '), fields: { address, protocol: proto, ports } };
  },
};

interface AplItem {
  readonly negate: boolean;
  readonly family: number;
  readonly prefix: number;
  readonly address: string;
}

const apl: Codec = {
  fromText(c, w) {
    for (const t of c.rest()) {
      const m = /^(!?)([0-9]+):([^/]+)\/([0-9]+)$/.exec(t.text);
      const family = m ? Number(m[2]) : 0;
      const prefix = m ? Number(m[4]) : 0;
      const addr = !m ? undefined : family === 1 ? parseIpv4(m[3]) : family === 2 ? parseIpv6(m[3]) : undefined;
      if (!m || t.quoted || !addr || prefix > addr.length * 8) return c.report(t, 'rdata-value', { field: 'item' });
      let len = addr.length;
      while (len > 0 && addr[len - 1] === 0) len--;
      w.u16(family);
      w.u8(prefix);
      w.u8((m[1] ? 0x80 : 0) | len);
      w.bytes(addr.slice(0, len));
    }
  },
  fromWire(r) {
    const items: AplItem[] = [];
    while (!r.atEnd()) {
      const family = r.u16();
      const prefix = r.u8();
      const nl = r.u8();
      if (family === undefined || prefix === undefined || nl === undefined) return undefined;
      const size = family === 1 ? 4 : family === 2 ? 16 : 0;
      const len = nl & 0x7f;
      const part = r.bytes(len);
      if (!size || !part || len > size || prefix > size * 8) return undefined;
      const full = new Uint8Array(size);
      full.set(part);
      const address = size === 4 ? full.join('.') : formatIpv6(full);
      items.push({ negate: (nl & 0x80) !== 0, family, prefix, address });
    }
    const text = items.map((i) => `${i.negate ? '!' : ''}${i.family}:${i.address}/${i.prefix}`).join(' ');
    return { text, fields: { items } };
  },
};

/**
 * NAPTR regexp (RFC 3402 §3.2): empty, or `delim ere delim repl delim [i]` with a
 * non-empty ERE and back-references only to groups that exist, as BIND checks.
 */
export function isValidNaptrRegexp(v: string): boolean {
  if (v === '') return true;
  const delim = v[0];
  if (/[0-9\\\0]/.test(delim)) return false;
  let delims = 1;
  let groups = 0;
  let ereLength = 0;
  for (let i = 1; i < v.length; i++) {
    const ch = v[i];
    if (delims === 3) return ch === 'i' && i === v.length - 1;
    if (ch === '\\') {
      const next = v[i + 1];
      if (next === undefined) return false;
      if (delims === 2 && /[0-9]/.test(next) && Number(next) > groups) return false;
      if (delims === 1) ereLength += 2;
      i++;
    } else if (ch === delim) {
      delims++;
      if (delims === 2 && ereLength === 0) return false;
    } else if (delims === 1) {
      ereLength++;
      if (ch === '(') groups++;
    }
  }
  return delims === 3;
}

function naptrRegexp(): Field {
  const base = charString('regexp');
  return {
    name: 'regexp',
    text(c, w) {
      const t = c.peek();
      const before = c.problems.length;
      base.text(c, w);
      const last = c.strings[c.strings.length - 1];
      if (t && c.problems.length === before && !isValidNaptrRegexp(last.value)) c.report(t, 'rdata-value', { field: 'regexp' });
    },
    wire(r) {
      const v = base.wire(r);
      return v && isValidNaptrRegexp(v.value as string) ? v : undefined;
    },
  };
}

export const miscCodecs: ReadonlyArray<readonly [string, Codec]> = [
  ['HIP', hip],
  ['IPSECKEY', ipseckey],
  ['AMTRELAY', amtrelay],
  ['DOA', record(u32('enterprise'), u32('type'), u8('location'), charString('mediaType'), doaData())],
  ['SINK', record(u8('meaning'), u8('coding'), u8('subcoding'), base64Rest('data', { optional: true }))],
  ['EID', record(hexRest('endpoint'))],
  ['NIMLOC', record(hexRest('locator'))],
  ['NSAP', record(nsapAddress())],
  ['ATMA', record(atmaAddress())],
  ['A6', a6],
  [
    'NAPTR',
    record(u16('order'), u16('preference'), charString('flags'), charString('services'), naptrRegexp(), name('replacement')),
  ],
  ['WKS', wks],
  ['APL', apl],
  ['DSYNC', record(rrtype('rrtype'), dsyncScheme(), u16('port'), name('target'))],
];
