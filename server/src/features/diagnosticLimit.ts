/**
 * At most `max` diagnostics for one file (the `diagnostics.maxPerFile` setting).
 *
 * VS Code shows no more than 1000 diagnostics per file: it keeps errors first and drops the
 * rest, so in a large zone with many problems the one just typed may not be among them,
 * and the editor still receives, decodes and converts every one on each keystroke. We pick
 * instead: the problems near the last edit first (what the user is looking at), then by
 * severity, then in document order; a last Information diagnostic says how many were left
 * out. The choice is made on the problems, so only the chosen ones become diagnostics.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { allCodes } from '../diagnostics/registry';
import type { Locale, Problem, Severity } from '../diagnostics/types';
import { localize } from '../l10n';
import { Ui } from '../l10n/strings';
import type { Settings } from '../settings';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

/** Lines either side of the last edit whose problems come first. */
export const FOCUS_LINES = 200;

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export interface Selection {
  /** The problems to show, at most `max - 1` (the note takes the last place). */
  readonly chosen: Problem[];
  /** Distinct problems left out (the same code at the same place counts once). */
  readonly left: number;
}

/**
 * The problems to show when there are more than `max` (0: no limit; undefined: all fit).
 * `focus` is the offset range of the lines around the last edit.
 */
export function selectProblems(
  problems: readonly Problem[],
  max: number,
  rules: Settings['rules'],
  focus: { readonly start: number; readonly end: number } | undefined,
): Selection | undefined {
  if (max <= 0 || problems.length <= max) return undefined;
  // Eight buckets: near the edit or not × severity; a problem turned off goes nowhere.
  const buckets: Problem[][] = Array.from({ length: 8 }, () => []);
  const seen = new Map<number, string | string[]>();
  let shown = 0;
  for (const p of problems) {
    const level = rules[p.code] ?? p.severity ?? allCodes.get(p.code)?.severity ?? 'error';
    if (level === 'off') continue;
    // The same code at the same place is one diagnostic (toDiagnostics drops the copy).
    if (p.file === undefined && p.length < 1 << 20) {
      const key = p.offset * (1 << 20) + p.length;
      const codes = seen.get(key);
      if (codes === p.code || (Array.isArray(codes) && codes.includes(p.code))) continue;
      seen.set(key, codes === undefined ? p.code : Array.isArray(codes) ? [...codes, p.code] : [codes, p.code]);
    }
    shown++;
    // A problem in an included file shows on its $INCLUDE line: ranked by severity alone.
    const near = focus !== undefined && p.file === undefined && p.offset + p.length >= focus.start && p.offset <= focus.end;
    buckets[(near ? 0 : 4) + RANK[level]].push(p);
  }
  if (shown <= max) return undefined;
  const keep = max - 1;
  const chosen: Problem[] = [];
  for (const bucket of buckets) {
    if (chosen.length === keep) break;
    if (chosen.length + bucket.length > keep) bucket.sort(byPosition);
    for (const p of bucket) {
      if (chosen.length === keep) break;
      chosen.push(p);
    }
  }
  return { chosen: chosen.sort(byPosition), left: shown - chosen.length };
}

/** Included files' problems first (they show near the top, on their $INCLUDE line). */
function byPosition(a: Problem, b: Problem): number {
  const x = a.file === undefined ? a.offset : -1;
  const y = b.file === undefined ? b.offset : -1;
  return x - y;
}

/** The last diagnostic of a limited list: how many more there are. */
export function moreDiagnosticsNote(left: number, max: number, locale: Locale): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    message: localize(Ui.moreDiagnostics, locale, { count: left, max }),
  };
}
