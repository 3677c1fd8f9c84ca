/**
 * Reading RDATA tokens field by field (RFC 1035 §5.1), collecting problems instead of
 * throwing. Every problem points at the token it is about.
 */
import type { Problem, ProblemArgs } from '../../diagnostics/types';
import type { CharString, Span, Token } from '../ast';
import { RdataCodes } from './codes';

export interface RdataContext {
  /** Absolute origin, for relative names in RDATA. */
  readonly origin: string;
  /**
   * Where RDATA would start (just past the type): where a problem about missing RDATA
   * points when the record has no RDATA token at all. Defaults to 0.
   */
  readonly at?: number;
  /**
   * Where warnings about the RDATA go (zone-unicode-name): unlike `problems`, they do not
   * make the RDATA unusable. Left out, none are gathered.
   */
  readonly warnings?: Problem[];
}

export class TextCursor {
  readonly problems: Problem[] = [];
  readonly strings: CharString[] = [];
  private index = 0;

  constructor(
    readonly tokens: readonly Token[],
    readonly ctx: RdataContext,
    /** The type's mnemonic, for messages. */
    readonly type: string,
  ) {}

  get hasErrors(): boolean {
    return this.problems.length > 0;
  }
  atEnd(): boolean {
    return this.index >= this.tokens.length;
  }
  peek(): Token | undefined {
    return this.tokens[this.index];
  }
  /** The next token, or undefined after reporting `field` as missing. */
  next(field: string): Token | undefined {
    const t = this.tokens[this.index];
    if (!t) {
      this.missing(field);
      return undefined;
    }
    this.index++;
    return t;
  }
  /** The next token, which must be a bare word (BIND: "unexpected token" for a quoted one). */
  word(field: string): Token | undefined {
    const t = this.next(field);
    if (t?.quoted) {
      this.report(t, 'rdata-quoted', { field });
      return undefined;
    }
    return t;
  }
  /** All remaining tokens. */
  rest(): Token[] {
    const out = this.tokens.slice(this.index);
    this.index = this.tokens.length;
    return out;
  }
  report(span: Span, detail: string, args?: ProblemArgs): void {
    this.problems.push({
      code: RdataCodes.badRdata.code,
      offset: span.offset,
      length: span.length,
      args: { type: this.type, detail, ...args },
    });
  }
  /** A problem with its own code (not `zone-bad-rdata`). */
  push(problem: Problem): void {
    this.problems.push(problem);
  }
  missing(field: string): void {
    this.report({ offset: this.endOffset(), length: 0 }, 'rdata-missing', { field });
  }
  /** Just past the last token read (or the first token, or ctx.at). */
  endOffset(): number {
    const last = this.tokens[Math.max(0, this.index - 1)];
    return last ? last.offset + last.length : (this.ctx.at ?? 0);
  }
}
