/**
 * A codec converts one RR type's presentation form to wire octets and prints the wire
 * octets as BIND does. Most types are a fixed sequence of fields (`record`).
 */
import type { TextCursor } from './cursor';
import type { Field } from './fields';
import type { WireReader, WireWriter } from './wire';

export interface Decoded {
  readonly text: string;
  readonly fields: Record<string, unknown>;
}

export interface Codec {
  fromText(c: TextCursor, w: WireWriter): void;
  /** Undefined when the octets are not a valid RDATA of the type. */
  fromWire(r: WireReader): Decoded | undefined;
}

/** A codec for a fixed sequence of fields; stops at the first bad field. */
export function record(...fields: Field[]): Codec {
  return {
    fromText(c, w) {
      for (const f of fields) {
        const before = c.problems.length;
        f.text(c, w);
        if (c.problems.length > before) return;
      }
    },
    fromWire(r) {
      const out: Record<string, unknown> = {};
      const texts: string[] = [];
      for (const f of fields) {
        const s = f.wire(r);
        if (!s) return undefined;
        out[f.name] = s.value;
        if (s.text !== '') texts.push(s.text);
      }
      if (!r.atEnd()) return undefined;
      return { text: texts.join(' '), fields: out };
    },
  };
}
