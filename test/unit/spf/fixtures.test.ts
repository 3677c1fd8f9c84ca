/**
 * Annotated zone fixtures, one per SPF check (test/fixtures/spf/*.zone). A comment
 * line `;   ^^^^ spf-code` marks the exact characters of the line above it (several
 * marker lines may follow one line); every SPF problem must be marked and every
 * mark must be found. Fixtures whose first line is `; lookups` also run the lookup
 * checks, with the fixture itself as the DNS (ZoneDataResolver).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { parseZoneText } from '../../../server/src/zone/index';
import { ZoneDataResolver } from '../../../server/src/dns/zoneData';
import { checkSpf, checkSpfLookups } from '../../../server/src/spf/check';
import { codeDef } from '../../../server/src/diagnostics/registry';

const dir = path.resolve(__dirname, '../../fixtures/spf');

function expectedMarks(text: string): string[] {
  const lines = text.split('\n');
  const marks: string[] = [];
  let target = -1;
  lines.forEach((line, i) => {
    const m = /^;(\s*)(\^+)\s+(spf-[a-z0-9-]+)\s*$/.exec(line);
    if (!m) {
      target = i;
      return;
    }
    const column = 1 + m[1].length;
    marks.push(`${target + 1}:${column} ${JSON.stringify(lines[target].slice(column, column + m[2].length))} ${m[3]}`);
  });
  return marks.sort();
}

function describe(text: string, offset: number, length: number, code: string): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length} ${JSON.stringify(text.slice(offset, offset + length))} ${code}`;
}

for (const file of readdirSync(dir).filter((f) => f.endsWith('.zone')).sort()) {
  test(`fixture ${file}`, async () => {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const zone = parseZoneText(text, { origin: 'example.com.', path: path.join(dir, file) });
    assert.deepEqual(zone.problems.filter((p) => p.code.startsWith('zone-syntax')), [], 'the fixture parses');
    const problems = checkSpf(zone);
    if (text.startsWith('; lookups')) problems.push(...(await checkSpfLookups(zone, new ZoneDataResolver([zone]))));
    for (const p of problems) {
      for (const [, key] of codeDef(p.code).message.en.matchAll(/\{(\w+)\}/g))
        assert.ok(p.args?.[key] !== undefined, `${p.code} has its argument ${key}`);
    }
    const actual = problems.map((p) => describe(text, p.offset, p.length, p.code)).sort();
    assert.deepEqual(actual, expectedMarks(text));
  });
}
