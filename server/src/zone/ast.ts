/**
 * The parsed zone: plain data with offsets into the source text. Line/column
 * appear only at the LSP edge.
 */
import type { Problem } from '../diagnostics/types';

/** A range in a source text (UTF-16 offsets). */
export interface Span {
  readonly offset: number;
  readonly length: number;
}

/**
 * One RDATA token as written: a bare word or a quoted string. `text` is the raw
 * source text between the quotes (escapes not yet decoded) or the word itself.
 */
export interface Token {
  readonly text: string;
  readonly offset: number;
  readonly length: number;
  readonly quoted: boolean;
}

/**
 * A TXT-like character-string, decoded to octets. `value` is a binary string: each
 * char code is one octet (0–255); UTF-8 written in the file appears as its bytes.
 * `offsets[i]` is the source offset of the first character that produced octet i;
 * `offsets[value.length]` is the offset just past the string's content.
 */
export interface CharString {
  readonly value: string;
  readonly offsets: readonly number[];
  /** The whole token in the source, quotes included. */
  readonly span: Span;
  readonly quoted: boolean;
}

/** RDATA after parsing: the canonical presentation form and typed fields. */
export interface Rdata {
  /** Presentation format as `named-checkzone -D` prints it (absolute names). */
  readonly canonical: string;
  /** Field values by RFC field name (dns-packet style), for semantic checks. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** For TXT, SPF and other character-string types: each string with offsets. */
  readonly strings?: readonly CharString[];
}

export interface ResourceRecord {
  /** Absolute owner in presentation form, trailing dot, case as written. */
  readonly owner: string;
  /** Where the owner was written; undefined when inherited from the previous record. */
  readonly ownerSpan?: Span;
  readonly ttl: number;
  readonly ttlSpan?: Span;
  readonly class: string;
  readonly classSpan?: Span;
  /** Mnemonic (upper case) or `TYPEnnn`. */
  readonly type: string;
  readonly typeCode: number;
  readonly typeSpan: Span;
  readonly rdata: Rdata;
  /** RDATA tokens as written (parentheses and comments removed). */
  readonly tokens: readonly Token[];
  /** The whole record, from owner (or first field) to the end of its last token. */
  readonly span: Span;
  /** Path of the file the record was read from, when not the main document ($INCLUDE). */
  readonly file?: string;
  /** Set for records made by $GENERATE: spans then point at the directive. */
  readonly generated?: boolean;
}

export type DirectiveName = '$ORIGIN' | '$TTL' | '$INCLUDE' | '$GENERATE' | '$DATE';

export interface Directive {
  readonly name: DirectiveName;
  readonly nameSpan: Span;
  readonly args: readonly Token[];
  readonly span: Span;
  readonly file?: string;
}

export interface Comment extends Span {
  readonly file?: string;
}

/** Result of parsing one zone file (with everything it includes). */
export interface Zone {
  /** The origin the file started with (absolute, trailing dot). */
  readonly origin: string;
  readonly records: readonly ResourceRecord[];
  readonly directives: readonly Directive[];
  readonly comments: readonly Comment[];
  readonly problems: readonly Problem[];
  /** Files read through $INCLUDE, absolute paths. */
  readonly includes: readonly string[];
}
