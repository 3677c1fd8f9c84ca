/**
 * Edits inside a TXT-like record's character-strings (RFC 1035 §3.3), addressed by
 * octet positions in the joined text that SPF, DMARC and DKIM read (RFC 7208 §3.3).
 * Every string stays within 255 octets: a string that would grow past that is
 * rewritten as several quoted strings, cut after a space (or `;`) where possible,
 * never inside an escape. Text outside the edited strings is left as it is.
 */
import type { CharString, ResourceRecord } from '../zone/ast';
import type { TextEditOffsets } from './types';

export const MAX_STRING = 255;

/** One octet of a string and the source text that wrote it (`\"`, `\065`, `a`). */
interface Unit {
  readonly octet: string;
  readonly source: string;
}

/** How an octet is written inside a quoted string. */
export function escapeOctet(octet: string): string {
  const c = octet.charCodeAt(0);
  if (c < 0x20 || c > 0x7e) return '\\' + String(c).padStart(3, '0');
  if (octet === '"' || octet === '\\') return '\\' + octet;
  return octet;
}

export function escapeOctets(octets: string): string {
  let out = '';
  for (const o of octets) out += escapeOctet(o);
  return out;
}

function sourceUnits(text: string, s: CharString, from: number, to: number): Unit[] {
  const out: Unit[] = [];
  for (let i = from; i < to; i++) out.push({ octet: s.value[i], source: text.slice(s.offsets[i], s.offsets[i + 1]) });
  return out;
}

function insertUnits(octets: string): Unit[] {
  return [...octets].map((o) => ({ octet: o, source: escapeOctet(o) }));
}

/** Cuts units into chunks of at most `max` octets, after a space or `;` when one is near the end. */
function chunk(units: readonly Unit[], max = MAX_STRING): Unit[][] {
  const out: Unit[][] = [];
  let start = 0;
  while (units.length - start > max) {
    let cut = start + max;
    for (let i = start + max - 1; i > start + max / 2; i--) {
      if (units[i].octet === ' ' || units[i].octet === ';') {
        cut = i + 1;
        break;
      }
    }
    out.push(units.slice(start, cut));
    start = cut;
  }
  out.push(units.slice(start));
  return out;
}

function quoted(chunks: readonly Unit[][]): string {
  return chunks.map((c) => `"${c.map((u) => u.source).join('')}"`).join(' ');
}

/** The string's text as quoted strings of at most 255 octets (for zone-txt-string-too-long). */
export function splitString(text: string, s: CharString): { edit: TextEditOffsets; count: number } | undefined {
  if (s.value.length <= MAX_STRING) return undefined;
  const chunks = chunk(sourceUnits(text, s, 0, s.value.length));
  return { edit: { offset: s.span.offset, length: s.span.length, newText: quoted(chunks) }, count: chunks.length };
}

function starts(strings: readonly CharString[]): number[] {
  const out: number[] = [];
  let acc = 0;
  for (const s of strings) {
    out.push(acc);
    acc += s.value.length;
  }
  return out;
}

/** The joined text of a record's strings (binary string). */
export function joinedValue(rr: ResourceRecord): string {
  return (rr.rdata.strings ?? []).map((s) => s.value).join('');
}

/** Octet range of the joined text written at a zone-text span, if it lies in one string. */
export function octetRange(rr: ResourceRecord, offset: number, length: number): { from: number; to: number } | undefined {
  const strings = rr.rdata.strings ?? [];
  const at = starts(strings);
  for (let k = 0; k < strings.length; k++) {
    const { offsets, value } = strings[k];
    const i = offsets.indexOf(offset);
    if (i < 0 || i > value.length) continue;
    const j = offsets.indexOf(offset + length, i);
    if (j < 0) continue;
    return { from: at[k] + i, to: at[k] + j };
  }
  return undefined;
}

/**
 * Edits that replace octets [from, to) of the record's joined text with `insert`
 * (octets, escaped as needed). The insertion goes into the string holding `from`.
 */
export function editTxt(text: string, rr: ResourceRecord, from: number, to: number, insert: string): TextEditOffsets[] {
  const strings = rr.rdata.strings ?? [];
  if (strings.length === 0) return [];
  const at = starts(strings);
  let k = strings.findIndex((s, i) => at[i] <= from && from < at[i] + s.value.length);
  if (k < 0) k = strings.length - 1;
  const edits: TextEditOffsets[] = [];
  const first = strings[k];
  const la = from - at[k];
  const lb = Math.min(to, at[k] + first.value.length) - at[k];
  if (first.value.length - (lb - la) + insert.length <= MAX_STRING && first.quoted) {
    const offset = first.offsets[la];
    edits.push({ offset, length: first.offsets[lb] - offset, newText: escapeOctets(insert) });
  } else {
    const units = [
      ...sourceUnits(text, first, 0, la),
      ...insertUnits(insert),
      ...sourceUnits(text, first, lb, first.value.length),
    ];
    edits.push({ offset: first.span.offset, length: first.span.length, newText: quoted(chunk(units)) });
  }
  for (let j = k + 1; j < strings.length && at[j] < to; j++) {
    const s = strings[j];
    const hi = Math.min(to, at[j] + s.value.length) - at[j];
    if (hi === s.value.length && s.value.length > 0) {
      // The whole string goes: its token too, with the blank before it.
      const prevEnd = strings[j - 1].span.offset + strings[j - 1].span.length;
      const gap = text.slice(prevEnd, s.span.offset);
      const start = /^[ \t]*$/.test(gap) ? prevEnd : s.span.offset;
      edits.push({ offset: start, length: s.span.offset + s.span.length - start, newText: '' });
    } else if (hi > 0) {
      edits.push({ offset: s.offsets[0], length: s.offsets[hi] - s.offsets[0], newText: '' });
    }
  }
  return edits;
}

/** Edits that turn the record's joined text into `value`: one replacement of the part that differs. */
export function rewriteTxt(text: string, rr: ResourceRecord, value: string): TextEditOffsets[] {
  const old = joinedValue(rr);
  if (old === value) return [];
  let p = 0;
  while (p < old.length && p < value.length && old[p] === value[p]) p++;
  let s = 0;
  const room = Math.min(old.length, value.length) - p;
  while (s < room && old[old.length - 1 - s] === value[value.length - 1 - s]) s++;
  return editTxt(text, rr, p, old.length - s, value.slice(p, value.length - s));
}

/** A text as quoted character-strings of at most 255 octets, for a new record. */
export function quoteOctets(value: string): string {
  return quoted(chunk(insertUnits(value)));
}
