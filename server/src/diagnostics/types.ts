/**
 * Domain-level diagnostics: plain data, no LSP types. `features/diagnostics.ts`
 * turns a Problem into an LSP Diagnostic at the edge.
 */
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type Tag = 'deprecated' | 'unnecessary';
export type Locale = 'en' | 'ja';

/** One diagnostic code: defined once, in its namespace's `codes.ts`. */
export interface CodeDef {
  /** Stable kebab-case id, namespaced: `zone-`, `spf-`, `dmarc-`, `dkim-`, … */
  readonly code: string;
  readonly severity: Severity;
  /** The standard the rule enforces, e.g. "RFC 7208 §4.6.4". */
  readonly rfc: string;
  readonly tags?: readonly Tag[];
  /**
   * The message in each locale. `{name}` placeholders are filled from Problem.args.
   */
  readonly message: { readonly en: string; readonly ja: string };
}

export type ProblemArgs = Record<string, string | number>;

/** A problem found in a document. Offsets are UTF-16 offsets into `file`'s text. */
export interface Problem {
  readonly code: string;
  readonly offset: number;
  readonly length: number;
  readonly args?: ProblemArgs;
  /** Overrides the code's default severity for this occurrence. */
  readonly severity?: Severity;
  /** Typed data for a quick-fix; forwarded as the LSP diagnostic's `data`. */
  readonly data?: unknown;
  /** The file the offsets refer to, when not the document being checked ($INCLUDE). */
  readonly file?: string;
}

export function defineCode(
  code: string,
  severity: Severity,
  rfc: string,
  message: { en: string; ja: string },
  tags?: Tag[],
): CodeDef {
  return tags ? { code, severity, rfc, message, tags } : { code, severity, rfc, message };
}
