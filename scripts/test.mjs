// Runs every test file under test/ (or the layers named as arguments) with node's
// test runner and tsx for TypeScript. Node 20's --test does not expand globs itself.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const layers = process.argv.slice(2).length ? process.argv.slice(2) : ['unit', 'lsp', 'grammar'];

function collect(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const entry of readdirSync(dir).sort()) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) out.push(...collect(p));
    else if (/\.test\.(ts|mjs)$/.test(entry)) out.push(p);
  }
  return out;
}

const files = layers.flatMap((l) => collect(join('test', l)));
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
