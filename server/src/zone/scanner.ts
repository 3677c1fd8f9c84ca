/**
 * The master-file lexer (RFC 1035 §5.1): splits a text into logical lines of tokens in
 * one pass over char codes. A logical line ends at a newline outside parentheses (`\n`,
 * `\r\n`, or a `\r` alone, as BIND reads it);
 * inside `( … )` newlines are blanks. `;` starts a comment to the end of the line;
 * `"` starts a quoted string (BIND rejects an unescaped newline inside one); `\`
 * escapes the next character in both.
 */
import type { Comment, Token } from './ast';
import { ZoneCodes } from './codes';
import { codePointHex, lookalikeKind, lookalikeNameDetail } from './lookalike';

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const OPEN = 0x28;
const CLOSE = 0x29;
const SEMI = 0x3b;
const BACKSLASH = 0x5c;
/**
 * Where bytes are not UTF-8: U+FFFD, which decoders (an editor's among them) put in their
 * place, or a byte kept as a lone surrogate (zone/encoding.ts), as files read here are.
 */
const NOT_UTF8 = /\uFFFD|(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/g;

/**
 * Tokens kept per logical line: far above any record BIND accepts (RDATA is at most
 * 65535 octets, so at most 65535 strings or bytes), far below memory trouble (a token
 * costs ~50 bytes, so a 100 MB line of `a a a …` would need gigabytes). Beyond it the
 * line is reported and skipped.
 */
export const MAX_LINE_TOKENS = 100_000;

/** Characters that end a bare word, by char code. */
const DELIM = new Uint8Array(128);
for (const c of [TAB, LF, CR, SPACE, QUOTE, OPEN, CLOSE, SEMI]) DELIM[c] = 1;

export interface ScannedLine {
  tokens: Token[];
  /** The line started with a blank: the owner is inherited. */
  blankOwner: boolean;
  /** Offset of the line's first character. */
  offset: number;
  /** A lexical error was reported in this line: the parser skips it. */
  failed: boolean;
  /** The text ended before a line break ended the line. */
  atEof: boolean;
}

export type Reporter = (code: string, offset: number, length: number, args?: Record<string, string | number>) => void;

export class Scanner {
  private pos = 0;
  /**
   * A line with an unclosed parenthesis ran to the end of the text and reading went back
   * to the line after it: what was read so far depends on the text after this point.
   */
  resumed = false;

  constructor(
    private readonly text: string,
    private readonly report: Reporter,
    /** Where comments go; undefined to drop them. */
    private readonly comments?: Comment[],
    private readonly file?: string,
    /** Where to start: 0, or the start of a logical line read before. */
    start = 0,
    /**
     * Added to every offset reported: the position of `text` in a larger document, when
     * `text` is a piece of it (incremental parsing keeps each piece's own copy).
     */
    private readonly base = 0,
    /**
     * Report lines holding U+FFFD, the character a reader puts where bytes are not UTF-8
     * (zone-not-utf8). Off for the scanners that read a line again.
     */
    private readonly encoding = false,
  ) {
    // A byte-order mark is not part of the first owner name.
    this.pos = start === 0 && base === 0 && text.charCodeAt(0) === 0xfeff ? 1 : start;
  }

  /** Where the next logical line starts, in `text` (without `base`). */
  get position(): number {
    return this.pos;
  }

  /** Reads the next logical line into `line`; false at the end of the text. */
  next(line: ScannedLine): boolean {
    const text = this.text;
    const n = text.length;
    let pos = this.pos;
    if (pos >= n) return false;
    const tokens: Token[] = [];
    line.tokens = tokens;
    const base = this.base;
    line.offset = pos + base;
    line.failed = false;
    line.atEof = false;
    const first = text.charCodeAt(pos);
    line.blankOwner = first === SPACE || first === TAB;
    let depth = 0;
    let openAt = -1;
    for (;;) {
      if (pos >= n) {
        line.atEof = true;
        if (depth > 0) {
          this.resumed = true;
          // Resume at the line after the '(' so one stray parenthesis does not hide the
          // rest of the file (BIND would stop here; the zone is in error either way).
          this.fail(line, ZoneCodes.unbalancedParen.code, openAt + base, 1, 'open-without-close');
          const eol = text.indexOf('\n', openAt);
          if (eol >= 0) {
            pos = eol + 1;
            if (this.comments) {
              while (this.comments.length > 0 && this.comments[this.comments.length - 1].offset >= pos + base) this.comments.pop();
            }
          }
        }
        break;
      }
      const c = text.charCodeAt(pos);
      if (c === SPACE || c === TAB) {
        pos++;
      } else if (c === CR) {
        pos++;
        // Before a newline it is part of the line break; alone it ends the line, as in BIND
        // (isc_lex) and in editors, which show the text after it on a line of its own.
        if (depth === 0 && (pos >= n || text.charCodeAt(pos) !== LF)) break;
      } else if (c === LF) {
        pos++;
        if (depth === 0) break;
      } else if (c === SEMI) {
        const start = pos;
        let end = text.indexOf('\n', pos);
        if (end < 0) end = n;
        pos = end;
        if (end > start && text.charCodeAt(end - 1) === CR) end--;
        if (this.comments) {
          const at = start + base;
          this.comments.push(this.file ? { offset: at, length: end - start, file: this.file } : { offset: at, length: end - start });
        }
      } else if (c === OPEN) {
        if (depth === 0) openAt = pos;
        depth++;
        pos++;
      } else if (c === CLOSE) {
        if (depth === 0) this.fail(line, ZoneCodes.unbalancedParen.code, pos + base, 1, 'close-without-open');
        else depth--;
        pos++;
      } else if (c === QUOTE) {
        pos = this.quoted(pos, line);
      } else {
        const start = pos;
        let odd: number[] | undefined;
        while (pos < n) {
          const d = text.charCodeAt(pos);
          if (d === BACKSLASH) pos += 2;
          else if (d < 128) {
            if (DELIM[d]) break;
            pos++;
          } else {
            if (lookalikeKind(d) !== undefined) (odd ??= []).push(pos);
            pos++;
          }
        }
        if (pos > n) pos = n;
        const word = text.slice(start, pos);
        if (tokens.length < MAX_LINE_TOKENS) tokens.push({ text: word, offset: start + base, length: pos - start, quoted: false });
        else this.tooManyTokens(line, start + base, pos - start);
        if (odd !== undefined) this.lookalikes(odd, word);
      }
    }
    if (this.encoding) this.replacements(line.offset - base, pos);
    this.pos = pos;
    return true;
  }

  /** Position of the next NOT_UTF8 character at or after `replacementFrom`; -2 before the first search. */
  private replacement = -2;
  private replacementFrom = 0;
  /** Lines before this position were reported (a resumed scan reads some lines twice). */
  private replacementsReported = 0;

  /**
   * Reports the line [start, end) when it holds bytes that are not UTF-8, from the first
   * to the last. One search ahead serves every line up to the next such character: a
   * file without any costs one search, and a rescan of one line (SourceText.tokens) none.
   */
  private replacements(start: number, end: number): void {
    const text = this.text;
    if (this.replacement === -2 || start < this.replacementFrom || (this.replacement >= 0 && this.replacement < start)) {
      this.replacementFrom = start;
      this.replacement = notUtf8(text, start);
    }
    const at = this.replacement;
    if (at < 0 || at >= end) return;
    let last = at;
    for (let next = notUtf8(text, at + 1); next >= 0 && next < end; next = notUtf8(text, next + 1)) last = next;
    if (at >= this.replacementsReported) {
      this.report(ZoneCodes.notUtf8.code, at + this.base, last + 1 - at);
      this.replacementsReported = end;
    }
    this.replacementFrom = end;
    this.replacement = notUtf8(text, end);
  }

  /** Scans a quoted string starting at `start`; returns the position after it. */
  private quoted(start: number, line: ScannedLine): number {
    const text = this.text;
    const n = text.length;
    let pos = start + 1;
    while (pos < n) {
      const d = text.charCodeAt(pos);
      if (d === QUOTE) {
        const at = start + this.base;
        if (line.tokens.length < MAX_LINE_TOKENS) line.tokens.push({ text: text.slice(start + 1, pos), offset: at, length: pos + 1 - start, quoted: true });
        else this.tooManyTokens(line, at, pos + 1 - start);
        return pos + 1;
      }
      if (d === BACKSLASH) pos += 2;
      else if (d === LF) break;
      else pos++;
    }
    if (pos > n) pos = n;
    let end = pos;
    if (end > start && text.charCodeAt(end - 1) === CR) end--;
    this.fail(line, ZoneCodes.unterminatedString.code, start + this.base, end - start);
    line.tokens.push({ text: text.slice(start + 1, end), offset: start + this.base, length: end - start, quoted: true });
    return pos;
  }

  /**
   * A character that looks like a blank, a quote, a parenthesis or a semicolon in a bare
   * word (zone/lookalike.ts): reported, and read as BIND reads it, as part of the word.
   */
  private lookalikes(at: readonly number[], word: string): void {
    const token = word.length > 40 ? word.slice(0, 39) + '…' : word;
    for (const pos of at) {
      const code = this.text.charCodeAt(pos);
      const kind = lookalikeKind(code)!;
      this.report(ZoneCodes.lookalikeCharacter.code, pos + this.base, 1, {
        charDetail: lookalikeNameDetail(code, kind),
        fixDetail: `lookalike-fix-${kind}`,
        codePoint: codePointHex(code),
        token,
      });
    }
  }

  /** Reports the first token past MAX_LINE_TOKENS; the parser skips the failed line. */
  private tooManyTokens(line: ScannedLine, offset: number, length: number): void {
    if (!line.failed) this.report(ZoneCodes.syntax.code, offset, length, { detail: 'too-many-tokens', max: MAX_LINE_TOKENS });
    line.failed = true;
  }

  private fail(line: ScannedLine, code: string, offset: number, length: number, detail?: string): void {
    if (!line.failed) this.report(code, offset, length, detail ? { detail } : undefined);
    line.failed = true;
  }
}

/** The position of the first character at or after `from` that stands for bytes that are not UTF-8, or -1. */
function notUtf8(text: string, from: number): number {
  NOT_UTF8.lastIndex = from;
  return NOT_UTF8.exec(text)?.index ?? -1;
}

/** A fresh line record for `Scanner.next`. */
export function emptyLine(): ScannedLine {
  return { tokens: [], blankOwner: false, offset: 0, failed: false, atEof: false };
}
