/**
 * Annotated fixture zones (test/fixtures/caa, test/fixtures/dane): `;! CODE TEXT` under a
 * line says a CODE diagnostic covers exactly TEXT, at its first occurrence in that line, and
 * every diagnostic of the fixture's namespace is annotated.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeSync } from '../../server/src/analysis';
import { parseZoneText } from '../../server/src/zone/index';

/** The diagnostics a fixture's annotations ask for, as `code@offset+length`. */
export function annotatedDiagnostics(text: string): string[] {
  const lines = text.split('\n');
  const starts = lines.map((_, i) => lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0));
  const want: string[] = [];
  let target = -1;
  lines.forEach((line, i) => {
    const m = /^;! (\S+) (.+)$/.exec(line);
    if (!m) {
      if (!line.startsWith(';')) target = i;
      return;
    }
    want.push(`${m[1]}@${starts[target] + lines[target].indexOf(m[2])}+${m[2].length}`);
  });
  return want;
}

/** A test per fixture of `dir` (example.com. zones): its `prefix` diagnostics are exactly the annotated ones. */
export function testAnnotatedFixtures(dir: string, prefix: string): void {
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.zone'))) {
    test(`fixture ${file}`, () => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const want = annotatedDiagnostics(text);
      const zone = parseZoneText(text, { origin: 'example.com.' });
      assert.deepEqual(zone.problems, [], 'the fixture parses cleanly');
      const got = analyzeSync(zone).filter((p) => p.code.startsWith(prefix)).map((p) => `${p.code}@${p.offset}+${p.length}`);
      assert.deepEqual(got.sort(), want.sort());
      assert.ok(want.length > 0);
    });
  }
}
