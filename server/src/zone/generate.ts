/**
 * BIND's `$GENERATE range lhs [ttl] [class] type rhs` (BIND 9 ARM, "The $GENERATE
 * Directive"): `$` is the counter, `$$` and `\$` a literal dollar, and
 * `${offset[,width[,base]]}` formats the counter plus offset in base d, o, x, X, or as
 * nibble labels n/N. Expansion is bounded: a range BIND rejects, or one larger than
 * MAX_GENERATED, is reported instead of expanded.
 */
import type { Span, Token } from './ast';
import { ZoneCodes } from './codes';
import type { Source, ZoneParser } from './parser';
import { classOf } from './parser';
import { Scanner, emptyLine } from './scanner';
import { looksLikeTtl } from './ttl';

/** Records one $GENERATE may make. BIND has no limit; an editor needs one. */
export const MAX_GENERATED = 65536;
const INT_MAX = 0x7fffffff;
/** BIND formats each number into a 128-byte buffer. */
const MAX_NUMBER_TEXT = 127;

export interface GenerateRange {
  readonly start: number;
  readonly stop: number;
  readonly step: number;
}

/** Parses `start-stop[/step]` as BIND's sscanf does; undefined when BIND rejects it. */
export function parseRange(text: string): GenerateRange | undefined {
  const m = /^([+-]?[0-9]+)-([+-]?[0-9]+)(\/([+-]?[0-9]+)?)?/.exec(text);
  if (!m || (m[3] !== undefined && m[4] === undefined)) return undefined;
  const start = Number(m[1]);
  const stop = Number(m[2]);
  const step = m[4] === undefined ? 1 : Number(m[4]);
  if (start < 0 || stop < 0 || step < 1 || stop < start) return undefined;
  if (stop > INT_MAX || step > INT_MAX) return undefined;
  return { start, stop, step };
}

export type Expansion = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: 'syntax' | 'range'; readonly offset: number };

/** Expands a template for counter value `it` (≥ 0). Escapes are kept for the name/RDATA parsers. */
export function expandTemplate(template: string, it: number): Expansion {
  let out = '';
  const n = template.length;
  let i = 0;
  // BIND keeps the last `${offset…}` offset for a later bare `$` in the same template
  // (`h${10}-$` with counter 1 is `h11-11`); width and base go back to plain decimal.
  let offset = 0;
  while (i < n) {
    const c = template.charCodeAt(i);
    if (c === 0x5c /* \ */) {
      out += template.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c !== 0x24 /* $ */) {
      out += template[i++];
      continue;
    }
    i++;
    if (template.charCodeAt(i) === 0x24) {
      out += '$';
      i++;
      continue;
    }
    let width = 0;
    let base = 'd';
    if (template.charCodeAt(i) === 0x7b /* { */) {
      const m = /^\{\s*([+-]?[0-9]+)(?:(\})|,\s*\+?([0-9]+)(?:(\})|,([doxXnN])\}))/.exec(template.slice(i));
      if (!m) return { ok: false, reason: 'syntax', offset: 0 };
      offset = Number(m[1]);
      if (m[3] !== undefined) width = Number(m[3]);
      if (m[5] !== undefined) base = m[5];
      if (width > MAX_NUMBER_TEXT) return { ok: false, reason: 'syntax', offset };
      if (offset > INT_MAX || offset < -INT_MAX - 1) return { ok: false, reason: 'range', offset };
      i += m[0].length;
    }
    if (it > 0 && offset > INT_MAX - it) return { ok: false, reason: 'range', offset };
    out += formatNumber(it + offset, width, base);
  }
  return { ok: true, text: out };
}

function formatNumber(value: number, width: number, base: string): string {
  switch (base) {
    case 'd': {
      const digits = String(Math.abs(value));
      const sign = value < 0 ? '-' : '';
      return sign + digits.padStart(width - sign.length, '0');
    }
    case 'o':
      return (value >>> 0).toString(8).padStart(width, '0');
    case 'x':
      return (value >>> 0).toString(16).padStart(width, '0');
    case 'X':
      return (value >>> 0).toString(16).toUpperCase().padStart(width, '0');
    default:
      return nibbles(value >>> 0, width, base === 'N');
  }
}

/** Nibble labels, least significant first; `width` counts characters, dots included. */
function nibbles(value: number, width: number, upper: boolean): string {
  let out = '';
  let w = width;
  do {
    const digit = (value & 0xf).toString(16);
    out += upper ? digit.toUpperCase() : digit;
    value = value >>> 4;
    if (w > 0) w--;
    if (w > 0 || value !== 0) {
      out += '.';
      if (w > 0) w--;
    }
  } while (value !== 0 || w > 0);
  return out;
}

export function generate(p: ZoneParser, toks: readonly Token[], source: Source): void {
  const head = toks[0];
  const rangeTok = toks[1];
  const lhs = toks[2];
  if (rangeTok === undefined || lhs === undefined) {
    p.report(source, ZoneCodes.syntax.code, head.offset, head.length, { detail: 'missing-argument', directive: '$GENERATE' });
    return;
  }
  const range = rangeTok.quoted ? undefined : parseRange(rangeTok.text);
  if (range === undefined) {
    p.report(source, ZoneCodes.generateRange.code, rangeTok.offset, rangeTok.length, {
      detail: 'generate-bad-range',
      range: rangeTok.text,
    });
    return;
  }
  // Optional TTL and class (either order), then the type and one RHS token.
  let i = 3;
  for (let k = 0; k < 2 && i < toks.length && !toks[i].quoted; k++) {
    if (looksLikeTtl(toks[i].text) || classOf(toks[i].text) !== undefined) i++;
  }
  const typeTok = toks[i];
  const rhs = toks[i + 1];
  if (typeTok === undefined || rhs === undefined) {
    const at = toks[toks.length - 1];
    p.report(source, ZoneCodes.syntax.code, at.offset, at.length, { detail: 'missing-argument', directive: '$GENERATE' });
    return;
  }
  if (toks.length > i + 2) {
    const extra = toks[i + 2];
    p.report(source, ZoneCodes.syntax.code, extra.offset, extra.length, { detail: 'extra-text' });
    return;
  }
  const count = Math.floor((range.stop - range.start) / range.step) + 1;
  const budget = p.options.limits.generatedRecords - p.generatedCount;
  if (count > budget && count <= MAX_GENERATED) {
    p.report(
      source,
      ZoneCodes.generateRange.code,
      rangeTok.offset,
      rangeTok.length,
      { detail: 'generate-zone-budget', max: p.options.limits.generatedRecords },
      'warning',
    );
    return;
  }
  if (count > MAX_GENERATED) {
    p.report(
      source,
      ZoneCodes.generateRange.code,
      rangeTok.offset,
      rangeTok.length,
      { detail: 'generate-too-large', count, max: MAX_GENERATED },
      'warning',
    );
    return;
  }
  p.generatedCount += count;
  const fields = toks.slice(3, i + 1);
  const last = toks[toks.length - 1];
  const span: Span = { offset: head.offset, length: last.offset + last.length - head.offset };
  const ownerSpan: Span = { offset: lhs.offset, length: lhs.length };
  for (let it = range.start; it <= range.stop; it += range.step) {
    const owner = expandTemplate(lhs.text, it);
    const data = expandTemplate(rhs.text, it);
    const bad = !owner.ok ? { tok: lhs, e: owner } : !data.ok ? { tok: rhs, e: data } : undefined;
    if (bad && !bad.e.ok) {
      const detail = bad.e.reason === 'range' ? 'generate-overflow' : 'generate-modifier';
      const code = bad.e.reason === 'range' ? ZoneCodes.generateRange.code : ZoneCodes.syntax.code;
      p.report(source, code, bad.tok.offset, bad.tok.length, { detail, offset: bad.e.offset });
      return;
    }
    if (!owner.ok || !data.ok) return;
    const name = p.name({ text: owner.text, offset: lhs.offset, length: lhs.length, quoted: lhs.quoted }, source);
    if (name === undefined) continue;
    const rdataTokens = relex(data.text, rhs);
    p.addRecord(name, ownerSpan, fields.concat(rdataTokens), 0, span, source, true);
  }
}

/** Splits an expanded RHS into tokens; each points at the RHS token of the directive. */
function relex(text: string, rhs: Token): Token[] {
  let failed = false;
  const scanner = new Scanner(text, () => (failed = true));
  const line = emptyLine();
  const out: Token[] = [];
  while (scanner.next(line)) {
    for (const t of line.tokens) out.push({ text: t.text, offset: rhs.offset, length: rhs.length, quoted: t.quoted });
  }
  if (failed && out.length === 0) out.push({ text, offset: rhs.offset, length: rhs.length, quoted: false });
  return out;
}
