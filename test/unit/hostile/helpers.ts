/**
 * Shared by the hostile-input tests: the whole diagnose pipeline over a text, with
 * every problem's range checked against its document, and a wall-clock bound.
 */
import assert from 'node:assert/strict';
import { analyzeSync } from '../../../server/src/analysis';
import type { Problem } from '../../../server/src/diagnostics/types';
import { parseZoneText, type ParseOptions, type Zone } from '../../../server/src/zone/index';
import { badProblems } from '../../helpers/fuzz';

/**
 * A correctness limit, not a benchmark: far above what the input needs on a quiet
 * machine, far below "hangs" (2 shared cores, other suites running alongside).
 */
export function withinMs<T>(limitMs: number, what: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  const took = performance.now() - started;
  assert.ok(took < limitMs, `${what} took ${Math.round(took)} ms (limit ${limitMs} ms)`);
  return result;
}

export async function withinMsAsync<T>(limitMs: number, what: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  const took = performance.now() - started;
  assert.ok(took < limitMs, `${what} took ${Math.round(took)} ms (limit ${limitMs} ms)`);
  return result;
}

/** Parses and analyses `text`; asserts every range lies inside its document. */
export function diagnose(text: string, options: ParseOptions = { origin: 'example.com.' }, files: ReadonlyMap<string, string> = new Map()): { zone: Zone; problems: Problem[] } {
  const zone = parseZoneText(text, options);
  const problems = analyzeSync(zone);
  assert.deepEqual(badProblems(text, problems, files), []);
  return { zone, problems };
}

/** The problems with this code, as [detail, text under the range]. */
export function under(text: string, problems: readonly Problem[], code: string): [unknown, string][] {
  return problems.filter((p) => p.code === code && p.file === undefined).map((p) => [p.args?.detail, text.slice(p.offset, p.offset + p.length)]);
}
