/**
 * LOC (RFC 1876 §3 text form, §2 wire form): latitude, longitude, altitude and the
 * size/precision values in BIND's printed form (`60 9 0.000 N 24 39 0.000 E 10.00m 20m 2000m 20m`).
 */
import type { Token } from '../ast';
import type { Codec } from './codec';
import type { TextCursor } from './cursor';

const EQUATOR = 0x80000000;
const ALT_BASE = 10000000; // cm below the reference spheroid

/** Reads `d [m [s]] H`; returns thousandths of an arc-second, signed by hemisphere. */
function readCoordinate(c: TextCursor, maxDeg: number, hemispheres: string, field: string): number | undefined {
  const parts: Token[] = [];
  for (;;) {
    const t = c.word(field);
    if (!t) return undefined;
    if (hemispheres.includes(t.text.toUpperCase()) && parts.length > 0) {
      const [d, m = '0', s = '0'] = parts.map((p) => p.text);
      const bad = (tok: Token): undefined => {
        c.report(tok, 'rdata-value', { field });
        return undefined;
      };
      if (!/^[0-9]+$/.test(d) || Number(d) > maxDeg) return bad(parts[0]);
      if (!/^[0-9]+$/.test(m) || Number(m) > 59) return bad(parts[1]);
      if (!/^[0-9]+(\.[0-9]{0,3})?$/.test(s) || Number(s) >= 60) return bad(parts[2]);
      const ms = Number(d) * 3600000 + Number(m) * 60000 + Math.round(Number(s) * 1000);
      if (ms > maxDeg * 3600000) return bad(parts[0]);
      return t.text.toUpperCase() === hemispheres[0] ? ms : -ms;
    }
    parts.push(t);
    if (parts.length > 3) {
      c.report(t, 'rdata-value', { field });
      return undefined;
    }
  }
}

/** A distance in metres (`12.34m`), as centimetres. */
function readMeters(t: Token, min: number, max: number): number | undefined {
  const m = /^(-?[0-9]+)(?:\.([0-9]{1,2}))?[mM]?$/.exec(t.text);
  if (!m) return undefined;
  const sign = m[1].startsWith('-') ? -1 : 1;
  const cm = Math.abs(Number(m[1])) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  const v = sign * cm;
  return v >= min && v <= max ? v : undefined;
}

function encodePrecision(cm: number): number {
  let exp = 0;
  while (exp < 9 && cm >= 10 ** (exp + 1)) exp++;
  const man = Math.floor(cm / 10 ** exp);
  return (Math.min(man, 9) << 4) | exp;
}

function printPrecision(p: number): string {
  const man = (p >> 4) % 10;
  const exp = (p & 0x0f) % 10;
  return exp >= 2 ? `${man * 10 ** (exp - 2)}m` : `0.${String(man * 10 ** exp).padStart(2, '0')}m`;
}

function printCoordinate(v: number, hemispheres: string): string {
  let ms = v - EQUATOR;
  const h = ms < 0 ? hemispheres[1] : hemispheres[0];
  ms = Math.abs(ms);
  const d = Math.floor(ms / 3600000);
  ms %= 3600000;
  const m = Math.floor(ms / 60000);
  ms %= 60000;
  const s = Math.floor(ms / 1000);
  return `${d} ${m} ${s}.${String(ms % 1000).padStart(3, '0')} ${h}`;
}

export const loc: Codec = {
  fromText(c, w) {
    const lat = readCoordinate(c, 90, 'NS', 'latitude');
    if (lat === undefined) return;
    const lon = readCoordinate(c, 180, 'EW', 'longitude');
    if (lon === undefined) return;
    const at = c.word('altitude');
    if (!at) return;
    const alt = readMeters(at, -ALT_BASE, 4284967295);
    if (alt === undefined) return c.report(at, 'rdata-value', { field: 'altitude' });
    const prec = [0x12, 0x16, 0x13];
    const names = ['size', 'horizontalPrecision', 'verticalPrecision'];
    for (let i = 0; i < 3 && !c.atEnd(); i++) {
      const t = c.word(names[i]);
      if (!t) return;
      const cm = readMeters(t, 0, 9000000000);
      if (cm === undefined) return c.report(t, 'rdata-value', { field: names[i] });
      prec[i] = encodePrecision(cm);
    }
    w.u8(0);
    w.u8(prec[0]);
    w.u8(prec[1]);
    w.u8(prec[2]);
    w.u32(EQUATOR + lat);
    w.u32(EQUATOR + lon);
    w.u32(alt + ALT_BASE);
  },
  fromWire(r) {
    const version = r.u8();
    const size = r.u8();
    const hp = r.u8();
    const vp = r.u8();
    const lat = r.u32();
    const lon = r.u32();
    const altRaw = r.u32();
    if (version !== 0 || size === undefined || hp === undefined || vp === undefined) return undefined;
    if (lat === undefined || lon === undefined || altRaw === undefined || !r.atEnd()) return undefined;
    const altCm = altRaw - ALT_BASE;
    const altAbs = Math.abs(altCm);
    const alt = `${altCm < 0 ? '-' : ''}${Math.floor(altAbs / 100)}.${String(altAbs % 100).padStart(2, '0')}m`;
    const text = [
      printCoordinate(lat, 'NS'),
      printCoordinate(lon, 'EW'),
      alt,
      printPrecision(size),
      printPrecision(hp),
      printPrecision(vp),
    ].join(' ');
    return {
      text,
      fields: {
        latitude: (lat - EQUATOR) / 3600000,
        longitude: (lon - EQUATOR) / 3600000,
        altitude: altCm / 100,
        size,
        horizontalPrecision: hp,
        verticalPrecision: vp,
      },
    };
  },
};
