/**
 * Where the server rehearses a keystroke in a large zone just opened (see
 * IncrementalZone.rehearse): on a line holding one ordinary record, so that typing there
 * and taking it out again re-checks a few owners, not the zone. A line is passed over when
 * it is a directive, a comment, part of a record in parentheses, has an absolute owner (it
 * may be the apex), or holds a record that cuts the zone (NS, DNAME) or an SOA.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** How far from the chosen line a plain record line is looked for. */
const SEARCH_LINES = 64;
const PLAIN_OWNER = /^[A-Za-z0-9_*-][A-Za-z0-9_.*-]*(?<!\.)[ \t]/;
const ZONE_WIDE = /[ \t](NS|DNAME|SOA)[ \t]/i;

/**
 * The offset of rehearsal `k`: even ones at a line's start (the owner changes), odd ones at
 * its end (the last RDATA field changes). Lines are spread over the document by the golden
 * ratio; from there the next plain record line is taken (wrapping around). Undefined when
 * none is near.
 */
export function rehearsalPlace(document: TextDocument, k: number): number | undefined {
  const lines = document.lineCount;
  const first = Math.floor(((k * 0.6180339887) % 1) * lines);
  for (let i = 0; i < Math.min(lines, SEARCH_LINES); i++) {
    const line = (first + i) % lines;
    const range = { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
    const text = document.getText(range).replace(/\r?\n$/, '');
    if (!PLAIN_OWNER.test(text) || /[();"\\$]/.test(text) || ZONE_WIDE.test(` ${text} `)) continue;
    const start = document.offsetAt(range.start);
    return k % 2 === 0 ? start : start + text.trimEnd().length;
  }
  return undefined;
}
