/**
 * Differential test of the target rules against BIND's integrity checks on generated zones
 * (test/helpers/zonegen.ts: delegations, DNAMEs, wildcards, CNAMEs, $INCLUDE, odd names):
 * for every zone named-checkzone loads, its "MX/SRV 'x' has no address records", "NS 'x' has
 * no (REQUIRED/SIBLING GLUE) address records" and "… 'x' is a CNAME" warnings name the same
 * targets as zone-mx-no-address, zone-srv-no-address, zone-missing-glue and zone-mx/ns/srv-cname,
 * and its check-names warnings the same lines and names as zone-check-names (but on lines
 * holding records outside the zone, which BIND checks before it drops them and we report as
 * out of zone: BIND's lines for those, and ours, since BIND names an owner outside once).
 * `INTEGRITY_ZONES` sets how many zones (150 unless set), `INTEGRITY_SEED` the first seed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateZone, renderZone } from '../../helpers/zonegen';
import { parseZoneFile } from '../../../server/src/zone/index';
import { checkZoneSemantics } from '../../../server/src/zone/semantics/index';
import { bindTargetFindings, ourTargetFindings, targetKey } from './targetFindings';

const hasBind = spawnSync('named-checkzone', ['-v']).status === 0;

/** The lines (`file:line`) where BIND drops records as out of zone: check-names is not compared there. */
function outsideLines(log: string): Set<string> {
  return new Set([...log.matchAll(/^(\S+):(\d+): ignoring out-of-zone data/gm)].map((m) => `${m[1]}:${m[2]}`));
}

/** BIND's check-names warnings as `file:line name`. */
function bindCheckNames(log: string): string[] {
  const out = [...log.matchAll(/^(\S+):(\d+): (?:warning: )?(\S+): bad (?:owner )?name \(check-names\)$/gm)].map((m) => `${m[1]}:${m[2]} ${targetKey(m[3])}`);
  return [...new Set(out)].sort();
}

test('target rules name the targets BIND integrity checks name, on generated zones', { skip: hasBind ? false : 'named-checkzone (bind9-utils) is not installed' }, () => {
  const count = Number(process.env.INTEGRITY_ZONES ?? 150);
  const first = Number(process.env.INTEGRITY_SEED ?? 8300);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-integrity-'));
  let loaded = 0;
  let warned = 0;
  try {
    for (let seed = first; seed < first + count; seed++) {
      const z = generateZone(seed, false);
      const { text, files } = renderZone(z);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'zone.db'), text);
      for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), body);
      // BIND resolves $INCLUDE against its working directory, ours against the including file.
      const run = spawnSync('named-checkzone', ['-i', 'local', z.origin, 'zone.db'], { cwd: dir, encoding: 'utf8' });
      if (run.status !== 0) continue;
      loaded++;
      const theirs = bindTargetFindings(run.stdout);
      if (theirs.length > 0) warned++;
      const zone = parseZoneFile(path.join(dir, 'zone.db'), { origin: z.origin });
      const problems = checkZoneSemantics(zone);
      const ours = ourTargetFindings(problems);
      assert.deepEqual(ours, theirs, `seed ${seed}:\n${text}\n${run.stdout}`);
      const lineOf = (file: string | undefined, offset: number) => {
        const name = file ? path.basename(file) : 'zone.db';
        return `${name}:${(name === 'zone.db' ? text : files[name] ?? '').slice(0, offset).split('\n').length}`;
      };
      // BIND logs "ignoring out-of-zone data" once per owner as it reads it, so a second record
      // of that owner (inherited) is outside without a line of its own: ours are per record.
      const outside = outsideLines(run.stdout + run.stderr);
      for (const p of problems) if (p.code === 'zone-out-of-zone') outside.add(lineOf(p.file, p.offset));
      const compared = (x: string) => !outside.has(x.split(' ')[0]);
      const ourNames = [...new Set(problems.filter((p) => p.code === 'zone-check-names').map((p) => `${lineOf(p.file, p.offset)} ${targetKey(String(p.args?.['name']))}`))].filter(compared).sort();
      const theirNames = bindCheckNames(run.stdout + run.stderr).filter(compared);
      const only = (a: string[], b: string[]) => a.filter((x) => !b.includes(x));
      assert.deepEqual([only(ourNames, theirNames), only(theirNames, ourNames)], [[], []], `check-names (ours only, BIND's only), seed ${seed}:\n${text}\n${run.stdout}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // The comparison means something only if BIND loaded zones and warned about some.
  assert.ok(loaded >= count / 5, `only ${loaded} of ${count} zones loaded`);
  assert.ok(warned >= 3, `BIND warned about targets in only ${warned} zones`);
});

test('zone-non-terminal-wildcard: named-checkzone warns about the same lines of its fixture', { skip: hasBind ? false : 'named-checkzone (bind9-utils) is not installed' }, () => {
  const file = path.resolve(__dirname, '../../fixtures/semantics/zone-non-terminal-wildcard.zone');
  const text = fs.readFileSync(file, 'utf8');
  const run = spawnSync('named-checkzone', ['-i', 'local', 'example.com', file], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const theirs = [...run.stdout.matchAll(/:(\d+): warning: ownername '[^']*' contains an non-terminal wildcard/g)].map((m) => Number(m[1]));
  const zone = parseZoneFile(file, { origin: 'example.com.' });
  const ours = checkZoneSemantics(zone)
    .filter((p) => p.code === 'zone-non-terminal-wildcard')
    .map((p) => text.slice(0, p.offset).split('\n').length);
  assert.deepEqual(ours, theirs);
  assert.equal(ours.length, 3);
});
