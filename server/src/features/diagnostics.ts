/**
 * Problem → LSP Diagnostic: range, severity (the `rules` setting may change it or turn
 * it off), localised message, `source`, `code`, `codeDescription`, `data` and `tags`.
 * Problems inside an $INCLUDEd file are shown on the $INCLUDE line of the document.
 */
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type DiagnosticRelatedInformation,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { allCodes, codeHref, formatMessage } from '../diagnostics/registry';
import type { Locale, Problem, Severity } from '../diagnostics/types';
import { localize } from '../l10n';
import { Ui } from '../l10n/strings';
import type { Settings } from '../settings';
import type { Zone } from '../zone/ast';
import { includingDirective } from './includes';
import { toRange } from './spans';

export const DIAGNOSTIC_SOURCE = 'zonelint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface DiagnosticContext {
  readonly document: TextDocument;
  readonly documentPath: string | undefined;
  readonly zone: Zone;
  readonly settings: Settings;
  readonly locale: Locale;
  /** Reads an included file, to place related information inside it. */
  readonly readFile: (absolutePath: string) => string | undefined;
}

/**
 * The diagnostic made from a problem object, for the settings and locale it was made
 * with: incremental checking hands out the same problem objects while they do not move,
 * and a large zone has thousands of them on every keystroke.
 */
const made = new WeakMap<
  Problem,
  {
    diagnostic: Diagnostic | undefined;
    settings: Settings;
    locale: Locale;
    document: TextDocument;
    /** The offset and document layout the diagnostic's range was made for. */
    offset: number;
    layout: number;
  }
>();

/** See ChunkedDocument.layoutVersion; other documents: every version may move lines. */
function layoutOf(document: TextDocument): number {
  const layout = (document as { layoutVersion?: unknown }).layoutVersion;
  return typeof layout === 'number' ? layout : document.version;
}

export function toDiagnostics(
  problems: readonly Problem[],
  ctx: DiagnosticContext,
  /** The problem a (moved) problem was made from: its diagnostic is reused when the range is the same. */
  originOf: (p: Problem) => Problem = (p) => p,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  // The same problem may come from two checks (e.g. parser and semantics); show it once.
  const seen = new Map<number | string, string | string[]>();
  const layout = layoutOf(ctx.document);
  for (const p of problems) {
    let d: Diagnostic | undefined;
    const origin = originOf(p);
    const hit = made.get(origin);
    if (hit && hit.settings === ctx.settings && hit.locale === ctx.locale && hit.document === ctx.document && p.file === undefined) {
      d = hit.diagnostic;
      // A problem that moved (an edit above it) keeps its diagnostic if its range did not change.
      if (d && (hit.offset !== p.offset || hit.layout !== layout)) {
        const range = toRange(ctx.document, p);
        const r = d.range;
        if (
          range.start.line !== r.start.line ||
          range.start.character !== r.start.character ||
          range.end.line !== r.end.line ||
          range.end.character !== r.end.character
        ) {
          d = { ...d, range };
        }
        made.set(origin, { ...hit, diagnostic: d, offset: p.offset, layout });
      }
      if (d && p.data !== d.data) d = p.data === undefined ? d : { ...d, data: p.data };
    } else {
      d = toDiagnostic(p, ctx);
      made.set(origin, { diagnostic: d, settings: ctx.settings, locale: ctx.locale, document: ctx.document, offset: p.offset, layout });
    }
    if (!d) continue;
    // Same range, code and message: the same diagnostic. A problem in the document has
    // its range from offset and length, so a number keys it (a string per problem costs).
    const key: number | string =
      p.file === undefined && p.length < 1 << 20
        ? p.offset * (1 << 20) + p.length
        : `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
    const message = typeof d.message === 'string' ? d.message : d.message.value;
    const entry = `${String(d.code)}\0${message}`;
    const entries = seen.get(key);
    if (entries === undefined) seen.set(key, entry);
    else if (entries === entry || (Array.isArray(entries) && entries.includes(entry))) continue;
    else seen.set(key, Array.isArray(entries) ? [...entries, entry] : [entries, entry]);
    out.push(d);
  }
  return out;
}

/** Messages by the problem's args object (kept when a problem moves) and code. */
const messages = new WeakMap<object, Map<string, string>>();
const plainMessages = new Map<string, string>();

function messageOf(problem: Problem, locale: Locale): string {
  const key = `${locale}\0${problem.code}`;
  let cache = plainMessages;
  if (problem.args) {
    let m = messages.get(problem.args);
    if (!m) messages.set(problem.args, (m = new Map()));
    cache = m;
  }
  let message = cache.get(key);
  if (message === undefined) {
    message = formatMessage(problem, locale);
    cache.set(key, message);
  }
  return message;
}

export function toDiagnostic(problem: Problem, ctx: DiagnosticContext): Diagnostic | undefined {
  const def = allCodes.get(problem.code);
  const level = ctx.settings.rules[problem.code] ?? problem.severity ?? def?.severity ?? 'error';
  if (level === 'off') return undefined;
  let message = def ? messageOf(problem, ctx.locale) : problem.code;
  let range = toRange(ctx.document, problem);
  let relatedInformation: DiagnosticRelatedInformation[] | undefined;
  if (problem.file !== undefined && !isDocument(problem.file, ctx.documentPath)) {
    const directive = includingDirective(ctx.zone, problem.file, ctx.documentPath);
    range = toRange(ctx.document, directive?.span ?? { offset: 0, length: 0 });
    message = localize(Ui.inFile, ctx.locale, { file: path.basename(problem.file), message });
    const text = ctx.readFile(problem.file);
    if (text !== undefined) {
      const included = TextDocument.create(pathToFileURL(problem.file).toString(), 'dns-zone', 0, text);
      relatedInformation = [
        { location: { uri: included.uri, range: toRange(included, problem) }, message: localize(Ui.includedHere, ctx.locale) },
      ];
    }
  }
  const diagnostic: Diagnostic = {
    range,
    severity: SEVERITY[level],
    source: DIAGNOSTIC_SOURCE,
    code: problem.code,
    codeDescription: { href: codeHref(problem.code) },
    message,
  };
  if (problem.data !== undefined) diagnostic.data = problem.data;
  const tags = def?.tags?.map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
  if (tags && tags.length > 0) diagnostic.tags = tags;
  if (relatedInformation) diagnostic.relatedInformation = relatedInformation;
  return diagnostic;
}

function isDocument(file: string, documentPath: string | undefined): boolean {
  return documentPath !== undefined && path.resolve(file) === path.resolve(documentPath);
}
