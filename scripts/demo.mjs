// npm run demo: lints the bundled example zones and prints the diagnostics, then
// diagnoses a Gmail bounce against the Japanese shop's zone.
// Findings are the point of the demo, so exit 1 (errors found) counts as success;
// anything else (a crash, a usage error) fails the demo.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const zones = readdirSync('examples')
  .filter((f) => f.endsWith('.zone'))
  .sort()
  .map((f) => join('examples', f));
let failed = false;
for (const zone of zones) {
  console.log(`\n== zonelint check ${zone}`);
  const r = spawnSync(process.execPath, ['dist/cli.js', 'check', zone], { stdio: 'inherit' });
  if (r.status !== 0 && r.status !== 1) failed = true;
}
// The bounce a customer of the Japanese shop got from Gmail: why, and the record that fixes it.
console.log('\n== zonelint diagnose --zone examples/example.co.jp.zone examples/gmail-bounce.txt');
const d = spawnSync(
  process.execPath,
  ['dist/cli.js', 'diagnose', '--zone', join('examples', 'example.co.jp.zone'), join('examples', 'gmail-bounce.txt')],
  { stdio: 'inherit' },
);
if (d.status !== 0) failed = true;
process.exit(failed ? 1 : 0);
