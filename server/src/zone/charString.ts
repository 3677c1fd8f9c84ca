/**
 * Character-strings whose octets came from consecutive source characters (no escapes, no
 * multi-byte characters): octet i is at `start + i`, so the offsets are made only when
 * read. A zone's TXT records otherwise keep 8 bytes per octet for offsets that are read
 * only to place a diagnostic or an edit.
 */
import type { CharString, Span } from './ast';

export class ContiguousString implements CharString {
  readonly #start: number;
  #offsets: readonly number[] | undefined;

  constructor(
    readonly value: string,
    /** Source offset of the first octet. */
    start: number,
    readonly span: Span,
    readonly quoted: boolean,
  ) {
    this.#start = start;
  }

  get offsets(): readonly number[] {
    if (this.#offsets === undefined) {
      const out = new Array<number>(this.value.length + 1);
      for (let i = 0; i < out.length; i++) out[i] = this.#start + i;
      this.#offsets = out;
    }
    return this.#offsets;
  }

  /** Source offset of octet i (i = value.length: just past the last), without making the offsets. */
  offsetOf(i: number): number {
    return this.#start + i;
  }

  /** The same string `shift` further on in the source. */
  moved(shift: number): ContiguousString {
    return new ContiguousString(this.value, this.#start + shift, { offset: this.span.offset + shift, length: this.span.length }, this.quoted);
  }

  /** As plain data, offsets included (JSON, structural comparison). */
  toJSON(): CharString {
    return { value: this.value, offsets: this.offsets, span: this.span, quoted: this.quoted };
  }
}

/** `s.offsets[i]`, without making a ContiguousString's offsets. */
export function octetOffset(s: CharString, i: number): number {
  return s instanceof ContiguousString ? s.offsetOf(i) : s.offsets[i];
}

/** A character-string with these offsets: a ContiguousString when they are consecutive. */
export function charString(value: string, offsets: readonly number[], span: Span, quoted: boolean): CharString {
  const start = offsets[0];
  for (let i = 1; i < offsets.length; i++) if (offsets[i] !== start + i) return { value, offsets, span, quoted };
  return new ContiguousString(value, start, span, quoted);
}

/** A character-string `shift` further on in the source. */
export function movedCharString(s: CharString, shift: number): CharString {
  if (s instanceof ContiguousString) return s.moved(shift);
  return {
    value: s.value,
    offsets: s.offsets.map((o) => o + shift),
    span: { offset: s.span.offset + shift, length: s.span.length },
    quoted: s.quoted,
  };
}
