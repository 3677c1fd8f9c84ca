/**
 * The parsed SPF record (RFC 7208 §4.6.1, §5, §6, §7). Positions are octet indexes
 * into the joined record text (`from` inclusive, `to` exclusive); `SpfRecord.spanOf`
 * maps them back to the zone text through the character-strings and their escapes.
 */
import type { Span } from '../zone/ast';

export type Qualifier = '+' | '-' | '~' | '?';

export const MECHANISM_NAMES = ['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists'] as const;
export type MechanismName = (typeof MECHANISM_NAMES)[number];

/** Mechanisms and modifiers that cost one of the ten DNS-querying terms (§4.6.4). */
export const DNS_QUERYING: ReadonlySet<string> = new Set(['include', 'a', 'mx', 'ptr', 'exists', 'redirect']);

/** A range of octets in the joined record text. */
export interface Part {
  readonly from: number;
  readonly to: number;
}

/** Macro letters (§7.2); `c`, `r`, `t` are allowed only in explanation text. */
export type MacroLetter = 's' | 'l' | 'o' | 'd' | 'i' | 'p' | 'h' | 'c' | 'r' | 't' | 'v';

export type MacroItem =
  | (Part & { readonly kind: 'literal'; readonly text: string })
  /** `%%`, `%_`, `%-` and, in explanations, a space. */
  | (Part & { readonly kind: 'escape'; readonly text: string })
  | (Part & {
      readonly kind: 'expand';
      readonly letter: MacroLetter;
      /** Upper-case letter: the value is URL-escaped (§7.3). */
      readonly urlEscape: boolean;
      /** Keep this many right-hand parts; undefined: all. */
      readonly keep?: number;
      readonly reverse: boolean;
      /** Characters to split on; `.` when none is written. */
      readonly delimiters: string;
    });

export interface MacroString extends Part {
  readonly text: string;
  readonly items: readonly MacroItem[];
}

export interface Cidr extends Part {
  readonly bits: number;
}

interface TermBase extends Part {
  /** The source text of the term (binary string). */
  readonly text: string;
}

export interface Mechanism extends TermBase {
  readonly kind: 'mechanism';
  readonly qualifier: Qualifier;
  /** Whether the qualifier was written (`+all` versus `all`). */
  readonly qualifierWritten: boolean;
  readonly name: MechanismName;
  /** The mechanism name as written (without qualifier). */
  readonly namePart: Part;
  /** include, exists, a, mx, ptr: the domain-spec, when written. */
  readonly domain?: MacroString;
  /** ip4 and ip6: the network address as written and its normalised form. */
  readonly network?: Part & { readonly text: string };
  readonly cidr4?: Cidr;
  readonly cidr6?: Cidr;
}

export interface Modifier extends TermBase {
  readonly kind: 'modifier';
  /** Lower-cased name. */
  readonly name: string;
  readonly namePart: Part;
  readonly value: MacroString;
}

/** A term that is neither a known mechanism nor a well-formed modifier. */
export interface UnknownTerm extends TermBase {
  readonly kind: 'unknown';
  /** What looks like the mechanism name, without qualifier. */
  readonly namePart: Part;
  readonly name: string;
}

export type Term = Mechanism | Modifier | UnknownTerm;

/** Codes a parse error can carry: each is a diagnostic code of codes.ts. */
export type ParseErrorCode =
  | 'spf-syntax'
  | 'spf-unknown-mechanism'
  | 'spf-invalid-ip'
  | 'spf-invalid-cidr'
  | 'spf-invalid-macro'
  | 'spf-non-ascii';

/** Keys of SpfDetails (codes.ts) explaining a syntax error. */
export type SyntaxDetail =
  | 'spf-version'
  | 'spf-control-char'
  | 'spf-empty-domain'
  | 'spf-domain-end'
  | 'spf-unexpected-after-name'
  | 'spf-no-argument'
  | 'spf-bad-modifier-name'
  | 'spf-bad-cidr-form'
  | 'spf-macro-percent'
  | 'spf-macro-letter'
  | 'spf-macro-exp-letter'
  | 'spf-macro-zero-digits'
  | 'spf-macro-unclosed';

export interface ParseError extends Part {
  readonly code: ParseErrorCode;
  readonly detail?: SyntaxDetail;
  /** The index of the term it belongs to, when inside one. */
  readonly term?: number;
}

export interface SpfRecord {
  /** The joined record text (binary string: one char per octet). */
  readonly text: string;
  /** The `v=spf1` version part. */
  readonly version: Part;
  readonly terms: readonly Term[];
  /** Syntax errors: any of them makes check_host() return permerror (§4.6). */
  readonly errors: readonly ParseError[];
  /** Source span of octets [from, to). */
  spanOf(from: number, to: number): Span;
}

export function isMechanism(t: Term): t is Mechanism {
  return t.kind === 'mechanism';
}

export function isModifier(t: Term): t is Modifier {
  return t.kind === 'modifier';
}
