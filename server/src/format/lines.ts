/**
 * The formatter's view of a zone text (RFC 1035 §5.1): logical lines made of words,
 * quoted strings, parentheses and comments, each tagged with its physical line. It
 * reads the text exactly as the zone scanner does (same delimiters, `\` escaping the
 * next character, newlines as blanks inside parentheses) but keeps the parentheses
 * and comments, which the formatter must put back.
 */

export type ItemKind = 'word' | 'quoted' | 'open' | 'close' | 'comment';

export interface Item {
  readonly kind: ItemKind;
  readonly offset: number;
  readonly length: number;
  /** Index of the physical line the item starts on. */
  readonly line: number;
}

export interface LogicalLine {
  /** Offset of the first character of its first physical line. */
  readonly start: number;
  /** Offset just past the content of its last physical line (before `\r\n` or `\n`). */
  readonly end: number;
  readonly firstLine: number;
  readonly lastLine: number;
  readonly items: readonly Item[];
  /** Began with a blank: the owner is inherited. */
  readonly blankOwner: boolean;
  /**
   * Kept as written: lexically broken (stray `)`, unterminated string, word across lines),
   * or holding a carriage return that is not part of a `\r\n`, which the zone scanner and
   * editors take as a line break (outside parentheses) while the formatter's physical lines
   * end at `\n` alone: the line's breaks and blank lines stay as they are.
   */
  readonly failed: boolean;
}

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const OPEN = 0x28;
const CLOSE = 0x29;
const SEMI = 0x3b;
const BACKSLASH = 0x5c;

function isDelimiter(c: number): boolean {
  return c === TAB || c === LF || c === CR || c === SPACE || c === QUOTE || c === OPEN || c === CLOSE || c === SEMI;
}

/** Offsets where each physical line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** End of a physical line's content: before its `\n` and a `\r` in front of it. */
export function lineContentEnd(text: string, starts: readonly number[], line: number): number {
  let end = line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
  if (end > starts[line] && text.charCodeAt(end - 1) === CR) end--;
  return end;
}

/**
 * Splits `text` into logical lines. After a `(` that is never closed the rest of the
 * text becomes one failed line, so nothing after it is reformatted.
 */
export function logicalLines(text: string): LogicalLine[] {
  const starts = lineStarts(text);
  const out: LogicalLine[] = [];
  const n = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  while (pos < n) {
    const start = pos;
    const firstLine = line;
    const items: Item[] = [];
    const first = text.charCodeAt(pos);
    const blankOwner = first === SPACE || first === TAB;
    let depth = 0;
    let failed = false;
    let ended = false;
    while (!ended) {
      if (pos >= n) {
        if (depth > 0) failed = true;
        break;
      }
      const c = text.charCodeAt(pos);
      if (c === SPACE || c === TAB) {
        pos++;
      } else if (c === CR) {
        if (pos + 1 >= n || text.charCodeAt(pos + 1) !== LF) failed = true;
        pos++;
      } else if (c === LF) {
        pos++;
        if (depth === 0) ended = true;
        else line++;
      } else if (c === SEMI) {
        let end = text.indexOf('\n', pos);
        if (end < 0) end = n;
        let stop = end;
        // A comment runs to a newline (the scanner's rule), but an editor shows its lone CRs as breaks.
        for (let k = pos; k < end; k++) if (text.charCodeAt(k) === CR && text.charCodeAt(k + 1) !== LF) failed = true;
        while (stop > pos && (text.charCodeAt(stop - 1) === CR || text.charCodeAt(stop - 1) === SPACE || text.charCodeAt(stop - 1) === TAB)) stop--;
        items.push({ kind: 'comment', offset: pos, length: stop - pos, line });
        pos = end;
      } else if (c === OPEN || c === CLOSE) {
        if (c === OPEN) depth++;
        else if (depth === 0) failed = true;
        else depth--;
        items.push({ kind: c === OPEN ? 'open' : 'close', offset: pos, length: 1, line });
        pos++;
      } else if (c === QUOTE) {
        const from = pos;
        pos++;
        while (pos < n && text.charCodeAt(pos) !== QUOTE && text.charCodeAt(pos) !== LF) {
          if (text.charCodeAt(pos) === BACKSLASH && text.charCodeAt(pos + 1) === LF) failed = true;
          pos += text.charCodeAt(pos) === BACKSLASH ? 2 : 1;
        }
        if (pos >= n || text.charCodeAt(pos) !== QUOTE) {
          failed = true;
          pos = Math.min(pos, n);
        } else {
          pos++;
        }
        items.push({ kind: 'quoted', offset: from, length: pos - from, line });
      } else {
        const from = pos;
        while (pos < n) {
          const d = text.charCodeAt(pos);
          if (d === BACKSLASH) {
            // An escaped newline would carry the word onto the next physical line.
            if (pos + 1 < n && text.charCodeAt(pos + 1) === LF) failed = true;
            pos += 2;
          } else if (isDelimiter(d)) break;
          else pos++;
        }
        pos = Math.min(pos, n);
        items.push({ kind: 'word', offset: from, length: pos - from, line });
      }
    }
    if (failed && depth > 0) {
      // Unclosed `(`: keep everything from here on as written.
      const lastLine = starts.length - 1;
      out.push({ start, end: lineContentEnd(text, starts, lastLine), firstLine, lastLine, items, blankOwner, failed: true });
      break;
    }
    const lastLine = lineOf(starts, ended ? pos - 1 : pos);
    out.push({ start, end: lineContentEnd(text, starts, lastLine), firstLine, lastLine, items, blankOwner, failed });
    line = lastLine + 1;
    pos = lastLine + 1 < starts.length ? starts[lastLine + 1] : n;
  }
  return out;
}

/** The physical line holding `offset`. */
function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
