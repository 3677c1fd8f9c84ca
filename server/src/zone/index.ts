/**
 * The zone facade: parse a zone text or file into a Zone (records, directives,
 * comments, problems), never throwing.
 */
export type { Zone, ResourceRecord, Rdata, CharString, Token, Span, Directive } from './ast';

export interface ParseOptions {
  /** The initial origin, absolute (`example.com.`); inferred when absent (see inferOrigin). */
  readonly origin?: string;
  /** Path of the document, for resolving $INCLUDE and inferring the origin from the name. */
  readonly path?: string;
  /** Reads an $INCLUDE target; undefined means the file does not exist. Defaults to fs. */
  readonly readFile?: (absolutePath: string) => string | undefined;
  /** Whether $INCLUDE may read this path (workspace-trust policy). Defaults to allow. */
  readonly allowInclude?: (absolutePath: string) => boolean;
  /** The default TTL before any $TTL or SOA, as BIND's. */
  readonly defaultTtl?: number;
}
