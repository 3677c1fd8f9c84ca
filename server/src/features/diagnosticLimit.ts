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
  const n = problems.length;
  if (max <= 0 || n <= max) return undefined;
  // A large zone has tens of thousands of problems and this runs on every keystroke:
  // typed arrays and numeric sorts, no per-problem objects or comparator sorts.
  const levels = new Map<string, { rule: Severity | 'off' | undefined; def: Severity | undefined }>();
  /** Bucket per problem: near the edit or not × severity (0–7); -1 when not shown. */
  const bucket = new Int8Array(n);
  const position = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = problems[i];
    let codeLevel = levels.get(p.code);
    if (!codeLevel) levels.set(p.code, (codeLevel = { rule: rules[p.code], def: allCodes.get(p.code)?.severity }));
    const level = codeLevel.rule ?? p.severity ?? codeLevel.def ?? 'error';
    // A problem in an included file shows on its $INCLUDE line, near the top: ranked by severity alone.
    const inFile = p.file === undefined;
    position[i] = inFile ? p.offset : -1;
    if (level === 'off') bucket[i] = -1;
    else {
      const near = focus !== undefined && inFile && p.offset + p.length >= focus.start && p.offset <= focus.end;
      bucket[i] = (near ? 0 : 4) + RANK[level];
    }
  }
  dropCopies(problems, bucket);
  const counts = new Array<number>(8).fill(0);
  for (let i = 0; i < n; i++) if (bucket[i] >= 0) counts[bucket[i]]++;
  const shown = counts.reduce((a, b) => a + b, 0);
  if (shown <= max) return undefined;
  const keep = max - 1;
  // Whole buckets while they fit; of the next, the first in document order.
  let room = keep;
  let partial = -1;
  for (let b = 0; b < 8; b++) {
    if (counts[b] <= room) room -= counts[b];
    else {
      partial = b;
      break;
    }
  }
  let threshold = Infinity;
  if (partial >= 0 && room > 0) {
    const offsets = new Float64Array(counts[partial]);
    let k = 0;
    for (let i = 0; i < n; i++) if (bucket[i] === partial) offsets[k++] = position[i];
    threshold = nthSmallest(offsets, room - 1);
  }
  const chosen: Problem[] = [];
  const ties: Problem[] = [];
  for (let i = 0; i < n; i++) {
    const b = bucket[i];
    if (b < 0 || (partial >= 0 && b > partial)) continue;
    if (b === partial) {
      if (room === 0 || position[i] > threshold) continue;
      if (position[i] === threshold) {
        ties.push(problems[i]);
        continue;
      }
    }
    chosen.push(problems[i]);
  }
  for (const p of ties) if (chosen.length < keep) chosen.push(p);
  return { chosen: chosen.sort(byPosition), left: shown - chosen.length };
}

/**
 * The k-th smallest value (0-based) of `values`, which it reorders: a quickselect, linear
 * where sorting the tens of thousands of offsets of a large bucket took milliseconds.
 */
export function nthSmallest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (hi > lo) {
    // Median of three as the pivot: sorted or reversed input stays linear.
    const mid = (lo + hi) >>> 1;
    if (values[mid] < values[lo]) swap(values, mid, lo);
    if (values[hi] < values[lo]) swap(values, hi, lo);
    if (values[hi] < values[mid]) swap(values, hi, mid);
    const pivot = values[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) swap(values, i++, j--);
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k];
  }
  return values[k];
}

function swap(values: Float64Array, a: number, b: number): void {
  const t = values[a];
  values[a] = values[b];
  values[b] = t;
}

/**
 * The same code at the same place is one diagnostic (toDiagnostics drops the copy):
 * marks the copies not shown. Equal offsets are found by a numeric sort first.
 */
function dropCopies(problems: readonly Problem[], bucket: Int8Array): void {
  const all = new Uint32Array(problems.length);
  let k = 0;
  for (let i = 0; i < problems.length; i++) {
    const p = problems[i];
    if (bucket[i] >= 0 && p.file === undefined) all[k++] = p.offset;
  }
  const sorted = all.subarray(0, k).sort();
  const shared = new Set<number>();
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) shared.add(sorted[i]);
  if (shared.size === 0) return;
  const seen = new Set<string>();
  for (let i = 0; i < problems.length; i++) {
    const p = problems[i];
    if (bucket[i] < 0 || p.file !== undefined || !shared.has(p.offset)) continue;
    const id = `${p.offset}:${p.length}:${p.code}`;
    if (seen.has(id)) bucket[i] = -1;
    else seen.add(id);
  }
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
