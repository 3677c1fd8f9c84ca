/**
 * Incremental parsing: the document is parsed in pieces of whole logical lines, each
 * with the parser state it starts from. After an edit only the pieces the edit touches
 * are parsed again, and parsing stops as soon as it reaches an old piece boundary with
 * the state that piece started from: the pieces after it are reused, moved as a block.
 */
import type { Problem } from '../diagnostics/types';
import type { Comment, Directive, ResourceRecord } from '../zone/ast';
import { newParser, type ParseOptions } from '../zone/index';
import { type ParserState, sameParserState, type SourceText } from '../zone/parser';
import type { TextChange, TextSource } from './text';

/** Text read at once to parse a piece: several pieces' worth, widened when a line is longer. */
const WINDOW = 64 * 1024;

/**
 * Logical lines per piece: a keystroke parses its piece again and re-indexes its owners.
 * At 256 that was about 2 ms of a keystroke's 14 in a 100,000-record zone; at 64 the
 * median keystroke is some 1.7 ms faster, at 32 no faster again (bench/lsp.mjs, A/B).
 */
export const PIECE_LINES = 64;

export interface Piece {
  /** Where the piece starts in the current text. */
  start: number;
  readonly length: number;
  /** Its text, to tell whether an edit touched it. */
  readonly text: string;
  /** Where it started when parsed: offsets below are as parsed; add `start - parsedStart`. */
  readonly parsedStart: number;
  readonly startState: ParserState;
  readonly endState: ParserState;
  readonly records: readonly ResourceRecord[];
  readonly directives: readonly Directive[];
  readonly comments: readonly Comment[];
  /** Scanner and parser problems, as parsed. */
  readonly problems: readonly Problem[];
  readonly includes: readonly string[];
  /** The SourceText the records read from; moving it moves them. */
  readonly source: SourceText;
  /** False when records hold offsets of their own ($GENERATE): moved by parsing again. */
  readonly movable: boolean;
  /**
   * False when parsing it read past its end (a line with an unclosed parenthesis runs to
   * the end of the text) or skipped problems an earlier piece reported ahead.
   */
  readonly closed: boolean;
}

/** How far a piece moved since it was parsed. */
export function shiftOf(piece: Piece): number {
  return piece.start - piece.parsedStart;
}

export function movePiece(piece: Piece, start: number): void {
  piece.start = start;
  piece.source.shift = start - piece.parsedStart;
}

/** What an update did: pieces gone, pieces new, the rest moved or kept. */
export interface PieceChange {
  readonly removed: readonly Piece[];
  readonly added: readonly Piece[];
  /** Where the text changed. */
  readonly edit: TextChange;
}

export class PieceParser {
  pieces: Piece[] = [];
  /** Length of the text last parsed. */
  private length = 0;

  constructor(
    private readonly origin: string | undefined,
    private readonly options: ParseOptions,
    private readonly pieceLines = PIECE_LINES,
  ) {}

  /** Parses the whole text. */
  parseAll(text: TextSource): PieceChange {
    const removed = this.pieces;
    const { parser } = newParser(this.origin, this.options);
    const edit = { start: 0, oldEnd: this.length, newEnd: text.length };
    this.length = text.length;
    this.pieces = this.parseOn(text, 0, parser.saveState(), []);
    return { removed, added: this.pieces, edit };
  }

  /**
   * Brings the pieces up to `text`, parsing again only what changed. `change` says where
   * the text changed (the editor knows); without it, the pieces are compared with the text.
   */
  update(text: TextSource, change?: TextChange): PieceChange {
    const old = this.pieces;
    if (old.length === 0) return this.parseAll(text);
    const oldLength = this.length;
    const edit = change ?? this.diff(text);
    const delta = text.length - oldLength;
    // Pieces before the edit, kept as they are (a piece that ends the text, or whose
    // last line ran past its end, depends on what follows and is parsed again).
    let k = 0;
    while (k < old.length && old[k].start + old[k].length <= edit.start && reusable(old[k], oldLength)) k++;
    if (k === old.length) k = old.length - 1;
    // Pieces after the edit: the same text moved by delta. Everything after them is the
    // same too, so only a piece that depends on more than its text is ruled out.
    let m = old.length;
    while (m > k + 1 && old[m - 1].start >= edit.oldEnd && old[m - 1].closed) m--;
    const from = old[k];
    const candidates = old.slice(m);
    const fresh = this.parseOn(text, from.start, from.startState, candidates, delta);
    this.length = text.length;
    // parseOn ends either at the end of the text or at a candidate it may reuse.
    const last = fresh[fresh.length - 1];
    const end = last ? last.start + last.length : from.start;
    const reuseAt = candidates.findIndex((c) => c.start + delta === end);
    const reused = reuseAt < 0 || end >= text.length ? [] : candidates.slice(reuseAt);
    const removed = old.slice(k, m + (reuseAt < 0 || end >= text.length ? candidates.length : reuseAt));
    const added: Piece[] = [...fresh];
    const kept: Piece[] = [];
    for (const c of reused) {
      if (delta === 0 || c.movable) {
        movePiece(c, c.start + delta);
        kept.push(c);
      } else {
        // Records of $GENERATE keep offsets of their own: parse the piece again where it is now.
        const [again] = this.parseOn(text, c.start + delta, c.startState, [], 0, c.text.length);
        removed.push(c);
        added.push(again);
        kept.push(again);
      }
    }
    this.pieces = [...old.slice(0, k), ...fresh, ...kept];
    return { removed, added, edit };
  }

  /** Where `text` differs from the text of the pieces, found by comparing them. */
  private diff(text: TextSource): TextChange {
    const old = this.pieces;
    const oldLength = this.length;
    const limit = Math.min(oldLength, text.length);
    let k = 0;
    while (k < old.length && text.slice(old[k].start, old[k].start + old[k].length) === old[k].text) k++;
    let start = k < old.length ? old[k].start : oldLength;
    if (k < old.length) {
      const was = old[k].text;
      const now = text.slice(start, start + was.length);
      let i = 0;
      while (i < was.length && i < now.length && was.charCodeAt(i) === now.charCodeAt(i)) i++;
      start += i;
    }
    start = Math.min(start, limit);
    const delta = text.length - oldLength;
    let suffix = 0;
    let m = old.length;
    while (m > 0) {
      const p = old[m - 1];
      if (p.start < start || text.slice(p.start + delta, p.start + delta + p.length) !== p.text) break;
      suffix += p.length;
      m--;
    }
    if (m > 0) {
      const was = old[m - 1].text;
      const endNow = old[m - 1].start + old[m - 1].length + delta;
      const now = text.slice(Math.max(0, endNow - was.length), endNow);
      let i = 0;
      while (i < was.length && i < now.length && was.charCodeAt(was.length - 1 - i) === now.charCodeAt(now.length - 1 - i)) i++;
      suffix += i;
    }
    suffix = Math.min(suffix, limit - start);
    return { start, oldEnd: oldLength - suffix, newEnd: text.length - suffix };
  }

  /**
   * Parses from `start` with `state`, a piece every PIECE_LINES lines, until the end of
   * the text or a candidate's (moved) start where the parser's state equals the state
   * the candidate started from. With `only`, parses exactly one piece of that length.
   */
  private parseOn(
    text: TextSource,
    start: number,
    state: ParserState,
    candidates: readonly Piece[],
    delta = 0,
    only?: number,
  ): Piece[] {
    const out: Piece[] = [];
    let at = start;
    let c = 0;
    // Problems the last piece reported past its end (a line with an unclosed parenthesis
    // runs to the end of the text, then parsing resumes after it): not reported twice.
    let ahead: number[] = [];
    while (at < text.length || out.length === 0) {
      while (c < candidates.length && candidates[c].start + delta <= at) c++;
      const stopAt = only !== undefined ? start + only : c < candidates.length ? candidates[c].start + delta : Infinity;
      // Parse from a window of the text; when a line runs to the window's end, widen it.
      let size = WINDOW;
      let parsed;
      for (;;) {
        const window = text.slice(at, Math.min(text.length, at + size));
        const whole = at + window.length >= text.length;
        const { parser, source } = newParser(this.origin, this.options);
        parser.loadState(state);
        parser.reportedAlready(ahead);
        const piece = parser.parsePiece(
          window,
          0,
          source,
          (pos, lines) => lines > 0 && (pos >= stopAt || (only === undefined && lines >= this.pieceLines)),
          at,
        );
        parsed = { parser, ...piece };
        if (whole || !(piece.atEnd || piece.resumed)) break;
        size *= 4;
      }
      const { parser, end, text: sourceText, resumed } = parsed;
      // A piece that ran past its end, or was parsed knowing problems an earlier piece
      // reported ahead, depends on more than its text and start state: never reused.
      const closed = !resumed && ahead.length === 0;
      const endState = parser.saveState();
      out.push({
        start: at,
        length: end - at,
        text: sourceText.content,
        parsedStart: at,
        startState: state,
        endState,
        records: parser.records,
        directives: parser.directives,
        comments: parser.comments,
        problems: parser.problems,
        includes: parser.includes,
        source: sourceText,
        movable: !parser.records.some((r) => r.generated),
        closed,
      });
      state = endState;
      ahead = [...ahead, ...parser.problems.filter((p) => p.file === undefined).map((p) => p.offset)].filter((o) => o >= end);
      if (only !== undefined || end <= at) break;
      at = end;
      const candidate = candidates[c];
      if (candidate && ahead.length === 0 && candidate.start + delta === at && sameParserState(state, candidate.startState)) break;
    }
    return out;
  }
}

/** A piece that can be kept when the text after it changes: it ends with a line break. */
function reusable(piece: Piece, length: number): boolean {
  const end = piece.start + piece.length;
  return piece.closed && end < length && piece.text.charCodeAt(piece.text.length - 1) === 0x0a;
}
