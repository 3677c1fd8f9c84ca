/**
 * SVCB and HTTPS (RFC 9460 §2.1 presentation, §2.2 wire): SvcPriority, TargetName and
 * SvcParams with the keys BIND 9.18 knows by name (mandatory, alpn, no-default-alpn,
 * port, ipv4hint, ech, ipv6hint); others only as `keyNNNNN`. BIND 9.18 reads
 * `dohpath` (RFC 9461 §5) as key7, checks its URI template, and prints it as `key7`.
 */
import type { Token } from '../ast';
import type { Codec } from './codec';
import type { TextCursor } from './cursor';
import { decodeBase64, formatIpv6, name, parseIpv4, parseIpv6, readUint, u16 } from './fields';
import { encodeName } from '../names';
import { MAX_STRING_TOKEN_CHARS, decodeToken, quoteOctets } from './strings';
import { WireReader, base64, binary } from './wire';

const KEY_NAMES = ['mandatory', 'alpn', 'no-default-alpn', 'port', 'ipv4hint', 'ech', 'ipv6hint'];

function keyText(key: number): string {
  return KEY_NAMES[key] ?? `key${key}`;
}

/** A key's number: its name, or `keyNNNNN` for keys BIND has no name for. */
const DOHPATH = 7;

function parseKey(text: string): number | undefined {
  if (text === 'dohpath') return DOHPATH;
  const named = KEY_NAMES.indexOf(text);
  if (named >= 0) return named;
  const m = /^key([0-9]{1,5})$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= KEY_NAMES.length && n <= 65535 ? n : undefined;
}

/** Splits on unescaped commas, removing the value-level `\` escapes (RFC 9460 App. A.1). */
function splitList(octets: string): string[] | undefined {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < octets.length; i++) {
    const ch = octets[i];
    if (ch === '\\') {
      if (i + 1 >= octets.length) return undefined;
      cur += octets[++i];
    } else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** One SvcParam token (or `key=` followed by an adjacent quoted token). */
interface RawParam {
  readonly key: number;
  readonly value: string | undefined; // octets after string-level unescaping
  readonly span: { offset: number; length: number };
}

function readParam(c: TextCursor, t: Token): RawParam | undefined {
  const span = { offset: t.offset, length: t.length };
  if (t.quoted) {
    c.report(t, 'rdata-svc-key');
    return undefined;
  }
  const eq = t.text.indexOf('=');
  const key = parseKey(eq < 0 ? t.text : t.text.slice(0, eq));
  if (key === undefined) {
    c.report(t, 'rdata-svc-key');
    return undefined;
  }
  if (eq < 0) return { key, value: undefined, span };
  let valueTok: Token = { text: t.text.slice(eq + 1), offset: t.offset + eq + 1, length: t.length - eq - 1, quoted: false };
  const next = c.peek();
  if (valueTok.text === '' && next?.quoted && next.offset === t.offset + t.length) {
    c.next('value');
    valueTok = next;
    span.length = next.offset + next.length - t.offset;
  } else if (valueTok.text.length >= 2 && valueTok.text.startsWith('"') && valueTok.text.endsWith('"')) {
    valueTok = { ...valueTok, text: valueTok.text.slice(1, -1), quoted: true };
  }
  if (valueTok.text.length > MAX_STRING_TOKEN_CHARS) {
    c.report(valueTok, 'rdata-wire-too-long');
    return undefined;
  }
  const d = decodeToken(valueTok);
  if (!d.ok) {
    c.report({ offset: d.at, length: d.length }, 'rdata-escape');
    return undefined;
  }
  return { key, value: d.value, span };
}

/** The wire value of one parameter, or undefined when its text is invalid. */
function encodeValue(key: number, value: string | undefined): number[] | undefined {
  const out: number[] = [];
  const u16 = (v: number): void => void out.push(v >> 8, v & 0xff);
  if (key === 2) return value === undefined || value === '' ? out : undefined;
  if (key === 5 && !value) return out; // BIND 9.18 accepts an empty ech
  if (key === DOHPATH && !isDohPath(value ?? '')) return undefined;
  if (key >= KEY_NAMES.length) {
    for (let i = 0; i < (value ?? '').length; i++) out.push((value as string).charCodeAt(i));
    return out;
  }
  if (value === undefined || value === '') return undefined;
  switch (key) {
    case 0: {
      const keys = value.split(',').map(parseKey);
      if (keys.some((k) => k === undefined || k === 0)) return undefined;
      const sorted = [...new Set(keys as number[])].sort((a, b) => a - b);
      if (sorted.length !== keys.length) return undefined;
      sorted.forEach(u16);
      return out;
    }
    case 1:
      for (const id of splitList(value) ?? ['']) {
        if (id.length === 0 || id.length > 255) return undefined;
        out.push(id.length);
        for (let i = 0; i < id.length; i++) out.push(id.charCodeAt(i));
      }
      return out;
    case 3:
      if (!/^[0-9]+$/.test(value) || Number(value) > 65535) return undefined;
      u16(Number(value));
      return out;
    case 4:
    case 6:
      for (const a of value.split(',')) {
        const b = key === 4 ? parseIpv4(a) : parseIpv6(a);
        if (!b) return undefined;
        out.push(...b);
      }
      return out;
    case 5: {
      const b = decodeBase64(value);
      return b && b.length > 0 ? Array.from(b) : undefined;
    }
  }
  return undefined;
}

/** RFC 9461 §5: a relative URI template with a `dns` variable (BIND's check). */
function isDohPath(value: string): boolean {
  return value.startsWith('/') && value.includes('{?dns}');
}

function escapeListItem(id: string): string {
  return id.replace(/[\\,]/g, (ch) => '\\' + ch);
}

/** Prints one parameter's wire value; undefined when malformed. */
function printValue(key: number, v: Uint8Array): string | undefined {
  const r = new WireReader(v);
  switch (key) {
    case 0: {
      if (v.length === 0 || v.length % 2) return undefined;
      const keys: string[] = [];
      while (!r.atEnd()) keys.push(keyText(r.u16() as number));
      return 'mandatory=' + keys.join(',');
    }
    case 1: {
      const ids: string[] = [];
      while (!r.atEnd()) {
        const len = r.u8() as number;
        const b = r.bytes(len);
        if (!b || len === 0) return undefined;
        ids.push(escapeListItem(binary(b)));
      }
      return ids.length ? `alpn=${quoteOctets(ids.join(','))}` : undefined;
    }
    case 2:
      return v.length === 0 ? 'no-default-alpn' : undefined;
    case 3:
      return v.length === 2 ? `port=${(v[0] << 8) | v[1]}` : undefined;
    case 4:
    case 6: {
      const size = key === 4 ? 4 : 16;
      if (v.length === 0 || v.length % size) return undefined;
      const addrs: string[] = [];
      for (let i = 0; i < v.length; i += size) {
        const b = v.subarray(i, i + size);
        addrs.push(size === 4 ? b.join('.') : formatIpv6(b));
      }
      return `${keyText(key)}=${addrs.join(',')}`;
    }
    case 5:
      return v.length ? `ech=${base64(v)}` : 'ech';
  }
  if (key === DOHPATH && !isDohPath(binary(v))) return undefined;
  return v.length ? `key${key}=${quoteOctets(binary(v))}` : `key${key}`;
}

export const svcb: Codec = {
  fromText(c, w) {
    const prio = c.word('priority');
    if (!prio) return;
    const priority = readUint(c, prio, 'priority', 65535);
    if (priority === undefined) return;
    w.u16(priority);
    name('target').text(c, w);
    if (c.hasErrors) return;
    const params = new Map<number, { wire: number[]; span: RawParam['span'] }>();
    let mandatory: { keys: number[]; span: RawParam['span'] } | undefined;
    while (!c.atEnd()) {
      const t = c.next('param') as Token;
      const p = readParam(c, t);
      if (!p) return;
      if (params.has(p.key)) return c.report(p.span, 'rdata-svc-duplicate');
      const wire = encodeValue(p.key, p.value);
      if (!wire) return c.report(p.span, 'rdata-svc-value');
      params.set(p.key, { wire, span: p.span });
      if (p.key === 0) {
        const keys: number[] = [];
        for (let i = 0; i < wire.length; i += 2) keys.push((wire[i] << 8) | wire[i + 1]);
        mandatory = { keys, span: p.span };
      }
    }
    if (mandatory && mandatory.keys.some((k) => !params.has(k))) return c.report(mandatory.span, 'rdata-svc-mandatory');
    const nda = params.get(2);
    if (nda && !params.has(1)) return c.report(nda.span, 'rdata-svc-value');
    for (const key of [...params.keys()].sort((a, b) => a - b)) {
      const v = (params.get(key) as { wire: number[] }).wire;
      w.u16(key);
      w.u16(v.length);
      w.bytes(v);
    }
  },
  fromWire(r) {
    const priority = u16('priority').wire(r);
    const target = r.labels();
    if (!priority || !target) return undefined;
    const texts = [priority.text, encodeName(target)];
    const params: Record<string, string> = {};
    const keys: number[] = [];
    let mandatory: Uint8Array | undefined;
    while (!r.atEnd()) {
      const key = r.u16();
      const len = r.u16();
      if (key === undefined || len === undefined || key <= (keys[keys.length - 1] ?? -1)) return undefined;
      keys.push(key);
      const v = r.bytes(len);
      if (key === 0) mandatory = v;
      const shown = v && printValue(key, v);
      if (!shown) return undefined;
      texts.push(shown);
      const eq = shown.indexOf('=');
      params[keyText(key)] = eq < 0 ? '' : shown.slice(eq + 1);
    }
    if (keys.includes(2) && !keys.includes(1)) return undefined;
    for (let i = 0; mandatory && i < mandatory.length; i += 2) {
      if (!keys.includes((mandatory[i] << 8) | mandatory[i + 1])) return undefined;
    }
    return { text: texts.join(' '), fields: { priority: priority.value, target: encodeName(target), params } };
  },
};
