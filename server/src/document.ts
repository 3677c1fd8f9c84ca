/**
 * The server's text documents: the text is kept in chunks, so an edit copies one chunk,
 * not the document (a string of a million-record zone is 32 MB, and making a new one
 * costs V8 well over 100 ms). The whole string is joined only when something asks for
 * it. Each document also remembers where it changed since the last `takeChange`, which
 * tells incremental parsing where to look.
 */
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextChange, TextSource } from './incremental/text';

/** Chunk size: an edit copies about this much. */
const CHUNK = 16 * 1024;

const LF = 0x0a;
const CR = 0x0d;

export class ChunkedDocument implements TextDocument, TextSource {
  private chunks: string[] = [];
  /** Where each chunk's line breaks end, relative to the chunk; made when first needed. */
  private feeds: (number[] | undefined)[] = [];
  /** Start offset and number of line breaks before each chunk; undefined after an edit. */
  private starts: number[] | undefined;
  private linesBefore: number[] | undefined;
  private total = 0;
  private whole: string | undefined;
  /** Unchanged prefix and suffix lengths since the last takeChange, and the length then. */
  private prefix = Infinity;
  private suffix = Infinity;
  private lengthThen = 0;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private _version: number,
    content: string,
    /** Chunk size (tests use tiny chunks to cross chunk boundaries). */
    private readonly chunkSize = CHUNK,
  ) {
    this.setContent(content);
    this.lengthThen = this.total;
    this.prefix = this.suffix = Infinity;
  }

  static create(uri: string, languageId: string, version: number, content: string): ChunkedDocument {
    return new ChunkedDocument(uri, languageId, version, content);
  }

  /** TextDocuments' update hook: applies the changes in place. */
  static update(document: ChunkedDocument, changes: TextDocumentContentChangeEvent[], version: number): ChunkedDocument {
    document.update(changes, version);
    return document;
  }

  get version(): number {
    return this._version;
  }

  get length(): number {
    return this.total;
  }

  get lineCount(): number {
    this.index();
    const n = this.chunks.length;
    return n === 0 ? 1 : this.linesBefore![n - 1] + this.lineFeeds(n - 1).length + 1;
  }

  getText(range?: Range): string {
    if (range) return this.slice(this.offsetAt(range.start), this.offsetAt(range.end));
    this.whole ??= this.chunks.join('');
    return this.whole;
  }

  slice(from: number, to: number): string {
    from = Math.max(0, Math.min(from, this.total));
    to = Math.max(from, Math.min(to, this.total));
    if (this.whole !== undefined) return this.whole.slice(from, to);
    if (from === to) return '';
    this.index();
    const starts = this.starts!;
    let c = this.chunkAt(from);
    const parts: string[] = [];
    while (c < this.chunks.length && starts[c] < to) {
      const s = starts[c];
      parts.push(this.chunks[c].slice(Math.max(0, from - s), Math.min(this.chunks[c].length, to - s)));
      c++;
    }
    return parts.length === 1 ? parts[0] : parts.join('');
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.total));
    this.index();
    if (this.chunks.length === 0) return { line: 0, character: 0 };
    const c = this.chunkAt(offset);
    const rel = offset - this.starts![c];
    const ends = this.lineFeeds(c);
    // Line breaks ending at or before rel: the line is that many lines after the chunk's first.
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid] <= rel) lo = mid + 1;
      else hi = mid;
    }
    const line = this.linesBefore![c] + lo;
    const lineStart = lo > 0 ? this.starts![c] + ends[lo - 1] : this.lineStartBefore(c);
    // Inside a CRLF means before it (as vscode-languageserver-textdocument does). The
    // character before is read from this chunk when it is there (no second chunk search).
    const chunk = this.chunks[c];
    while (offset > lineStart) {
      const k = offset - 1 - this.starts![c];
      const ch = k >= 0 ? chunk.charCodeAt(k) : this.charCodeAt(offset - 1);
      if (ch !== LF && ch !== CR) break;
      offset--;
    }
    return { line, character: offset - lineStart };
  }

  offsetAt(position: Position): number {
    this.index();
    const lineCount = this.lineCount;
    if (position.line >= lineCount) return this.total;
    if (position.line < 0) return 0;
    const lineStart = this.lineStart(position.line);
    if (position.character <= 0) return lineStart;
    const next = position.line + 1 < lineCount ? this.lineStart(position.line + 1) : this.total;
    let offset = Math.min(lineStart + position.character, next);
    // Never inside the line break (as vscode-languageserver-textdocument does).
    while (offset > lineStart && this.isEol(offset - 1)) offset--;
    return offset;
  }

  getLineRange(line: number): Range {
    const lineCount = this.lineCount;
    if (line >= lineCount) {
      const last = lineCount - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.total - this.lineStart(last) } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = this.lineStart(line);
    return { start: { line, character: 0 }, end: { line, character: this.beforeEol(line, start) - start } };
  }

  getEOLCharacters(line: number): string {
    const lineCount = this.lineCount;
    if (line < 0 || line >= lineCount) return '';
    const start = this.lineStart(line);
    const next = line + 1 < lineCount ? this.lineStart(line + 1) : this.total;
    return this.slice(this.beforeEol(line, start), next);
  }

  /** Where line `line` (starting at `start`) ends, before its line break. */
  private beforeEol(line: number, start: number): number {
    let end = line + 1 < this.lineCount ? this.lineStart(line + 1) : this.total;
    while (end > start && this.isEol(end - 1)) end--;
    return end;
  }

  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    const before = this.total;
    let lineBreaks = changes.length > 1;
    for (const change of changes) {
      if ('range' in change && change.range) {
        const a = this.offsetAt(change.range.start);
        const b = this.offsetAt(change.range.end);
        if (change.range.start.line !== change.range.end.line || /[\r\n]/.test(change.text)) lineBreaks = true;
        this.replace(Math.min(a, b), Math.max(a, b), change.text);
      } else {
        lineBreaks = true;
        this.prefix = 0;
        this.suffix = 0;
        this.setContent(change.text);
      }
    }
    if (lineBreaks && (this.total === before || changes.length > 1)) this._layout++;
    this._version = version;
  }

  private _layout = 0;

  /**
   * Changes when an offset after the edit may be on another line although the offsets
   * there did not move (a line break typed over one character, several changes at
   * once). While it stays the same, a range made for an offset holds until the text
   * before that offset changes length.
   */
  get layoutVersion(): number {
    return this._layout;
  }

  /**
   * Where the text changed since the last call (or since it was made), as one range;
   * resets the record.
   */
  takeChange(): TextChange {
    const prefix = Math.min(this.prefix, this.total, this.lengthThen);
    const suffix = Math.min(this.suffix, this.total - prefix, this.lengthThen - prefix);
    this.prefix = this.suffix = Infinity;
    const change = { start: prefix, oldEnd: this.lengthThen - suffix, newEnd: this.total - suffix };
    this.lengthThen = this.total;
    return change;
  }

  private replace(from: number, to: number, text: string): void {
    this.prefix = Math.min(this.prefix, from);
    this.suffix = Math.min(this.suffix, this.total - to);
    this.whole = undefined;
    this.index();
    if (this.chunks.length === 0) {
      this.setContent(text);
      return;
    }
    const starts = this.starts!;
    const first = this.chunkAt(from);
    let last = this.chunkAt(to);
    // An end at the very start of a chunk belongs to the chunk before.
    if (last > first && starts[last] === to) last--;
    const head = this.chunks[first].slice(0, from - starts[first]);
    const tail = this.chunks[last].slice(to - starts[last]);
    const middle = head + text + tail;
    const pieces: string[] = [];
    for (let i = 0; i < middle.length; i += this.chunkSize) pieces.push(flat(middle.slice(i, i + this.chunkSize)));
    this.chunks.splice(first, last - first + 1, ...pieces);
    this.feeds.splice(first, last - first + 1, ...pieces.map(() => undefined));
    // A `\r` ending the chunk before may now be followed by another character.
    if (first > 0) this.feeds[first - 1] = undefined;
    if (this.chunks.length === 0) {
      this.chunks.push('');
      this.feeds.push(undefined);
    }
    this.total += text.length - (to - from);
    this.starts = this.linesBefore = undefined;
  }

  private setContent(content: string): void {
    this.chunks = [];
    for (let i = 0; i < content.length; i += this.chunkSize) this.chunks.push(flat(content.slice(i, i + this.chunkSize)));
    if (this.chunks.length === 0) this.chunks.push('');
    this.feeds = this.chunks.map(() => undefined);
    this.total = content.length;
    this.whole = content;
    this.starts = this.linesBefore = undefined;
  }

  private index(): void {
    if (this.starts) return;
    const n = this.chunks.length;
    const starts = new Array<number>(n);
    const lines = new Array<number>(n);
    let at = 0;
    let line = 0;
    for (let c = 0; c < n; c++) {
      starts[c] = at;
      lines[c] = line;
      at += this.chunks[c].length;
      line += this.lineFeeds(c).length;
    }
    this.starts = starts;
    this.linesBefore = lines;
  }

  /**
   * Where each line break of a chunk ends, relative to the chunk: after `\n`, after a
   * `\r` not followed by `\n`, after `\r\n` (LSP line breaks).
   */
  private lineFeeds(c: number): number[] {
    let f = this.feeds[c];
    if (!f) {
      f = [];
      const s = this.chunks[c];
      for (let i = 0; i < s.length; i++) {
        const ch = s.charCodeAt(i);
        if (ch === LF) f.push(i + 1);
        else if (ch === CR) {
          const next = i + 1 < s.length ? s.charCodeAt(i + 1) : c + 1 < this.chunks.length ? this.chunks[c + 1].charCodeAt(0) : -1;
          if (next !== LF) f.push(i + 1);
        }
      }
      this.feeds[c] = f;
    }
    return f;
  }

  /** The chunk holding `offset` (the last chunk for the end of the text). */
  private chunkAt(offset: number): number {
    const starts = this.starts!;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Start of the line a chunk begins in: after the last line feed of an earlier chunk. */
  private lineStartBefore(c: number): number {
    for (let k = c - 1; k >= 0; k--) {
      const f = this.lineFeeds(k);
      if (f.length > 0) return this.starts![k] + f[f.length - 1];
    }
    return 0;
  }

  /** Offset where line `line` (0-based) starts. */
  private lineStart(line: number): number {
    if (line <= 0) return 0;
    const lines = this.linesBefore!;
    // The chunk holding line feed number `line` (1-based): linesBefore[c] < line ≤ linesBefore[c] + feeds.
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid] < line) lo = mid;
      else hi = mid - 1;
    }
    const f = this.lineFeeds(lo);
    return this.starts![lo] + f[line - lines[lo] - 1];
  }

  private charCodeAt(offset: number): number {
    if (this.whole !== undefined) return this.whole.charCodeAt(offset);
    const c = this.chunkAt(offset);
    return this.chunks[c].charCodeAt(offset - this.starts![c]);
  }

  private isEol(offset: number): boolean {
    const ch = this.charCodeAt(offset);
    return ch === LF || ch === CR;
  }
}

/** A string of its own (a slice would keep the whole old text alive). */
function flat(s: string): string {
  return s.length < 16 ? s : (' ' + s).slice(1);
}
