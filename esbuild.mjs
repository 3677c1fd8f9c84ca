// Bundles the three entry points: the VS Code client, the language server and the CLI.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  define: { ZONELINT_VERSION: JSON.stringify(version) },
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The server's start is on the path to a document's first diagnostics: without comments and
  // indentation the bundle is a quarter smaller and pure Latin-1 (a comment with a non-Latin-1
  // character made V8 hold all of it as two-byte text), which halves the time Node takes to read
  // it and trims its compile. Names stay as written, for stack traces.
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/lsp.js', minifyWhitespace: true },
  // zonelint-lsp: a few lines that load dist/lsp.js through V8's code cache (server/src/boot.ts).
  { ...common, entryPoints: ['server/src/boot.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' }, sourcemap: false },
  { ...common, entryPoints: ['cli/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
