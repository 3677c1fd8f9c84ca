#!/usr/bin/env node
// The second launcher of the e2e suite, for a desktop with internet: @vscode/test-electron
// downloads VS Code 1.100.3 and runs the same `run()` (dist/test/index.js) in its extension
// host. On machines without internet use test/e2e/run.mjs (code-server) instead.
//
//   npm run build && node scripts/e2e-build.mjs && node test/e2e/electron.mjs
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = join(root, '.e2e', 'electron');
const workspace = join(work, 'workspace');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
cpSync(join(root, 'test', 'e2e', 'workspace'), workspace, { recursive: true });

try {
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'dist', 'test', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(work, 'user-data')],
  });
} catch (err) {
  console.error(`e2e (electron) failed: ${err}`);
  process.exit(1);
}
