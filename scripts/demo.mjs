// npm run demo: lints the bundled example zones and prints the diagnostics.
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
process.exit(failed ? 1 : 0);
