/**
 * Shared checks for fix tests: apply a fix's edits, re-parse and re-check the
 * text, and assert that the problem is gone, that no new error appeared, and that
 * nothing outside the allowed region changed.
 */
import assert from 'node:assert/strict';
import { parseZoneText } from '../../../server/src/zone/index';
import { analyzeSync } from '../../../server/src/analysis';
import { formatMessage, severityOf } from '../../../server/src/diagnostics/registry';
import type { Problem } from '../../../server/src/diagnostics/types';
import type { Zone } from '../../../server/src/zone/ast';
import type { DomainFix, TextEditOffsets } from '../../../server/src/fixes/index';

export const ORIGIN = 'example.com.';
export const NOW = new Date('2026-11-24T00:00:00Z');

export const HEAD =
  '$ORIGIN example.com.\n$TTL 300\n@ SOA ns hostmaster 2026112401 3600 600 86400 300\n@ NS ns\nns A 192.0.2.53\n';

export function parse(text: string): Zone {
  return parseZoneText(text, { origin: ORIGIN });
}

/** Every sync check, as the language server runs them (the provider checks among them). */
export function check(text: string): { zone: Zone; problems: Problem[] } {
  const zone = parse(text);
  return { zone, problems: analyzeSync(zone, { now: NOW }) };
}

/** Applies edits (any order); overlapping edits are a bug in the fix. */
export function applyEdits(text: string, edits: readonly TextEditOffsets[]): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < sorted.length; i++)
    assert.ok(sorted[i - 1].offset + sorted[i - 1].length <= sorted[i].offset, `edits overlap: ${JSON.stringify(sorted)}`);
  let out = text;
  for (const e of sorted.reverse()) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}

/** Asserts that `after` differs from `before` only inside before[from, to), computed from the texts alone. */
export function assertOnlyChanged(before: string, after: string, from: number, to: number): void {
  if (before === after) return;
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let s = 0;
  while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  const changedFrom = p;
  const changedTo = before.length - s;
  assert.ok(
    changedFrom >= from && changedTo <= to,
    `text changed at [${changedFrom}, ${changedTo}) outside the allowed [${from}, ${to}):\n${after}`,
  );
}

/** The lines of `text` holding the first occurrence of `needle`: [start of its line, end of the line of its end]. */
export function linesOf(text: string, needle: string): { from: number; to: number } {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `fixture holds ${needle}`);
  const from = text.lastIndexOf('\n', at - 1) + 1;
  const nl = text.indexOf('\n', at + needle.length);
  return { from, to: nl < 0 ? text.length : nl + 1 };
}

function key(p: Problem): string {
  return `${p.code} ${formatMessage(p)}`;
}

export function errorsOf(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => severityOf(p) === 'error');
}

export interface Verified {
  readonly after: string;
  readonly problems: Problem[];
}

/**
 * The fix test of issue 6: apply the fix, re-parse, re-check; the code is no longer
 * reported (at all, or `remaining` times), no error-severity problem is new, and
 * text outside `allowed` (a range of `before`) is byte-for-byte the same.
 */
export function verifyFix(
  before: string,
  code: string,
  fix: DomainFix,
  allowed: { from: number; to: number },
  extra: readonly Problem[] = [],
  remaining = 0,
): Verified {
  const { problems: old } = check(before);
  const after = applyEdits(before, fix.edits);
  const { problems } = check(after);
  const all = [...problems, ...extra];
  assert.equal(all.filter((p) => p.code === code).length, remaining, `${code} after the fix:\n${after}\n${all.map(key).join('\n')}`);
  const known = new Set([...old].map(key));
  const fresh = errorsOf(all).filter((p) => !known.has(key(p)));
  assert.deepEqual(fresh.map(key), [], `no new error after the fix:\n${after}`);
  assertOnlyChanged(before, after, allowed.from, allowed.to);
  assert.doesNotMatch(fix.title.en, /undefined|NaN/);
  assert.doesNotMatch(fix.title.ja, /undefined|NaN/);
  return { after, problems: all };
}

/** The one problem of `code` in the text (asserting there is exactly one). */
export function onlyProblem(text: string, code: string): { zone: Zone; problem: Problem } {
  const { zone, problems } = check(text);
  const hits = problems.filter((p) => p.code === code);
  assert.equal(hits.length, 1, `exactly one ${code} in:\n${text}\n${problems.map(key).join('\n')}`);
  return { zone, problem: hits[0] };
}

/**
 * verifyFix with the checks that follow names (spf-lookup-limit and kin): `lookups`
 * gives them for a parsed text, before and after the fix.
 */
export async function verifyFixAsync(
  before: string,
  code: string,
  fix: DomainFix,
  allowed: { from: number; to: number },
  lookups: (zone: Zone) => Promise<Problem[]>,
): Promise<Verified> {
  const oldErrors = errorsOf(await lookups(parse(before))).map(key);
  const after = applyEdits(before, fix.edits);
  const extra = await lookups(parse(after));
  const fresh = errorsOf(extra).filter((p) => !oldErrors.includes(key(p)));
  assert.deepEqual(fresh.map(key), [], `no new lookup error after the fix:\n${after}`);
  return verifyFix(before, code, fix, allowed, extra);
}

/**
 * The problem as a code action request brings it back from the editor: a diagnostic's code,
 * range and data, without the message's arguments (features/codeActions.ts toProblem).
 */
export function asSent(p: Problem): Problem {
  return { code: p.code, offset: p.offset, length: p.length, ...(p.data !== undefined ? { data: p.data } : {}) };
}
