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

export function toDiagnostics(problems: readonly Problem[], ctx: DiagnosticContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const p of problems) {
    const d = toDiagnostic(p, ctx);
    if (!d) continue;
    // The same problem may come from two checks (e.g. parser and semantics); show it once.
    const key = `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}@${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

export function toDiagnostic(problem: Problem, ctx: DiagnosticContext): Diagnostic | undefined {
  const def = allCodes.get(problem.code);
  const level = ctx.settings.rules[problem.code] ?? problem.severity ?? def?.severity ?? 'error';
  if (level === 'off') return undefined;
  let message = def ? formatMessage(problem, ctx.locale) : problem.code;
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
