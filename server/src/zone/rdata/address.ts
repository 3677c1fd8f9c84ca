/**
 * Address types: A (RFC 1035 §3.4.1), AAAA (RFC 3596 §2.4), and the ILNP types NID,
 * L32, L64, LP (RFC 6742 §2), EUI48/EUI64 (RFC 7043 §3.2, §4.2).
 */
import { record, type Codec } from './codec';
import { ipv4, ipv6, name, u16, type Field } from './fields';
import { hexLower } from './wire';

/** 64 bits written as four colon-separated groups of 4 hex digits (NID, L64). */
function locator64(fieldName: string): Field {
  return {
    name: fieldName,
    text(c, w) {
      const t = c.word(fieldName);
      if (!t) return;
      if (!/^[0-9a-fA-F]{1,4}(:[0-9a-fA-F]{1,4}){3}$/.test(t.text)) {
        c.report(t, 'rdata-value', { field: fieldName });
        return;
      }
      for (const g of t.text.split(':')) w.u16(parseInt(g, 16));
    },
    wire(r) {
      const groups: string[] = [];
      for (let i = 0; i < 4; i++) {
        const v = r.u16();
        if (v === undefined) return undefined;
        groups.push(v.toString(16));
      }
      const s = groups.join(':');
      return { value: s, text: s };
    },
  };
}

/** EUI-48/EUI-64: octets as two hex digits joined by `-`. */
function eui(fieldName: string, octets: number): Field {
  const re = new RegExp(`^[0-9a-fA-F]{2}(-[0-9a-fA-F]{2}){${octets - 1}}$`);
  return {
    name: fieldName,
    text(c, w) {
      const t = c.word(fieldName);
      if (!t) return;
      if (!re.test(t.text)) c.report(t, 'rdata-value', { field: fieldName });
      else for (const g of t.text.split('-')) w.u8(parseInt(g, 16));
    },
    wire(r) {
      const b = r.bytes(octets);
      if (!b) return undefined;
      const s = hexLower(b).replace(/(..)(?!$)/g, '$1-');
      return { value: s, text: s };
    },
  };
}

export const addressCodecs: ReadonlyArray<readonly [string, Codec]> = [
  ['A', record(ipv4('address'))],
  ['AAAA', record(ipv6('address'))],
  ['NID', record(u16('preference'), locator64('nodeId'))],
  ['L32', record(u16('preference'), ipv4('locator32'))],
  ['L64', record(u16('preference'), locator64('locator64'))],
  ['LP', record(u16('preference'), name('fqdn'))],
  ['EUI48', record(eui('address', 6))],
  ['EUI64', record(eui('address', 8))],
];
