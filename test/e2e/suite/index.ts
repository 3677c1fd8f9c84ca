/**
 * The e2e suite's entry point, `run()`, called by VS Code's extension host when it is
 * started with `extensionTestsPath` — by the code-server launcher (test/e2e/run.mjs) and
 * by @vscode/test-electron (test/e2e/electron.mjs) alike. It runs every dist/test/*.e2e.js
 * with mocha and writes the results as JSON to $ZONELINT_E2E_RESULTS, which the
 * code-server driver polls (its page never closes by itself).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export interface E2eResult {
  title: string;
  state: 'passed' | 'failed';
  durationMs: number;
  error?: string;
}

export interface E2eResults {
  passed: number;
  failed: number;
  tests: E2eResult[];
}

/** The file the driver takes screenshots of, left open when the tests end. */
const SCENE = 'scene.zone';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 30000, color: false, reporter: 'spec' });
  const dir = __dirname;
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.e2e.js')).sort()) mocha.addFile(path.join(dir, f));

  const results: E2eResult[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run((n) => resolve(n));
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration ?? 0 }));
    runner.on('fail', (t, err: Error) =>
      results.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration ?? 0, error: err?.stack ?? String(err) }),
    );
  });

  await openScene();
  const out: E2eResults = {
    passed: results.filter((r) => r.state === 'passed').length,
    failed: results.filter((r) => r.state === 'failed').length,
    tests: results,
  };
  console.log(`${out.passed} passed, ${out.failed} failed`);
  const file = process.env.ZONELINT_E2E_RESULTS;
  if (file) {
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(out, null, 2));
    fs.renameSync(`${file}.tmp`, file);
    // The extension host exits when run() returns; stay until the driver has taken its
    // screenshots (it creates `<results>.release`), or at most RELEASE_TIMEOUT_MS.
    await waitForFile(`${file}.release`, RELEASE_TIMEOUT_MS);
  }
  if (failures > 0 && !file) throw new Error(`${failures} e2e test(s) failed`);
}

const RELEASE_TIMEOUT_MS = 180_000;

async function waitForFile(file: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
}

/** Leaves the scene file open in a single editor, for the driver's screenshots. */
async function openScene(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return;
  try {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, SCENE));
    await vscode.window.showTextDocument(doc, { preview: false });
  } catch (err) {
    console.error(`could not open ${SCENE}: ${String(err)}`);
  }
}
