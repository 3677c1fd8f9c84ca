/**
 * The SPF record parser (RFC 7208 §4.6.1 ABNF, §5 mechanisms, §6 modifiers, §7
 * macros). Never throws: every problem becomes a ParseError with its octet range,
 * and parsing goes on with the next term, so all errors of a record are reported.
 */
import type { JoinedText } from '../zone/txt';
import {
  MECHANISM_NAMES,
  type Cidr,
  type MacroString,
  type Mechanism,
  type MechanismName,
  type ParseError,
  type Part,
  type Qualifier,
  type SpfRecord,
  type Term,
} from './ast';
import { hasValidDomainEnd, parseMacroString, type MacroError } from './macro';
import ipaddr from 'ipaddr.js';

const MODIFIER = /^([A-Za-z][A-Za-z0-9\-_.]*)=/;
const IP4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** A JoinedText over a plain string, for records that come from DNS rather than a file. */
export function plainText(value: string): JoinedText {
  return {
    value,
    offsetAt: (i) => i,
    spanOf: (from, to) => ({ offset: from, length: Math.max(0, to - from) }),
  };
}

class RecordParser {
  readonly errors: ParseError[] = [];
  private term = -1;

  constructor(private readonly text: string) {}

  error(code: ParseError['code'], from: number, to: number, detail?: ParseError['detail']): void {
    if (this.errors.some((e) => e.from === from && e.code === code)) return;
    this.errors.push(detail ? { code, from, to, detail, term: this.term } : { code, from, to, term: this.term });
  }

  macro(from: number, to: number, context: 'domain' | 'modifier'): MacroString {
    const { value, errors } = parseMacroString(this.text, from, to, context);
    this.report(errors);
    return value;
  }

  /** Macro errors; non-ASCII and control characters are reported once, per term, by parseTerm. */
  report(errors: readonly MacroError[]): void {
    for (const e of errors) if (e.code === 'spf-invalid-macro') this.error(e.code, e.from, e.to, e.detail);
  }

  /** A domain-spec in [from, to): non-empty and ending in a toplabel or a macro. */
  domainSpec(from: number, to: number, owner: Part): MacroString {
    if (from >= to) {
      this.error('spf-syntax', owner.from, owner.to, 'spf-empty-domain');
      return { text: '', items: [], from, to };
    }
    const { value: spec, errors } = parseMacroString(this.text, from, to, 'domain');
    this.report(errors);
    if (errors.length === 0 && !hasValidDomainEnd(spec)) this.error('spf-syntax', from, to, 'spf-domain-end');
    return spec;
  }

  cidr(from: number, digits: string, max: number): Cidr {
    const to = from + 1 + digits.length;
    const bits = Number(digits);
    if (!/^(?:0|[1-9]\d*)$/.test(digits) || bits > max) this.error('spf-invalid-cidr', from, to);
    return { from, to, bits };
  }

  parseTerms(start: number): Term[] {
    const terms: Term[] = [];
    const text = this.text;
    let i = start;
    while (i < text.length) {
      if (text[i] === ' ') {
        i++;
        continue;
      }
      let end = text.indexOf(' ', i);
      if (end < 0) end = text.length;
      this.term = terms.length;
      terms.push(this.parseTerm(i, end));
      i = end;
    }
    return terms;
  }

  parseTerm(from: number, to: number): Term {
    const text = this.text.slice(from, to);
    let nonAscii = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c > 0x7f) {
        nonAscii = true;
        let j = i + 1;
        while (j < text.length && text.charCodeAt(j) > 0x7f) j++;
        this.error('spf-non-ascii', from + i, from + j);
        i = j - 1;
      } else if (c < 0x20 || c === 0x7f) this.error('spf-syntax', from + i, from + i + 1, 'spf-control-char');
    }
    const mod = MODIFIER.exec(text);
    if (mod) {
      const name = mod[1].toLowerCase();
      const namePart = { from, to: from + mod[1].length };
      const valueFrom = from + mod[0].length;
      const value =
        name === 'redirect' || name === 'exp'
          ? this.domainSpec(valueFrom, to, { from, to })
          : this.macro(valueFrom, to, 'modifier');
      return { kind: 'modifier', text, from, to, name, namePart, value };
    }
    let at = from;
    let qualifier: Qualifier = '+';
    const q = text[0];
    const qualifierWritten = q === '+' || q === '-' || q === '~' || q === '?';
    if (qualifierWritten) {
      qualifier = q as Qualifier;
      at++;
    }
    const nameMatch = /^[A-Za-z][A-Za-z0-9]*/.exec(this.text.slice(at, to));
    const nameText = nameMatch ? nameMatch[0] : '';
    const name = nameText.toLowerCase();
    const namePart = { from: at, to: at + nameText.length };
    if (!(MECHANISM_NAMES as readonly string[]).includes(name)) {
      const wordEnd = at + (/^[^:/=]*/.exec(this.text.slice(at, to))?.[0].length ?? 0);
      // A non-ASCII character (a pasted en dash in `–all`) is the error already reported.
      if (nameText === '' && this.text.startsWith('=', at)) this.error('spf-syntax', from, to, 'spf-bad-modifier-name');
      // A bare qualifier (`-` at the end, `-:x`) has no name to point at: the whole term is the error.
      else if (!nonAscii) this.error('spf-unknown-mechanism', wordEnd > at ? at : from, wordEnd > at ? wordEnd : to);
      return { kind: 'unknown', text, from, to, namePart: { from: at, to: wordEnd }, name: this.text.slice(at, wordEnd) };
    }
    return this.parseMechanism({ text, from, to, qualifier, qualifierWritten, name: name as MechanismName, namePart });
  }

  parseMechanism(m: Pick<Mechanism, 'text' | 'from' | 'to' | 'qualifier' | 'qualifierWritten' | 'name' | 'namePart'>): Mechanism {
    const base: Mechanism = { kind: 'mechanism', ...m };
    const restFrom = m.namePart.to;
    const rest = this.text.slice(restFrom, m.to);
    const colon = rest.startsWith(':');
    switch (m.name) {
      case 'all':
        if (rest !== '') this.afterName(restFrom, m.to, rest);
        return base;
      case 'include':
      case 'exists':
        if (!colon) {
          if (rest === '') this.error('spf-syntax', m.from, m.to, 'spf-no-argument');
          else this.afterName(m.from, m.to, rest);
          return base;
        }
        return { ...base, domain: this.domainSpec(restFrom + 1, m.to, m) };
      case 'ptr':
        if (rest === '') return base;
        if (!colon) {
          this.afterName(restFrom, m.to, rest);
          return base;
        }
        return { ...base, domain: this.domainSpec(restFrom + 1, m.to, m) };
      case 'a':
      case 'mx':
        return this.parseAddressMechanism(base, restFrom, rest, colon);
      case 'ip4':
      case 'ip6':
        return this.parseIpMechanism(base, restFrom, rest, colon);
    }
  }

  /**
   * Text after a mechanism's name that does not belong there; not reported when it starts
   * with a non-ASCII character (`a<U+3000>-all`): spf-non-ascii stands there already.
   */
  private afterName(from: number, to: number, rest: string): void {
    if (rest.charCodeAt(0) > 0x7f) return;
    this.error('spf-syntax', from, to, 'spf-unexpected-after-name');
  }

  parseAddressMechanism(base: Mechanism, restFrom: number, rest: string, colon: boolean): Mechanism {
    const suffix = /(?:\/(\d+))?(?:\/\/(\d+))?$/.exec(rest)!;
    const suffixFrom = restFrom + suffix.index;
    const cidr4 = suffix[1] !== undefined ? this.cidr(suffixFrom, suffix[1], 32) : undefined;
    const cidr6 =
      suffix[2] !== undefined ? this.cidr(suffixFrom + (cidr4 ? cidr4.to - cidr4.from : 0) + 1, suffix[2], 128) : undefined;
    let domain: MacroString | undefined;
    if (colon) domain = this.domainSpec(restFrom + 1, suffixFrom, base);
    else if (suffix.index !== 0) {
      if (rest.startsWith('/')) this.error('spf-invalid-cidr', restFrom, base.to, 'spf-bad-cidr-form');
      else this.afterName(restFrom, base.to, rest);
    }
    return { ...base, domain, cidr4, cidr6 };
  }

  parseIpMechanism(base: Mechanism, restFrom: number, rest: string, colon: boolean): Mechanism {
    if (!colon) {
      if (rest === '') this.error('spf-syntax', base.from, base.to, 'spf-no-argument');
      else this.afterName(base.from, base.to, rest);
      return base;
    }
    const v4 = base.name === 'ip4';
    const slash = rest.indexOf('/');
    const addrTo = slash < 0 ? base.to : restFrom + slash;
    const address = this.text.slice(restFrom + 1, addrTo);
    const valid = v4 ? IP4.test(address) : /^[0-9A-Fa-f:.]+$/.test(address) && ipaddr.IPv6.isValid(address);
    if (!valid) this.error('spf-invalid-ip', restFrom + 1, Math.max(addrTo, restFrom + 1));
    const network = { from: restFrom + 1, to: addrTo, text: address };
    if (slash < 0) return { ...base, network };
    const digits = rest.slice(slash + 1);
    if (!/^\d+$/.test(digits)) {
      this.error('spf-invalid-cidr', addrTo, base.to, 'spf-bad-cidr-form');
      return { ...base, network };
    }
    const cidr = this.cidr(addrTo, digits, v4 ? 32 : 128);
    return v4 ? { ...base, network, cidr4: cidr } : { ...base, network, cidr6: cidr };
  }
}

type ParsedText = Omit<SpfRecord, 'spanOf'>;

/**
 * Terms are positions in the record's text, not in the zone: records with the same text
 * (a zone's thousands of `v=spf1 include:… -all`) share one parse, read-only.
 */
const parsedTexts = new Map<string, ParsedText>();
const PARSED_TEXTS_MAX = 4096;

function parseText(text: string): ParsedText {
  let parsed = parsedTexts.get(text);
  if (parsed) return parsed;
  const parser = new RecordParser(text);
  const versionOk = text.slice(0, 6).toLowerCase() === 'v=spf1' && (text.length === 6 || text[6] === ' ');
  let terms: Term[] = [];
  if (!versionOk) {
    const end = text.indexOf(' ');
    parser.error('spf-syntax', 0, end < 0 ? text.length : end, 'spf-version');
  } else {
    terms = parser.parseTerms(6);
  }
  parsed = { text, version: { from: 0, to: versionOk ? 6 : 0 }, terms, errors: parser.errors };
  if (parsedTexts.size >= PARSED_TEXTS_MAX) parsedTexts.clear();
  parsedTexts.set(text, parsed);
  return parsed;
}

/**
 * Parses a record whose text starts with `v=spf1` (see looksLikeSpf). A text that
 * does not yields one spf-syntax error on its first word.
 */
export function parseSpf(source: JoinedText | string): SpfRecord {
  const joined = typeof source === 'string' ? plainText(source) : source;
  const { text, version, terms, errors } = parseText(joined.value);
  return { text, version, terms, errors, spanOf: (from, to) => joined.spanOf(from, to) };
}
