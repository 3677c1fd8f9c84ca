/**
 * named-checkzone (Debian bind9-utils) on one zone text, for tests that hold a finding to
 * what BIND loads: the zone is written to a fresh folder, checked there, and removed.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const hasBind = spawnSync('named-checkzone', ['-v']).status === 0;

/** The reason to skip a test when named-checkzone is missing. */
export const needsBind = hasBind ? false : 'named-checkzone (bind9-utils) is not installed';

/** named-checkzone -i local [extra] ORIGIN on `text`: its exit status and what it printed. */
export function bindCheck(text: string, origin: string, extra: readonly string[] = []): { status: number | null; stdout: string; stderr: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-bind-'));
  try {
    fs.writeFileSync(path.join(dir, 'db'), text);
    const r = spawnSync('named-checkzone', ['-i', 'local', ...extra, origin, 'db'], { cwd: dir, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** One record per line, blanks collapsed, lower case, sorted: BIND's -D output and our print compare so. */
export function recordLines(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith(';'))
    .map((l) => l.split(/\s+/).join(' ').toLowerCase())
    .sort();
}

/** The zone as BIND loads it (named-checkzone -D), as recordLines; the load must succeed. */
export function bindRecords(text: string, origin: string): string[] {
  const r = bindCheck(text, origin, ['-D', '-o', '-']);
  if (r.status !== 0) throw new Error(`named-checkzone refused the zone:\n${r.stdout}${r.stderr}`);
  return recordLines(r.stdout);
}
