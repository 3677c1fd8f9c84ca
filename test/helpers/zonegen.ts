/**
 * Random zone files for the differential test against BIND's `named-checkzone`
 * (issue 2): every RR type the RDATA codecs know with random field values in their
 * various spellings, every directive form, owner inheritance, TTL/class orders and
 * units, parentheses and comments, escapes in names and strings, RFC 3597 forms,
 * CRLF and tabs. A zone is a list of statements so a disagreement can be shrunk to the
 * statements that cause it; with `invalid`, one statement is deliberately wrong.
 */

/** A seeded PRNG (mulberry32): the same seed makes the same zone. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  hex(octets: number): string {
    let s = '';
    for (let i = 0; i < octets; i++) s += this.int(0, 255).toString(16).padStart(2, '0');
    return this.chance(0.5) ? s.toUpperCase() : s;
  }
  base64(octets: number): string {
    const bytes = new Uint8Array(octets);
    for (let i = 0; i < octets; i++) bytes[i] = this.int(0, 255);
    return Buffer.from(bytes).toString('base64');
  }
}

/** One statement of a zone: a record or a directive, possibly over several lines. */
export interface Statement {
  readonly text: string;
  /** What the statement exercises (the category of a disagreement it causes). */
  readonly tag: string;
  /** Files this statement needs beside the zone ($INCLUDE targets). */
  readonly files?: Readonly<Record<string, string>>;
}

export interface GeneratedZone {
  readonly origin: string;
  readonly statements: readonly Statement[];
  /** Line ending: '\n', '\r\n', or 'mixed' (each line one of those or a lone '\r'). */
  readonly eol: string;
}

/** The zone file's text and its side files. */
export function renderZone(z: GeneratedZone, rng = new Rng(1)): { text: string; files: Record<string, string> } {
  const files: Record<string, string> = {};
  let text = '';
  for (const s of z.statements) {
    Object.assign(files, s.files ?? {});
    for (const line of s.text.split('\n')) {
      // Mixed: a carriage return alone too, which BIND reads as a line end.
      const eol = z.eol === 'mixed' ? rng.pick(['\r\n', '\n', '\r']) : z.eol;
      text += line + eol;
    }
  }
  return { text, files };
}

const LABELS = ['www', 'mail', 'a', 'b', 'host-1', 'x_y', '_tcp', '_sip', 'xn--caf-dma', 'Mixed', 'UP', '0', '123', 'a-b-c'];

class Gen {
  private readonly statements: Statement[] = [];
  /** Names the zone uses, relative to the zone origin, without CNAME/DNAME. */
  private readonly pool: string[] = ['', 'ns', 'www', 'mail'];
  private unique = 0;
  /** The current $ORIGIN relative to the zone origin ('' at the apex), or undefined if outside. */
  private rel: string | undefined = '';
  private lastOwnerRel: string | undefined = undefined;

  constructor(
    readonly r: Rng,
    readonly origin: string,
  ) {}

  // ---- names ---------------------------------------------------------------

  /** A label with optional escapes (never `.`-splitting unless escaped). */
  label(): string {
    const r = this.r;
    const k = r.int(0, 20);
    if (k < 12) return caseMix(r, r.pick(LABELS));
    if (k === 12) return 'a'.repeat(r.int(50, 63));
    if (k === 13) return 'x\\' + r.pick(['.', '@', '$', '(', ')', ';', '"', '\\', ' ']) + 'y';
    if (k === 14) return 'e\\' + String(r.int(0, 255)).padStart(3, '0');
    if (k === 15) return '\\' + r.pick(['a', 'B', '0', '-', '*']) + 'z';
    if (k === 16) return 'u' + r.int(0, 9999);
    if (k === 17) return '\\032sp';
    if (k === 18) return caseMix(r, 'LongLabel' + 'q'.repeat(r.int(20, 54)));
    return r.pick(['h2', 'x', 'y', 'z']);
  }

  /** A relative name (one to three labels). */
  relName(): string {
    const n = this.r.int(1, 3);
    const labels: string[] = [];
    for (let i = 0; i < n; i++) labels.push(this.label());
    return labels.join('.');
  }

  /** How a name relative to the zone origin is written at the current $ORIGIN. */
  write(rel: string): string {
    const r = this.r;
    const abs = rel === '' ? this.origin : `${rel}.${this.origin}`;
    if (this.rel === '' ) {
      if (rel === '' ) return r.chance(0.6) ? '@' : caseMix(r, this.origin);
      return r.chance(0.7) ? rel : caseMix(r, abs);
    }
    if (this.rel !== undefined && rel.endsWith('.' + this.rel)) {
      return r.chance(0.7) ? rel.slice(0, rel.length - this.rel.length - 1) : abs;
    }
    if (rel === this.rel && r.chance(0.5)) return '@';
    return abs;
  }

  /** A target name for RDATA: in-zone (pool), out-of-zone absolute, root, or relative. */
  target(): string {
    const r = this.r;
    const k = r.int(0, 9);
    if (k < 4) return this.write(r.pick(this.pool));
    if (k < 6) return caseMix(r, `${this.relName()}.example.net.`);
    if (k === 6) return '.';
    if (k === 7 && this.rel !== undefined) return this.relName();
    return r.pick(['ns', 'ns.' + this.origin, '@', 'a.root-servers.net.']);
  }

  /** A base32hex label (an NSEC3 hash): 32 characters, or another valid length. */
  hashLabel(): string {
    const r = this.r;
    const b32 = [...'0123456789abcdefghijklmnopqrstuv'];
    let h = '';
    for (let i = r.pick([32, 32, 16, 8, 2, 4, 5, 7, 3, 1]); i > 0; i--) h += r.pick(b32);
    return r.chance(0.5) ? h.toUpperCase() : h;
  }

  // ---- fields --------------------------------------------------------------

  ttl(): string {
    const r = this.r;
    const k = r.int(0, 9);
    if (k < 4) return String(r.pick([0, 1, 60, 300, 3600, 86400, 2147483647, r.int(0, 1e6)]));
    if (k < 8) {
      const units = ['s', 'm', 'h', 'd', 'w', 'S', 'M', 'H', 'D', 'W'];
      let t = '';
      for (let i = r.int(1, 3); i > 0; i--) t += r.int(0, 99) + r.pick(units);
      return t;
    }
    return String(r.int(1, 99999));
  }

  ipv4(): string {
    const r = this.r;
    return [r.int(0, 255), r.int(0, 255), r.int(0, 255), r.int(0, 255)].join('.');
  }

  ipv6(): string {
    const r = this.r;
    const groups: number[] = [];
    for (let i = 0; i < 8; i++) groups.push(r.chance(0.4) ? 0 : r.int(0, 0xffff));
    const k = r.int(0, 5);
    if (k === 0) return '::' + (r.chance(0.5) ? '' : r.int(0, 0xffff).toString(16));
    if (k === 1) return `::ffff:${this.ipv4()}`;
    const full = groups.map((g) => (r.chance(0.2) ? g.toString(16).padStart(4, '0') : g.toString(16)));
    if (k === 2) return caseMix(r, full.join(':'));
    const a = r.int(0, 6);
    const b = r.int(a + 1, 8);
    const text = full.slice(0, a).join(':') + '::' + full.slice(b).join(':');
    return k === 3 ? text.toUpperCase() : text;
  }

  /** A character-string, quoted or not, with escapes. */
  str(maxLen = 40): string {
    const r = this.r;
    const len = r.int(0, maxLen);
    const quoted = r.chance(0.7);
    let s = '';
    for (let i = 0; i < len; i++) {
      const k = r.int(0, 24);
      if (k < 14) s += r.pick([...'abcXYZ019-_=:/.@$*+!~,']);
      else if (k === 14) s += '\\' + String(r.int(0, 255)).padStart(3, '0');
      else if (k === 15) s += '\\' + r.pick([...'aZ9.@$ ;()"\\']);
      else if (k === 16) s += quoted ? r.pick([' ', ';', '(', ')', '\t']) : '\\;';
      else if (k === 17) s += quoted ? '\\"' : '\\"';
      else if (k === 18) s += 'é';
      else if (k === 19) s += quoted ? ' ' : '\\ ';
      else s += r.pick([...'kLmN']);
    }
    if (!quoted && s === '') s = 'x';
    return quoted ? `"${s}"` : s;
  }

  // ---- RDATA per type -------------------------------------------------------

  rdata(type: string): string {
    const r = this.r;
    const u8 = () => String(r.int(0, 255));
    const u16 = () => String(r.chance(0.2) ? r.pick([0, 65535]) : r.int(0, 65535));
    const u32 = () => String(r.chance(0.2) ? r.pick([0, 4294967295]) : r.int(0, 4294967295));
    const b64 = (lo = 1, hi = 40) => {
      const s = r.base64(r.int(lo, hi));
      if (s.length > 8 && r.chance(0.3)) return s.slice(0, 8) + ' ' + s.slice(8);
      return s;
    };
    const hex = (n: number) => {
      const h = r.hex(n);
      return h.length > 8 && r.chance(0.3) ? h.slice(0, 8) + ' ' + h.slice(8) : h;
    };
    const types = () => {
      const all = ['A', 'NS', 'SOA', 'MX', 'TXT', 'AAAA', 'RRSIG', 'NSEC', 'DNSKEY', 'CAA', 'HTTPS', 'TYPE1234', 'type65534', 'SRV', 'NSEC3PARAM'];
      const n = r.int(0, 5);
      const out: string[] = [];
      for (let i = 0; i < n; i++) out.push(caseMix(r, r.pick(all)));
      return out.join(' ');
    };
    switch (type) {
      case 'A':
        return this.ipv4();
      case 'AAAA':
        return this.ipv6();
      case 'NS': case 'CNAME': case 'DNAME': case 'PTR': case 'MB': case 'MG': case 'MR': case 'NSAP-PTR':
        return this.target();
      case 'MX': case 'AFSDB': case 'RT': case 'KX': case 'LP':
        return `${u16()} ${this.target()}`;
      case 'PX':
        return `${u16()} ${this.target()} ${this.target()}`;
      case 'SRV':
        return `${u16()} ${u16()} ${u16()} ${this.target()}`;
      case 'MINFO': case 'RP': case 'TALINK':
        return `${this.target()} ${this.target()}`;
      case 'TXT': case 'SPF': case 'AVC': case 'RESINFO': {
        const n = r.int(1, 4);
        const out: string[] = [];
        for (let i = 0; i < n; i++) out.push(this.str());
        return out.join(r.pick([' ', '  ', '\t']));
      }
      case 'NINFO':
        return this.str();
      case 'WALLET':
        return `${r.pick(['BTC', '"ETH"'])} ${this.str()}`;
      case 'HINFO':
        return `${this.str(10)} ${this.str(10)}`;
      case 'X25':
        return String(r.int(1000, 99999999));
      case 'ISDN':
        return r.chance(0.5) ? `"${r.int(1e5, 1e9)}"` : `${r.int(1e5, 1e9)} ${r.int(1, 999)}`;
      case 'GPOS':
        return `${(r.next() * 180 - 90).toFixed(4)} ${(r.next() * 360 - 180).toFixed(3)} ${r.int(0, 9999)}.${r.int(0, 9)}`;
      case 'WKS':
        return `${this.ipv4()} ${r.pick(['6', '17', 'TCP', 'udp'])} ${[r.pick(['smtp', 'http', 'domain', '80']), r.int(0, 1023)].join(' ')}`;
      case 'NAPTR':
        return `${u16()} ${u16()} "${r.pick(['S', 'A', 'U', 'p', ''])}" "${r.pick(['SIP+D2U', 'E2U+sip', ''])}" "${r.pick(['', '!^.*$!sip:info@example.com!', '!^(.*)$!\\\\1!i'])}" ${r.chance(0.5) ? '.' : this.target()}`;
      case 'CAA':
        return `${r.pick(['0', '128', '1'])} ${r.pick(['issue', 'issuewild', 'iodef', 'Issue', 'tbs'])} ${r.chance(0.8) ? '"' + r.pick(['letsencrypt.org', 'ca.example; account=1', '', 'mailto:a@b']) + '"' : 'ca.example'}`;
      case 'URI':
        return `${u16()} ${u16()} "${r.pick(['ftp://x.example/', 'https://a b', ''])}"`;
      case 'DS': case 'CDS': case 'TA': case 'DLV': {
        const dt = r.pick([1, 2, 4, 3, 99]);
        const len = dt === 1 ? 20 : dt === 2 || dt === 3 ? 32 : dt === 4 ? 48 : r.int(1, 20);
        return `${u16()} ${r.pick(['8', '13', 'RSASHA256', 'ECDSAP256SHA256', '253'])} ${dt === 1 && r.chance(0.3) ? 'SHA-1' : dt} ${hex(len)}`;
      }
      case 'DNSKEY': case 'CDNSKEY': case 'RKEY':
        return `${r.pick(['256', '257', '0', '65535'])} ${r.pick(['3', '3', '1'])} ${r.pick(['8', '13', '15', 'ED25519', 'RSASHA1'])} ${b64()}`;
      case 'KEY':
        return `${r.pick(['256', '512', '0x4100'])} 3 ${r.pick(['8', '13'])} ${b64()}`;
      case 'RRSIG': case 'SIG': {
        const time = () => (r.chance(0.5) ? `20${r.int(10, 37)}0${r.int(1, 9)}1${r.int(0, 9)}0${r.int(0, 9)}3000` : String(r.int(0, 2147483647)));
        return `${caseMix(r, r.pick(['A', 'NS', 'SOA', 'TYPE777', 'MX']))} ${r.pick(['8', '13', 'RSASHA256'])} ${r.int(0, 5)} ${u32()} ${time()} ${time()} ${u16()} ${this.target()} ${b64(1, 60)}`;
      }
      case 'NSEC':
        return `${this.target()} ${types()}`;
      case 'NXT':
        return `${this.target()} ${r.pick(['A NXT', 'A MX SIG NXT', 'NS'])}`;
      case 'NSEC3':
        return `1 ${r.int(0, 1)} ${r.int(0, 100)} ${r.chance(0.3) ? '-' : r.hex(r.int(1, 8))} ${this.hashLabel()} ${types()}`;
      case 'NSEC3PARAM':
        return `1 0 ${r.int(0, 65535)} ${r.chance(0.3) ? '-' : r.hex(r.int(1, 8))}`;
      case 'CSYNC':
        return `${u32()} ${r.int(0, 3)} ${types()}`;
      case 'ZONEMD':
        return `${u32()} 1 ${r.pick([1, 2, 240])} ${hex(r.pick([48, 64, 12]))}`;
      case 'TLSA': case 'SMIMEA':
        return `${r.int(0, 3)} ${r.int(0, 1)} ${r.int(0, 2)} ${hex(r.int(1, 32))}`;
      case 'SSHFP':
        return `${r.int(1, 4)} ${r.int(1, 2)} ${hex(r.pick([20, 32]))}`;
      case 'CERT':
        return `${r.pick(['PKIX', '1', 'PGP', 'URI', '65535'])} ${u16()} ${r.pick(['8', 'RSASHA256', '0'])} ${b64()}`;
      case 'DHCID': case 'OPENPGPKEY': case 'HHIT': case 'BRID':
        return b64();
      case 'HIP':
        return `${r.int(1, 2)} ${r.hex(16)} ${r.base64(r.int(4, 40))}${r.chance(0.5) ? ' ' + this.target() : ''}`;
      case 'IPSECKEY': {
        const gt = r.int(0, 3);
        const gw = gt === 0 ? '.' : gt === 1 ? this.ipv4() : gt === 2 ? this.ipv6() : this.target();
        return `${u8()} ${gt} ${r.int(0, 3)} ${gw}${r.chance(0.7) ? ' ' + b64() : ''}`;
      }
      case 'AMTRELAY': {
        const gt = r.int(0, 3);
        const gw = gt === 0 ? '.' : gt === 1 ? this.ipv4() : gt === 2 ? this.ipv6() : this.target();
        return `${u8()} ${r.int(0, 1)} ${gt} ${gw}`;
      }
      case 'DOA':
        return `${u32()} ${u32()} ${u8()} "${r.pick(['text/plain', 'image/png', ''])}" ${r.chance(0.3) ? '-' : b64()}`;
      case 'SINK':
        return `${u8()} ${u8()} ${u8()}${r.chance(0.7) ? ' ' + b64() : ''}`;
      case 'EID': case 'NIMLOC':
        return hex(r.int(1, 12));
      case 'NSAP':
        return `0x${r.hex(r.int(1, 20))}`;
      case 'ATMA':
        return r.chance(0.5) ? `+${r.int(1, 99999999)}` : r.hex(r.int(2, 20));
      case 'A6': {
        const p = r.int(0, 128);
        return `${p}${p < 128 ? ' ' + this.ipv6() : ''}${p > 0 ? ' ' + this.target() : ''}`;
      }
      case 'APL': {
        const n = r.int(0, 3);
        const out: string[] = [];
        for (let i = 0; i < n; i++) {
          out.push(r.chance(0.5) ? `${r.chance(0.3) ? '!' : ''}1:${this.ipv4()}/${r.int(0, 32)}` : `${r.chance(0.3) ? '!' : ''}2:${this.ipv6()}/${r.int(0, 128)}`);
        }
        return out.join(' ');
      }
      case 'LOC': {
        const lat = `${r.int(0, 89)}${r.chance(0.7) ? ' ' + r.int(0, 59) + (r.chance(0.5) ? ' ' + r.int(0, 59) + (r.chance(0.5) ? '.' + r.int(0, 999) : '') : '') : ''} ${r.pick(['N', 'S'])}`;
        const lon = `${r.int(0, 179)}${r.chance(0.7) ? ' ' + r.int(0, 59) + (r.chance(0.5) ? ' ' + r.int(0, 59) + '.' + r.int(0, 99) : '') : ''} ${r.pick(['E', 'W'])}`;
        const alt = `${r.int(-100000, 4000000)}${r.chance(0.5) ? '.' + r.int(0, 99) : ''}${r.chance(0.6) ? 'm' : ''}`;
        const opt: string[] = [];
        for (let i = r.int(0, 3); i > 0; i--) opt.push(`${r.pick(['0', '1', '10', '100', '2000', '0.5', '90000000'])}${r.chance(0.6) ? 'm' : ''}`);
        return [lat, lon, alt, ...opt].join(' ');
      }
      case 'EUI48': case 'EUI64': {
        const n = type === 'EUI48' ? 6 : 8;
        const o: string[] = [];
        for (let i = 0; i < n; i++) o.push(r.hex(1));
        return o.join('-');
      }
      case 'NID': case 'L64': {
        const g: string[] = [];
        for (let i = 0; i < 4; i++) g.push(r.int(0, 0xffff).toString(16).padStart(4, '0'));
        return `${u16()} ${g.join(':')}`;
      }
      case 'L32':
        return `${u16()} ${this.ipv4()}`;
      case 'DSYNC':
        return `${r.pick(['CDS', 'CSYNC', 'TYPE100'])} ${r.pick(['1', 'NOTIFY', '2'])} ${u16()} ${this.target()}`;
      case 'SVCB': case 'HTTPS': {
        const prio = r.chance(0.2) ? 0 : r.int(1, 65535);
        const params: string[] = [];
        if (prio > 0) {
          const keys = ['alpn', 'port', 'ipv4hint', 'ipv6hint', 'no-default-alpn', 'ech', 'key65000', 'mandatory'];
          const chosen = new Set<string>();
          for (let i = r.int(0, 4); i > 0; i--) chosen.add(r.pick(keys));
          if (chosen.has('no-default-alpn')) chosen.add('alpn');
          for (const k of chosen) {
            if (k === 'alpn') params.push(`alpn=${r.pick(['h2', 'h2,h3', '"h3"', 'http/1.1'])}`);
            else if (k === 'port') params.push(`port=${r.chance(0.5) ? '"' + u16() + '"' : u16()}`);
            else if (k === 'ipv4hint') params.push(`ipv4hint=${this.ipv4()}${r.chance(0.5) ? ',' + this.ipv4() : ''}`);
            else if (k === 'ipv6hint') params.push(`ipv6hint=${this.ipv6()}`);
            else if (k === 'no-default-alpn') params.push('no-default-alpn');
            else if (k === 'ech') params.push(`ech=${r.base64(r.int(1, 20))}`);
            else if (k === 'key65000') params.push(`key65000=${r.chance(0.5) ? '"' + r.pick(['a', 'x y', '']) + '"' : 'v'}`);
            else if (k === 'mandatory' && chosen.has('alpn')) params.push('mandatory=alpn');
          }
        }
        return `${prio} ${this.target()} ${params.join(' ')}`.trim();
      }
      case 'NULL':
        return `\\# ${r.int(0, 4)} `.replace(/\\# (\d) $/, (_m, n: string) => `\\# ${n} ${r.hex(Number(n))}`).trim();
      default:
        return `\\# 2 ${r.hex(2)}`;
    }
  }

  // ---- statements -----------------------------------------------------------

  push(text: string, tag: string, files?: Record<string, string>): void {
    this.statements.push(files ? { text, tag, files } : { text, tag });
  }

  /** `[ttl] [class]` in either order, or neither. */
  ttlClass(): string {
    const r = this.r;
    const ttl = r.chance(0.5) ? this.ttl() : '';
    const cls = r.chance(0.4) ? r.pick(['IN', 'in', 'In', 'CLASS1']) : '';
    const parts = r.chance(0.5) ? [ttl, cls] : [cls, ttl];
    return parts.filter((p) => p !== '').join(r.pick([' ', '\t', '  ']));
  }

  /** Writes the RDATA of a record maybe across lines in parentheses with comments. */
  wrap(rdata: string): string {
    const r = this.r;
    if (!r.chance(0.2)) return rdata + (r.chance(0.2) ? r.pick([' ', '\t', ' ; trailing comment ( "']) : '');
    const parts = fields(rdata);
    if (parts.length < 2) return `( ${rdata} )`;
    const cut = r.int(1, parts.length - 1);
    return `( ${parts.slice(0, cut).join(' ')} ; comment ) ( "\n\t\t${parts.slice(cut).join(' ')}${r.chance(0.5) ? '\n' : ' '})`;
  }

  record(type: string, ownerRel: string, inherit = false): void {
    const r = this.r;
    const owner = inherit ? r.pick([' ', '\t', '  \t']) : this.write(ownerRel);
    if (!inherit) this.lastOwnerRel = ownerRel;
    const tc = this.ttlClass();
    const t = r.chance(0.15) ? type.toLowerCase() : r.chance(0.05) ? `TYPE${typeNumber(type)}` : type;
    const rd = this.rdata(type);
    const sep = r.pick([' ', '\t', '   ']);
    const head = inherit ? owner : owner + sep;
    this.push(`${head}${tc ? tc + sep : ''}${t}${rd === '' ? '' : sep + this.wrap(rd)}`, `type:${type}`);
  }

  freshLabel(prefix: string): string {
    return `${prefix}${this.unique++}`;
  }

  body(): void {
    const r = this.r;
    const n = r.int(5, 30);
    for (let i = 0; i < n; i++) {
      const k = r.int(0, 30);
      if (k < 14) {
        const type = r.pick(TYPES);
        const inherit = this.lastOwnerRel !== undefined && this.rel === '' && r.chance(0.2);
        let ownerRel = inherit ? (this.lastOwnerRel as string) : r.chance(0.6) ? r.pick(this.pool) : this.relName();
        // BIND refuses an NSEC3 owner whose first label is not a base32hex hash.
        if (type === 'NSEC3' && !r.chance(0.05)) ownerRel = this.hashLabel();
        else if (type === 'NSEC3') ownerRel = this.hashLabel() + '.' + r.pick(['a', 'x']);
        if (!inherit && !this.pool.includes(ownerRel)) this.pool.push(ownerRel);
        this.record(type, ownerRel, inherit);
        if (inherit) ownerRel = this.lastOwnerRel as string;
      } else if (k < 16) {
        const owner = this.freshLabel(r.pick(['c', 'alias']));
        const type = r.chance(0.8) ? 'CNAME' : 'DNAME';
        this.lastOwnerRel = undefined;
        this.push(`${owner} ${this.ttlClass()} ${type} ${this.target()}`.replace(/ +/g, ' '), `type:${type}`);
      } else if (k === 16) this.comment();
      else if (k === 17) this.ttlDirective();
      else if (k === 18) this.originDirective();
      else if (k === 19) this.generateDirective();
      else if (k === 20) this.includeDirective();
      else if (k === 21) this.unknownType();
      else if (k === 22) this.genericKnown();
      else if (k === 23) this.wildcard();
      else if (k === 24) this.longName();
      else if (k === 25 && r.chance(0.3)) this.push(`$DATE 2024${r.int(10, 12)}01000000`, 'dir:$DATE');
      else {
        const type = r.pick(['A', 'AAAA', 'TXT', 'MX']);
        this.record(type, r.pick(this.pool));
      }
    }
  }

  comment(): void {
    this.push(this.r.pick(['; a comment', '', '   ', '\t; tab comment "(', ';;;;', '; ( unbalanced in comment']), 'comment');
  }

  ttlDirective(): void {
    this.push(`${caseMix(this.r, '$TTL')} ${this.ttl()}${this.r.chance(0.3) ? ' ; default' : ''}`, 'dir:$TTL');
  }

  originDirective(): void {
    const r = this.r;
    const k = r.int(0, 3);
    if (k === 0 || this.rel === undefined) {
      this.rel = '';
      this.push(`$ORIGIN ${caseMix(r, this.origin)}`, 'dir:$ORIGIN');
    } else if (k === 1 && this.rel !== undefined) {
      const sub = this.r.pick(['sub', 'deep.er', 'z9']);
      this.push(`$ORIGIN ${sub}`, 'dir:$ORIGIN-relative');
      this.rel = this.rel === '' ? sub : `${sub}.${this.rel}`;
    } else if (k === 2) {
      const sub = `o${this.unique++}`;
      this.rel = sub;
      this.push(`$origin ${sub}.${this.origin}`, 'dir:$ORIGIN');
    } else {
      this.rel = undefined;
      this.push('$ORIGIN elsewhere.example.org.', 'dir:$ORIGIN-outside');
    }
    this.lastOwnerRel = undefined;
    // Records right after: relative owners under the new origin.
    const name = this.r.pick(['h', 'x.y', '@']);
    const rel = this.rel === undefined ? undefined : name === '@' ? this.rel : this.rel === '' ? name : `${name}.${this.rel}`;
    const type = this.r.pick(['A', 'TXT', 'MX', 'AAAA']);
    this.push(`${name} ${this.ttlClass()} ${type} ${this.rdata(type)}`, `dir:$ORIGIN+${type}`);
    if (rel !== undefined && !this.pool.includes(rel)) this.pool.push(rel);
  }

  generateDirective(): void {
    const r = this.r;
    const start = r.int(0, 20);
    const stop = start + r.int(0, 12);
    const step = r.chance(0.4) ? `/${r.int(1, 4)}` : '';
    const mod = () => {
      const k = r.int(0, 6);
      if (k === 0) return '$';
      if (k === 1) return `\${${r.int(-5, 20)}}`;
      if (k === 2) return `\${${r.int(0, 9)},${r.int(0, 6)}}`;
      return `\${${r.int(-3, 300)},${r.int(0, 8)},${r.pick(['d', 'o', 'x', 'X', 'n', 'N'])}}`;
    };
    const lhs = r.pick([`host-${mod()}`, `${mod()}.gen`, `g${mod()}x${mod()}`, `$$lit${mod()}`, `${mod()}`, `\\$esc${mod()}`, `w${mod()}.@`]);
    const k = r.int(0, 5);
    let type: string;
    let rhs: string;
    if (k === 0) [type, rhs] = ['A', `10.0.${r.int(0, 255)}.$`];
    else if (k === 1) [type, rhs] = ['CNAME', `target-${mod()}`];
    else if (k === 2) [type, rhs] = ['PTR', `h${mod()}.example.net.`];
    else if (k === 3) [type, rhs] = ['TXT', `"v=${mod()}$$"`];
    else if (k === 4) [type, rhs] = ['AAAA', `2001:db8::${mod().replace(/,[nN]\}/, ',x}')}`];
    else [type, rhs] = ['NS', `ns${mod()}`];
    // A numeric-base nibble modifier in an address makes an invalid address; keep d/x.
    if (type === 'A') rhs = rhs.replace(/\$\{[^}]*\}/g, '$');
    const tc = this.ttlClass();
    // CNAME owners must not collide with other data: the lhs is unique per directive.
    const tagLhs = type === 'CNAME' ? `gc${this.unique++}-${lhs}` : lhs;
    this.push(`$GENERATE ${start}-${stop}${step} ${tagLhs}${tc ? ' ' + tc : ''} ${type} ${rhs}`, `dir:$GENERATE`);
  }

  includeDirective(): void {
    const r = this.r;
    const file = `inc${this.unique++}.db`;
    const withOrigin = r.chance(0.5);
    const sub = withOrigin ? r.pick(['i', 'inc.sub', '@']) : '';
    const lines: string[] = [];
    for (let i = r.int(1, 4); i > 0; i--) {
      const type = r.pick(['A', 'TXT', 'MX', 'AAAA', 'SRV']);
      lines.push(`${r.pick(['x', 'y', '@', ' '])} ${type} ${this.rdata(type)}`);
    }
    if (lines[0].startsWith(' ')) lines[0] = 'first' + lines[0];
    const originArg = !withOrigin ? '' : sub === '@' ? ' @' : r.chance(0.5) ? ` ${sub}` : ` ${sub}.${this.origin}`;
    const relFix = withOrigin && this.rel === undefined && !originArg.endsWith('.') ? '' : originArg;
    this.push(`$INCLUDE ${file}${relFix}${r.chance(0.3) ? ' ; comment' : ''}`, 'dir:$INCLUDE', { [file]: lines.join('\n') + '\n' });
    // The owner after an include is the one before it.
    if (this.lastOwnerRel !== undefined && r.chance(0.5)) {
      this.push(`\tTXT "after include"`, 'dir:$INCLUDE+inherit');
    }
  }

  unknownType(): void {
    const r = this.r;
    const code = r.pick([65280, 731, 65534, 4000, 110, 300]);
    const len = r.int(0, 6);
    const tname = r.chance(0.5) ? `TYPE${code}` : `type${code}`;
    const data = len === 0 ? '' : ' ' + (r.chance(0.5) ? r.hex(len) : `( ${r.hex(len)} )`);
    this.push(`${this.write(r.pick(this.pool))} ${this.ttlClass()} ${tname} \\# ${len}${data}`.replace(/ +/g, ' '), 'rfc3597:unknown');
  }

  genericKnown(): void {
    const r = this.r;
    const k = r.int(0, 4);
    const owner = this.write(r.pick(this.pool));
    if (k === 0) this.push(`${owner} A \\# 4 ${r.hex(4)}`, 'rfc3597:A');
    else if (k === 1) this.push(`${owner} TXT \\# 4 03${r.hex(3)}`, 'rfc3597:TXT');
    else if (k === 2) this.push(`${owner} MX \\# 4 000a00`.replace('\\# 4 000a00', '\\# 3 000A00'), 'rfc3597:MX');
    else if (k === 3) this.push(`${owner} CAA \\# 10 0005 6973737565 ${r.hex(3)}`.replace('0005 ', '00 05 '), 'rfc3597:CAA');
    else this.push(`${owner} TYPE1 \\# 4 ${r.hex(4)}`, 'rfc3597:TYPE1');
  }

  wildcard(): void {
    const r = this.r;
    const rel = r.pick(['*', '*.w', '*.deep.w']);
    if (!this.pool.includes(rel)) this.pool.push(rel);
    const type = r.pick(['A', 'TXT', 'MX', 'AAAA']);
    this.record(type, rel);
  }

  longName(): void {
    const r = this.r;
    // Labels of 63 up to a total near 255 octets with the origin.
    const labels: string[] = [];
    let wire = this.origin.length + 1;
    while (wire < 240) {
      const len = Math.min(63, 254 - wire - 1, r.int(20, 63));
      if (len < 1) break;
      labels.push('l'.repeat(len));
      wire += len + 1;
    }
    const rel = labels.join('.');
    this.record('A', rel);
  }

  zone(): GeneratedZone {
    const r = this.r;
    if (r.chance(0.7)) this.push(`$TTL ${this.ttl()}`, 'dir:$TTL');
    else if (r.chance(0.5)) this.push(`$ORIGIN ${this.origin}`, 'dir:$ORIGIN');
    const soa = [this.write('ns'), r.pick(['hostmaster', 'h\\.master', 'admin.example.net.']), u32(r), this.ttl(), this.ttl(), this.ttl(), this.ttl()];
    const soaText = r.chance(0.5)
      ? `${r.chance(0.5) ? '@' : this.origin} ${this.ttlClass()} SOA ${soa.slice(0, 2).join(' ')} (\n\t\t${soa[2]} ; serial\n\t\t${soa.slice(3).join('\n\t\t')} )`
      : `@ ${this.ttlClass()} soa ${soa.join(' ')}`;
    this.push(soaText.replace(/ +/g, ' '), 'type:SOA');
    this.push(`@ NS ns`, 'apex');
    this.push(`ns ${r.chance(0.5) ? 'A ' + this.ipv4() : 'AAAA ' + this.ipv6()}`, 'apex');
    this.lastOwnerRel = 'ns';
    this.body();
    return { origin: this.origin, statements: this.statements, eol: r.pick(['\n', '\n', '\r\n', 'mixed']) };
  }
}

function u32(r: Rng): string {
  return String(r.int(0, 4294967295));
}

function caseMix(r: Rng, s: string): string {
  if (!r.chance(0.3)) return s;
  let out = '';
  for (const c of s) out += r.chance(0.5) ? c.toUpperCase() : c.toLowerCase();
  // Escapes like \D… keep their digits; letters in escapes change meaning only for \X.
  return out;
}

function fields(s: string): string[] {
  const out: string[] = [];
  const re = /"(?:[^"\\]|\\.)*"|(?:[^\s"\\]|\\.)+/g;
  for (const m of s.matchAll(re)) out.push(m[0]);
  return out;
}

const TYPES = [
  'A', 'AAAA', 'NS', 'PTR', 'MB', 'MG', 'MR', 'NSAP-PTR', 'MX', 'AFSDB', 'RT', 'KX', 'LP', 'PX', 'SRV',
  'MINFO', 'RP', 'TALINK', 'TXT', 'SPF', 'AVC', 'RESINFO', 'NINFO', 'WALLET', 'HINFO', 'X25', 'ISDN', 'GPOS',
  'WKS', 'NAPTR', 'CAA', 'URI', 'DS', 'CDS', 'TA', 'DLV', 'DNSKEY', 'CDNSKEY', 'RKEY', 'KEY', 'RRSIG', 'SIG',
  'NSEC', 'NXT', 'NSEC3', 'NSEC3PARAM', 'CSYNC', 'ZONEMD', 'TLSA', 'SMIMEA', 'SSHFP', 'CERT', 'DHCID',
  'OPENPGPKEY', 'HHIT', 'BRID', 'HIP', 'IPSECKEY', 'AMTRELAY', 'DOA', 'SINK', 'EID', 'NIMLOC', 'NSAP', 'ATMA',
  'A6', 'APL', 'LOC', 'EUI48', 'EUI64', 'NID', 'L64', 'L32', 'DSYNC', 'SVCB', 'HTTPS', 'NULL',
];

const NUMBERS: Record<string, number> = {
  A: 1, NS: 2, MB: 7, MG: 8, MR: 9, NULL: 10, WKS: 11, PTR: 12, HINFO: 13, MINFO: 14, MX: 15, TXT: 16, RP: 17,
  AFSDB: 18, X25: 19, ISDN: 20, RT: 21, NSAP: 22, 'NSAP-PTR': 23, SIG: 24, KEY: 25, PX: 26, GPOS: 27, AAAA: 28,
  LOC: 29, NXT: 30, EID: 31, NIMLOC: 32, SRV: 33, ATMA: 34, NAPTR: 35, KX: 36, CERT: 37, A6: 38, DNAME: 39,
  SINK: 40, APL: 42, DS: 43, SSHFP: 44, IPSECKEY: 45, RRSIG: 46, NSEC: 47, DNSKEY: 48, DHCID: 49, NSEC3: 50,
  NSEC3PARAM: 51, TLSA: 52, SMIMEA: 53, HIP: 55, NINFO: 56, RKEY: 57, TALINK: 58, CDS: 59, CDNSKEY: 60,
  OPENPGPKEY: 61, CSYNC: 62, ZONEMD: 63, SVCB: 64, HTTPS: 65, DSYNC: 66, HHIT: 67, BRID: 68, SPF: 99, NID: 104,
  L32: 105, L64: 106, LP: 107, EUI48: 108, EUI64: 109, URI: 256, CAA: 257, AVC: 258, DOA: 259, AMTRELAY: 260,
  RESINFO: 261, WALLET: 262, TA: 32768, DLV: 32769,
};

function typeNumber(type: string): number {
  return NUMBERS[type] ?? 65280;
}

/** Deliberately invalid statements, one kind each (the tag names the kind). */
const INVALID: ReadonlyArray<(g: Gen) => Statement> = [
  (g) => ({ text: `bad A ${g.r.int(256, 999)}.0.0.1`, tag: 'invalid:A-octet' }),
  () => ({ text: `bad AAAA 1::2::3`, tag: 'invalid:AAAA' }),
  () => ({ text: `${'a'.repeat(64)} A 1.2.3.4`, tag: 'invalid:label-64' }),
  () => ({ text: `${Array(5).fill('b'.repeat(63)).join('.')} A 1.2.3.4`, tag: 'invalid:name-255' }),
  () => ({ text: `bad 4294967296 A 1.2.3.4`, tag: 'invalid:ttl-overflow' }),
  () => ({ text: `bad 1h30 A 1.2.3.4`, tag: 'invalid:ttl-unit' }),
  () => ({ text: `bad TYPE65536 \\# 0`, tag: 'invalid:type-number' }),
  () => ({ text: `bad FOO 1`, tag: 'invalid:unknown-type' }),
  () => ({ text: `bad DNSKEY 256 3 8 AQ=*`, tag: 'invalid:base64' }),
  (g) => ({ text: `bad DS 1 8 2 ${g.r.hex(31)}`, tag: 'invalid:ds-digest-length' }),
  () => ({ text: `bad TXT "${'x'.repeat(256)}"`, tag: 'invalid:string-256' }),
  () => ({ text: `bad TXT "unterminated`, tag: 'invalid:unterminated' }),
  () => ({ text: `bad ( A 1.2.3.4`, tag: 'invalid:open-paren' }),
  () => ({ text: `bad A 1.2.3.4 )`, tag: 'invalid:close-paren' }),
  () => ({ text: `bad CH A 1.2.3.4`, tag: 'invalid:class' }),
  () => ({ text: `www CNAME elsewhere.example.net.`, tag: 'invalid:cname-and-other' }),
  () => ({ text: `@ SOA ns h 2 3 4 5 6`, tag: 'invalid:second-soa' }),
  () => ({ text: `bad A \\# 3 010203`, tag: 'invalid:generic-length' }),
  () => ({ text: `bad A \\# 5 0102030405`, tag: 'invalid:generic-wire' }),
  () => ({ text: `$GENERATE 10-1 h$ A 1.2.3.4`, tag: 'invalid:generate-range' }),
  () => ({ text: `$GENERATE 1-3 h\${1,2,q} A 1.2.3.4`, tag: 'invalid:generate-modifier' }),
  () => ({ text: `bad MX 10`, tag: 'invalid:missing-field' }),
  () => ({ text: `bad A 1.2.3.4 5.6.7.8`, tag: 'invalid:extra-field' }),
  () => ({ text: `bad TXT "\\256"`, tag: 'invalid:escape-256' }),
  () => ({ text: `b\\256d A 1.2.3.4`, tag: 'invalid:name-escape' }),
  () => ({ text: `$INCLUDE missing-file.db`, tag: 'invalid:include-missing' }),
  () => ({ text: `bad SRV 1 2 65536 t`, tag: 'invalid:u16' }),
  () => ({ text: `bad CAA 0 "" "x"`, tag: 'invalid:caa-tag' }),
  (g) => ({ text: `bad SSHFP 1 1 ${g.r.hex(3)}z`, tag: 'invalid:hex' }),
  () => ({ text: `bad LOC 91 N 0 E 0`, tag: 'invalid:loc' }),
  () => ({ text: `bad NSEC a. FOO`, tag: 'invalid:nsec-type' }),
  () => ({ text: `bad SVCB 1 . port=99999`, tag: 'invalid:svcb' }),
  () => ({ text: `bad RRSIG A 13 2 3600 20300230000000 20200101000000 1 x. AQID`, tag: 'invalid:rrsig-time' }),
  () => ({ text: `$TTL 1x`, tag: 'invalid:$TTL' }),
  () => ({ text: `$ORIGIN a..b.`, tag: 'invalid:$ORIGIN' }),
  () => ({ text: `bad ANY A 1.2.3.4`, tag: 'invalid:class-any' }),
  () => ({ text: `bad AXFR \\# 0`, tag: 'invalid:meta-type' }),
  () => ({ text: `bad MD x.`, tag: 'invalid:obsolete-type' }),
  () => ({ text: `bad WKS 1.2.3.4 tcp nosuchservice`, tag: 'invalid:wks-service' }),
  () => ({ text: `bad APL 1:1.2.3.4/33`, tag: 'invalid:apl' }),
  () => ({ text: `bad EUI48 00-11-22-33-44`, tag: 'invalid:eui' }),
  () => ({ text: `bad TXT "a\nb"`, tag: 'invalid:newline-in-string' }),
  () => ({ text: `$FOO bar`, tag: 'invalid:directive' }),
  () => ({ text: `twice CNAME a.\ntwice CNAME b.`, tag: 'invalid:cname-twice' }),
  () => ({ text: `dn DNAME x.\nbelow.dn A 1.2.3.4`, tag: 'invalid:dname-below' }),
  (g) => ({ text: `bad NSEC3PARAM 1 0 10 ${g.r.hex(256)}`, tag: 'invalid:salt-long' }),
];

/** A random zone; with `invalid`, one deliberately wrong statement somewhere in it. */
export function generateZone(seed: number, invalid = false): GeneratedZone {
  const r = new Rng(seed);
  const origin = r.pick(['example.com.', 'zone.test.', 'Example.ORG.', 'a.b.c.example.', 'x\\.y.test.', 'e\\032f.test.']);
  const g = new Gen(r, origin);
  const z = g.zone();
  if (!invalid) return z;
  const statements = [...z.statements];
  const bad = r.pick(INVALID)(g);
  // After the apex records, so the zone is otherwise loadable.
  statements.splice(r.int(4, statements.length), 0, bad);
  return { ...z, statements };
}
