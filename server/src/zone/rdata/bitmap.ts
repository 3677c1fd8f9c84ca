/**
 * Type bitmaps: NSEC/NSEC3/CSYNC windowed bitmaps (RFC 4034 §4.1.2) and NXT's flat
 * bitmap (RFC 2535 §5.2). Printed as mnemonics in ascending type order.
 */
import { readType, type Field } from './fields';
import { typeName } from './types';

export interface BitmapOptions {
  /** BIND rejects an NSEC with no types (FORMERR); NSEC3 and CSYNC allow it. */
  readonly allowEmpty: boolean;
}

export function typeBitmap(fieldName: string, opts: BitmapOptions): Field {
  return {
    name: fieldName,
    text(c, w) {
      if (c.atEnd() && !opts.allowEmpty) {
        c.missing(fieldName);
        return;
      }
      const types = new Set<number>();
      for (const t of c.rest()) {
        const v = readType(c, t);
        if (v === undefined) return;
        types.add(v);
      }
      const sorted = [...types].sort((a, b) => a - b);
      for (let window = 0; window < 256; window++) {
        const inWindow = sorted.filter((t) => t >> 8 === window);
        if (inWindow.length === 0) continue;
        const last = inWindow[inWindow.length - 1] & 0xff;
        const octets = new Array<number>((last >> 3) + 1).fill(0);
        for (const t of inWindow) octets[(t & 0xff) >> 3] |= 0x80 >> (t & 7);
        w.u8(window);
        w.u8(octets.length);
        w.bytes(octets);
      }
    },
    wire(r) {
      const types: number[] = [];
      let prev = -1;
      while (!r.atEnd()) {
        const window = r.u8();
        const len = r.u8();
        if (window === undefined || len === undefined || len < 1 || len > 32 || window <= prev) return undefined;
        prev = window;
        const b = r.bytes(len);
        if (!b) return undefined;
        for (let i = 0; i < len; i++) {
          for (let bit = 0; bit < 8; bit++) if (b[i] & (0x80 >> bit)) types.push(window * 256 + i * 8 + bit);
        }
      }
      if (types.length === 0 && !opts.allowEmpty) return undefined;
      const names = types.map(typeName);
      return { value: names, text: names.join(' ') };
    },
  };
}

/** NXT (RFC 2535): one bitmap of types 0–127 without windows. */
export function flatBitmap(fieldName: string): Field {
  return {
    name: fieldName,
    text(c, w) {
      const octets = new Array<number>(16).fill(0);
      let max = -1;
      for (const t of c.rest()) {
        const v = readType(c, t);
        if (v === undefined) return;
        if (v > 127) {
          c.report(t, 'rdata-value', { field: fieldName });
          return;
        }
        octets[v >> 3] |= 0x80 >> (v & 7);
        max = Math.max(max, v);
      }
      w.bytes(octets.slice(0, max < 0 ? 0 : (max >> 3) + 1));
    },
    wire(r) {
      const b = r.rest();
      const names: string[] = [];
      for (let i = 0; i < b.length; i++) {
        for (let bit = 0; bit < 8; bit++) if (b[i] & (0x80 >> bit)) names.push(typeName(i * 8 + bit));
      }
      return { value: names, text: names.join(' ') };
    },
  };
}
