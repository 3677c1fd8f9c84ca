// Bundles the e2e suite (test/e2e/suite) into dist/test: index.js with `run()`, and one
// *.e2e.js per test file, which index.js hands to mocha. `vscode` and `mocha` stay external:
// the extension host provides the first, node_modules the second.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';

const suite = 'test/e2e/suite';
const entryPoints = readdirSync(suite)
  .filter((f) => f === 'index.ts' || f.endsWith('.e2e.ts'))
  .map((f) => `${suite}/${f}`);

await esbuild.build({
  entryPoints,
  outdir: 'dist/test',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
