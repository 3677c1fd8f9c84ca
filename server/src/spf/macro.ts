/**
 * Macro strings (RFC 7208 §7): parsing with the context's allowed letters, the
 * domain-end rule of domain-spec (§4.6.1), and expansion with transformers,
 * delimiters, URL escaping and the 253-octet truncation of §7.3.
 */
import type { MacroItem, MacroLetter, MacroString, Part, SyntaxDetail } from './ast';

export type MacroContext = 'domain' | 'modifier' | 'explanation';

export interface MacroError extends Part {
  readonly code: 'spf-invalid-macro' | 'spf-non-ascii' | 'spf-syntax';
  readonly detail?: SyntaxDetail;
}

const DOMAIN_LETTERS = 'slodiphv';
const ALL_LETTERS = 'slodiphvcrt';

/**
 * Parses `text[from, to)` as a macro-string. In `explanation` context spaces are
 * literal text (explain-string, §6.2); `domain` forbids the letters c, r, t.
 */
export function parseMacroString(
  text: string,
  from: number,
  to: number,
  context: MacroContext,
): { value: MacroString; errors: MacroError[] } {
  const items: MacroItem[] = [];
  const errors: MacroError[] = [];
  let literalStart = -1;
  const flushLiteral = (end: number): void => {
    if (literalStart >= 0) items.push({ kind: 'literal', text: text.slice(literalStart, end), from: literalStart, to: end });
    literalStart = -1;
  };
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c !== 0x25 /* % */) {
      if (c > 0x7f) errors.push({ code: 'spf-non-ascii', from: i, to: i + 1 });
      else if ((c < 0x21 || c === 0x7f) && !(c === 0x20 && context === 'explanation'))
        errors.push({ code: 'spf-syntax', detail: 'spf-control-char', from: i, to: i + 1 });
      if (literalStart < 0) literalStart = i;
      i++;
      continue;
    }
    flushLiteral(i);
    const next = text[i + 1];
    if (next === '%' || next === '_' || next === '-') {
      items.push({ kind: 'escape', text: next === '%' ? '%' : next === '_' ? ' ' : '%20', from: i, to: i + 2 });
      i += 2;
      continue;
    }
    if (next !== '{' || i + 1 >= to) {
      errors.push({ code: 'spf-invalid-macro', detail: 'spf-macro-percent', from: i, to: Math.min(i + 2, to) });
      i += 1;
      continue;
    }
    const close = text.indexOf('}', i + 2);
    if (close < 0 || close >= to) {
      errors.push({ code: 'spf-invalid-macro', detail: 'spf-macro-unclosed', from: i, to });
      i = to;
      continue;
    }
    const body = text.slice(i + 2, close);
    const m = /^([A-Za-z])(\d*)(r?)([.\-+,/_=]*)$/i.exec(body);
    const letter = m?.[1].toLowerCase() ?? '';
    const allowed = context === 'domain' ? DOMAIN_LETTERS : ALL_LETTERS;
    if (!m || !ALL_LETTERS.includes(letter)) {
      errors.push({ code: 'spf-invalid-macro', detail: 'spf-macro-letter', from: i, to: close + 1 });
    } else if (!allowed.includes(letter)) {
      errors.push({ code: 'spf-invalid-macro', detail: 'spf-macro-exp-letter', from: i, to: close + 1 });
    } else if (m[2] !== '' && Number(m[2]) === 0) {
      errors.push({ code: 'spf-invalid-macro', detail: 'spf-macro-zero-digits', from: i, to: close + 1 });
    } else {
      items.push({
        kind: 'expand',
        letter: letter as MacroLetter,
        urlEscape: m[1] !== letter,
        keep: m[2] === '' ? undefined : Math.min(Number(m[2]), 255),
        reverse: m[3] !== '',
        delimiters: m[4] === '' ? '.' : m[4],
        from: i,
        to: close + 1,
      });
    }
    i = close + 1;
  }
  flushLiteral(to);
  return { value: { text: text.slice(from, to), items, from, to }, errors };
}

const TOPLABEL = /^(?:[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*|[A-Za-z0-9]+-[A-Za-z0-9-]*[A-Za-z0-9])$/;

/**
 * domain-end (§4.6.1): a domain-spec ends in a macro-expand or in `.` toplabel
 * with an optional trailing dot. Returns false for `museum`, `1.2.3.4`, `a.-com`.
 */
export function hasValidDomainEnd(spec: MacroString): boolean {
  const last = spec.items[spec.items.length - 1];
  if (!last) return false;
  if (last.kind !== 'literal') return true;
  let tail = last.text;
  if (tail.endsWith('.')) tail = tail.slice(0, -1);
  const dot = tail.lastIndexOf('.');
  if (dot < 0) return false;
  return TOPLABEL.test(tail.slice(dot + 1));
}

/** The values the macro letters expand to (§7.2), already in presentation form. */
export interface MacroValues {
  readonly s: string;
  readonly l: string;
  readonly o: string;
  readonly d: string;
  readonly i: string;
  readonly v: string;
  readonly h: string;
  readonly c: string;
  readonly r: string;
  readonly t: string;
  /** `p` is costly (PTR and address lookups): computed only when used. */
  readonly p: () => Promise<string>;
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

function urlEscape(value: string): string {
  let out = '';
  for (const ch of Buffer.from(value, 'latin1')) {
    const c = String.fromCharCode(ch);
    out += UNRESERVED.test(c) ? c : '%' + ch.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function transform(value: string, item: Extract<MacroItem, { kind: 'expand' }>): string {
  const split = new RegExp(`[${item.delimiters.replace(/[-\\\]^]/g, '\\$&')}]`);
  let parts = value.split(split);
  if (item.reverse) parts.reverse();
  if (item.keep !== undefined && item.keep < parts.length) parts = parts.slice(parts.length - item.keep);
  return parts.join('.');
}

export function usesLetter(spec: MacroString, letter: MacroLetter): boolean {
  return spec.items.some((i) => i.kind === 'expand' && i.letter === letter);
}

/** Expands a parsed macro-string (§7.3). */
export async function expandMacro(spec: MacroString, values: MacroValues): Promise<string> {
  let out = '';
  for (const item of spec.items) {
    if (item.kind !== 'expand') {
      out += item.text;
      continue;
    }
    const raw = item.letter === 'p' ? await values.p() : values[item.letter];
    const transformed = transform(raw, item);
    out += item.urlEscape ? urlEscape(transformed) : transformed;
  }
  return out;
}

/**
 * The expansion of a macro-string whose only macro letter is `d` (§7.2: the domain whose
 * record is being read), which needs no message; undefined when another letter is used.
 */
export function expandDomainOnly(spec: MacroString, domain: string): string | undefined {
  let out = '';
  for (const item of spec.items) {
    if (item.kind !== 'expand') {
      out += item.text;
      continue;
    }
    if (item.letter !== 'd') return undefined;
    const transformed = transform(domain, item);
    out += item.urlEscape ? urlEscape(transformed) : transformed;
  }
  return out;
}

/**
 * A domain-spec's expansion as a query name (§7.3): trailing dot dropped, and left
 * labels removed while the name exceeds 253 octets.
 */
export function toQueryName(expanded: string): string {
  let name = expanded.endsWith('.') ? expanded.slice(0, -1) : expanded;
  while (name.length > 253) {
    const dot = name.indexOf('.');
    if (dot < 0) break;
    name = name.slice(dot + 1);
  }
  return name;
}
