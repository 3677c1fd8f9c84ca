/**
 * Our own fixture zones, printed by Zonelint and by BIND's `named-checkzone -i local -D`,
 * compared as record sets (the same comparison as the corpus test). Each fixture names
 * its origin on its first line (`; origin: example.com.`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseZoneFile, printZone } from '../../../server/src/zone/index';
import { recordSet } from './recordSet';

const FIXTURES = path.resolve(__dirname, '../../fixtures/zone');
const hasBind = spawnSync('named-checkzone', ['-v']).status === 0;

for (const name of fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.zone')).sort()) {
  const file = path.join(FIXTURES, name);
  const origin = /^; origin: (\S+)/.exec(fs.readFileSync(file, 'utf8'))?.[1];
  // Skipped only where bind9-utils is not installed: the reference is BIND itself.
  test(`${name} prints what named-checkzone -D prints`, { skip: hasBind ? false : 'named-checkzone (bind9-utils) is not installed' }, () => {
    assert.ok(origin, 'fixture must name its origin on line 1');
    const bind = spawnSync('named-checkzone', ['-i', 'local', '-D', '-o', '-', origin, name], { cwd: FIXTURES, encoding: 'utf8' });
    assert.equal(bind.status, 0, bind.stderr + bind.stdout);
    const zone = parseZoneFile(file, { origin });
    assert.deepEqual([...recordSet(printZone(zone))].sort(), [...recordSet(bind.stdout)].sort());
  });
}
