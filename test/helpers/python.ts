/**
 * Reference implementations in Python (Debian's python3-spf, python3-authres, python3-dkim)
 * for the differential tests: one /usr/bin/python3 process per batch, the inputs as JSON on
 * standard input, the answers as JSON on standard output.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

/** Debian's Python, where the apt packages are (not a python3 earlier on PATH). */
export const PYTHON = '/usr/bin/python3';

/** Whether Debian's Python can import `modules`. */
export function hasModules(...modules: string[]): boolean {
  return spawnSync(PYTHON, ['-c', `import ${modules.join(', ')}`], { encoding: 'utf8' }).status === 0;
}

/** Runs `script` (lines) with `input` as JSON on its standard input; its printed JSON. `what` names it in a failure. */
export function pythonJson<T>(what: string, script: readonly string[], input: unknown): T {
  const run = spawnSync(PYTHON, ['-c', script.join('\n')], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(run.status, 0, `${what} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}
