/**
 * Differential comparison of Zonelint with BIND's `named-checkzone -i local -D` on a
 * generated zone (issue 2): the same verdict (BIND rejects ⇔ an error-severity problem
 * from the parser or the zone checks), and for a loaded zone the same record set (the
 * corpus test's comparison). A disagreement is shrunk by dropping statements while it
 * persists, so the report shows a minimal reproduction.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allCodes } from '../../server/src/diagnostics/registry';
import type { Problem } from '../../server/src/diagnostics/types';
import { parseZoneFile, printZone } from '../../server/src/zone/index';
import { checkZoneSemantics } from '../../server/src/zone/semantics/index';
import { recordSet } from '../unit/zone/recordSet';
import { renderZone, type GeneratedZone } from './zonegen';

export const hasNamedCheckzone = spawnSync('named-checkzone', ['-v']).status === 0;

export type Verdict = 'accept' | 'reject';

export interface Disagreement {
  /** `miss` (BIND rejects, we accept), `false-error` (the reverse), `print`, or `known-gap` (see KNOWN_GAPS). */
  readonly kind: 'miss' | 'false-error' | 'print' | 'known-gap';
  /** Tags of the statements left after shrinking. */
  readonly tags: readonly string[];
  readonly zone: GeneratedZone;
  readonly text: string;
  readonly files: Readonly<Record<string, string>>;
  readonly bind: string;
  readonly ours: string;
  readonly missing: readonly string[];
  readonly extra: readonly string[];
}

interface Outcome {
  readonly bindVerdict: Verdict;
  readonly ourVerdict: Verdict;
  readonly bindLog: string;
  readonly ourErrors: string;
  readonly missing: string[];
  readonly extra: string[];
  readonly text: string;
  readonly files: Record<string, string>;
}

function severity(p: Problem): string {
  return p.severity ?? allCodes.get(p.code)?.severity ?? 'error';
}

/** Runs both on one zone in `dir` (emptied first). */
export function runBoth(z: GeneratedZone, dir: string): Outcome {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const { text, files } = renderZone(z);
  const file = path.join(dir, 'zone.db');
  fs.writeFileSync(file, text);
  for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), body);
  const out = path.join(dir, 'out.txt');
  // BIND resolves $INCLUDE against its working directory; ours against the including
  // file. Running BIND in the zone's folder makes the two the same.
  const bind = spawnSync('named-checkzone', ['-i', 'local', '-D', '-o', out, z.origin, 'zone.db'], { cwd: dir, encoding: 'utf8' });
  const bindVerdict: Verdict = bind.status === 0 ? 'accept' : 'reject';
  const zone = parseZoneFile(file, { origin: z.origin });
  const problems = [...zone.problems, ...checkZoneSemantics(zone)].filter((p) => severity(p) === 'error');
  const ourVerdict: Verdict = problems.length > 0 ? 'reject' : 'accept';
  let missing: string[] = [];
  let extra: string[] = [];
  if (bindVerdict === 'accept') {
    const want = recordSet(fs.readFileSync(out, 'utf8'));
    const got = recordSet(printZone(zone));
    missing = [...want].filter((r) => !got.has(r));
    extra = [...got].filter((r) => !want.has(r));
  }
  const ourErrors = problems
    .map((p) => `${p.file ? path.basename(p.file) : 'zone.db'}@${p.offset} ${p.code} ${JSON.stringify(p.args ?? {})} ${JSON.stringify(slice(p, text, files))}`)
    .join('\n');
  return { bindVerdict, ourVerdict, bindLog: (bind.stdout + bind.stderr).trim(), ourErrors, missing, extra, text, files };
}

function slice(p: Problem, text: string, files: Record<string, string>): string {
  const src = p.file ? files[path.basename(p.file)] ?? '' : text;
  return src.slice(p.offset, p.offset + Math.min(p.length, 80));
}

/**
 * What a shrink step must keep besides the kind: BIND's reason for a miss, our first
 * error code for a false error (so shrinking does not drift to another cause).
 */
function causeOf(o: Outcome): string {
  if (o.bindVerdict === 'reject') {
    const failed = /failed: (.*)$/m.exec(o.bindLog)?.[1];
    if (failed !== undefined) return failed;
    const line = o.bindLog.split('\n').find((l) => !/warning|loaded|using|TTL/.test(l)) ?? '';
    return line.replace(/^zone [^ ]+ /, '').replace(/'[^']*'/g, "'…'");
  }
  return /^\S+ (\S+)/m.exec(o.ourErrors)?.[1] ?? '';
}

/**
 * Known gaps, not intended differences: BIND checks we do not make yet. Each is a bug to
 * fix; a zone that hits one is counted apart, not compared.
 */
export const KNOWN_GAPS: ReadonlyArray<{ readonly bind: RegExp; readonly reason: string }> = [];

/** The known gap an outcome hits, if any. */
export function knownGap(o: Pick<Outcome, 'bindVerdict' | 'ourVerdict' | 'bindLog'>): string | undefined {
  if (o.bindVerdict !== 'reject' || o.ourVerdict !== 'accept') return undefined;
  return KNOWN_GAPS.find((g) => g.bind.test(o.bindLog))?.reason;
}

function kindOf(o: Outcome): Disagreement['kind'] | undefined {
  if (knownGap(o) !== undefined) return 'known-gap';
  if (o.bindVerdict === 'reject' && o.ourVerdict === 'accept') return 'miss';
  if (o.bindVerdict === 'accept' && o.ourVerdict === 'reject') return 'false-error';
  if (o.bindVerdict === 'accept' && (o.missing.length > 0 || o.extra.length > 0)) return 'print';
  return undefined;
}

/** Compares one zone; a disagreement comes back shrunk (when `shrink`). */
export function compareWithBind(z: GeneratedZone, dir: string, shrink = true): Disagreement | undefined {
  const first = runBoth(z, dir);
  const kind = kindOf(first);
  if (kind === undefined) return undefined;
  let zone = z;
  let outcome = first;
  const cause = causeOf(first);
  const same = (o: Outcome): boolean => kindOf(o) === kind && (kind === 'print' || causeOf(o) === cause);
  if (shrink) {
    // Greedy: drop one statement at a time, from the end, while the same kind persists.
    for (let i = zone.statements.length - 1; i >= 0; i--) {
      const candidate = { ...zone, statements: zone.statements.filter((_, k) => k !== i) };
      const o = runBoth(candidate, dir);
      if (same(o)) {
        zone = candidate;
        outcome = o;
      }
    }
    if (zone.eol !== '\n') {
      const lf = { ...zone, eol: '\n' };
      const o = runBoth(lf, dir);
      if (same(o)) {
        zone = lf;
        outcome = o;
      }
    }
  }
  return {
    kind,
    tags: zone.statements.map((s) => s.tag),
    zone,
    text: outcome.text,
    files: outcome.files,
    bind: outcome.bindLog,
    ours: outcome.ourErrors,
    missing: outcome.missing,
    extra: outcome.extra,
  };
}

/** A disagreement as text: the kind, the minimal zone, BIND's log and ours. */
export function formatDisagreement(d: Disagreement): string {
  const lines = [`== ${d.kind} (origin ${d.zone.origin}) tags: ${[...new Set(d.tags)].join(', ')}`, '--- zone.db', d.text.trimEnd()];
  for (const [name, body] of Object.entries(d.files)) lines.push(`--- ${name}`, body.trimEnd());
  lines.push('--- named-checkzone', d.bind);
  if (d.ours) lines.push('--- zonelint errors', d.ours);
  if (d.missing.length) lines.push('--- missing (BIND has, we do not)', ...d.missing);
  if (d.extra.length) lines.push('--- extra (we have, BIND does not)', ...d.extra);
  return lines.join('\n');
}
