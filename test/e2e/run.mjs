#!/usr/bin/env node
// Runs the e2e suite in a real VS Code: code-server 4.100.3 (VS Code 1.100.3), opened in
// headless Chromium with the extension under development and dist/test/index.js as the
// tests (the `payload` URL parameter, as --extensionDevelopmentPath would). The suite writes
// its results to a file this driver polls; then the driver checks the grammar's scopes in
// the editor and saves screenshots of the Problems panel, a hover and the Quick Fix menu
// under test/e2e/screenshots/. Ends with `N passed, M failed`; exits 1 on any failure.
//
//   node test/e2e/run.mjs [--no-build] [--timeout SECONDS]
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
// Time the suite may take once the workbench is open (install and build are not counted:
// a first install on a busy machine alone can take minutes).
const timeoutMs = 1000 * Number(args.includes("--timeout") ? args[args.indexOf("--timeout") + 1] : 600);
const e2e = join(root, '.e2e');
const work = join(e2e, 'run');
const shots = join(root, 'test', 'e2e', 'screenshots');
const entry = join(e2e, 'host', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const started = Date.now();
const log = (m) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${m}`);

function sh(cmd, argv) {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} exited ${r.status}`);
}

async function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

async function poll(what, probe, ms, everyMs = 100) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

const results = [];
const record = (title, error) => results.push({ title, state: error ? 'failed' : 'passed', error });

let server;
let browser;
function stopServer() {
  if (!server?.pid) return;
  try {
    process.kill(-server.pid, 'SIGTERM'); // the whole process group: watchers too
  } catch {
    /* already gone */
  }
}

async function main() {
  // Installs the pinned code-server when missing or when its lockfile changed; else a no-op.
  sh('bash', ['scripts/e2e-install.sh']);
  if (!args.includes('--no-build')) {
    sh(process.execPath, ['esbuild.mjs']);
    sh(process.execPath, ['scripts/e2e-build.mjs']);
  }
  for (const f of ['dist/extension.js', 'dist/server.js', 'dist/test/index.js']) {
    if (!existsSync(join(root, f))) throw new Error(`${f} is missing: run npm run build`);
  }

  rmSync(work, { recursive: true, force: true });
  const workspace = join(work, 'workspace');
  cpSync(join(root, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  for (const d of ['user-data', 'extensions', 'tmp', 'chromium']) mkdirSync(join(work, d), { recursive: true });
  mkdirSync(join(work, 'user-data', 'User'), { recursive: true });
  writeFileSync(join(work, 'user-data', 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'editor.hover.delay': 100,
    'window.commandCenter': false,
    'chat.commandCenter.enabled': false,
  }, null, 2));
  const config = join(work, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const resultsFile = join(work, 'results.json');
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  log(`starting code-server on ${base}`);
  // detached = setsid(2): code-server leads its own process group, ended as a whole below.
  server = spawn(process.execPath, [entry,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--config', config,
    '--user-data-dir', join(work, 'user-data'), '--extensions-dir', join(work, 'extensions'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', workspace,
  ], {
    cwd: work,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      TMPDIR: join(work, 'tmp'),
      ZONELINT_E2E_RESULTS: resultsFile,
      // The client leaves it out of the server's environment (client.e2e.ts checks that).
      NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS || '/etc/ssl/certs/ca-certificates.crt',
    },
  });
  const serverLog = [];
  server.stdout.on('data', (b) => serverLog.push(String(b)));
  server.stderr.on('data', (b) => serverLog.push(String(b)));
  await poll('code-server to answer /healthz', async () => (await fetch(`${base}/healthz`)).ok, 30000);

  const { chromium } = await import('playwright-core');
  browser = await chromium.launchPersistentContext(join(work, 'chromium'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  const hostLog = [];
  page.on('console', (m) => {
    const t = m.text();
    if (t.includes('[Extension Host]')) hostLog.push(t);
  });
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(root)],
    ['extensionTestsPath', remote(join(root, 'dist', 'test', 'index.js'))],
  ]);
  const url = `${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`;
  log('opening the Extension Development Host in headless Chromium');
  await page.goto(url);

  const suite = await poll('the suite results', async () => existsSync(resultsFile) && JSON.parse(readFileSync(resultsFile, 'utf8')),
    timeoutMs, 250).catch((err) => {
    console.log(hostLog.slice(-40).join('\n'));
    console.log(serverLog.slice(-20).join(''));
    throw err;
  });
  results.push(...suite.tests);
  log(`suite finished in the extension host: ${suite.passed} passed, ${suite.failed} failed`);
  if (suite.failed > 0) printLogs(join(work, 'user-data', 'logs'), hostLog);

  // The client gives the server its global storage for V8's code cache (client/src/languageClient.ts,
  // codeCacheEnv); the server writes it a few seconds after starting (server/src/boot.ts) and keeps
  // only the current build's file.
  const cacheDir = join(work, 'user-data', 'User', 'globalStorage', 'zonelint.zonelint', 'code-cache');
  const cached = existsSync(cacheDir) ? readdirSync(cacheDir) : [];
  record(
    "client: the language server's code cache is written in the extension's global storage, one file",
    cached.length === 1 && /^lsp-[\w.-]+\.cache$/.test(cached[0]) ? undefined : `${cacheDir} holds ${JSON.stringify(cached)}`,
  );

  await inEditor(page);
}

/** Drives the workbench the way a person would, on scene.zone the suite left open. */
async function inEditor(page) {
  const editor = page.locator('.monaco-editor[data-uri$="scene.zone"]').first();
  const lines = readFileSync(join(root, 'test', 'e2e', 'workspace', 'scene.zone'), 'utf8').split('\n');
  const goTo = async (needle, delta = 0) => {
    const line = lines.findIndex((l) => l.includes(needle));
    const column = lines[line].indexOf(needle) + 1 + delta;
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type(`:${line + 1}:${column}`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  };
  const command = async (label) => {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type(label);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
  };
  const step = async (title, fn) => {
    try {
      await fn();
      record(title);
    } catch (err) {
      record(title, err?.stack ?? String(err));
      await page.screenshot({ path: join(shots, `failed-${results.length}.png`) }).catch(() => undefined);
      await page.keyboard.press('Escape').catch(() => undefined);
    }
  };

  await step('editor: scene.zone is open in the Extension Development Host', async () => {
    await editor.waitFor({ state: 'visible', timeout: 20000 });
    await editor.click();
  });

  await step('grammar: the tokens of `www 300 A 192.0.2.1` carry owner, TTL and type scopes', async () => {
    const expect = [['www 300', 0, 'entity.name.tag.owner.dns-zone'], ['www 300', 4, 'constant.numeric.ttl.dns-zone'],
      ['300 A', 4, 'storage.type.rr.dns-zone'], ['A 192.0.2.1', 2, 'constant.numeric.ipv4.dns-zone']];
    for (const [needle, delta, scope] of expect) {
      await goTo(needle, delta);
      await command('Developer: Inspect Editor Tokens and Scopes');
      const widget = page.locator('.token-inspect-widget');
      await widget.waitFor({ state: 'visible', timeout: 10000 });
      await poll(`the scope ${scope}`, async () => (await widget.innerText()).includes(scope), 10000);
      if (scope === 'storage.type.rr.dns-zone') await page.screenshot({ path: join(shots, 'token-scopes.png') });
      await page.keyboard.press('Escape');
      await widget.waitFor({ state: 'hidden' });
    }
  });

  await step('status bar: shows the zone\'s origin and the DNS mode', async () => {
    const item = page.locator('.statusbar-item', { hasText: 'scene.test.' });
    await item.waitFor({ state: 'visible', timeout: 15000 });
    const text = await item.innerText();
    if (!/DNS offline/.test(text)) throw new Error(`status bar item reads "${text}"`);
  });

  await step('screenshot: the Problems panel lists the zone\'s diagnostics', async () => {
    await command('View: Focus Problems');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ state: 'visible', timeout: 10000 });
    await poll('zone-txt-string-too-long in the panel', async () => /zone-txt-string-too-long/.test(await panel.innerText()), 15000);
    await page.screenshot({ path: join(shots, 'problems.png') });
  });

  await step('screenshot: a hover over the long TXT string shows its diagnostic', async () => {
    await editor.click();
    await goTo('"0123', 5);
    await command('Show or Focus Hover');
    const hover = page.locator('.monaco-hover:not(.hidden)').first();
    await hover.waitFor({ state: 'visible', timeout: 10000 });
    await poll('the hover to show the diagnostic', async () => /zone-txt-string-too-long/.test(await hover.innerText()), 10000);
    await page.screenshot({ path: join(shots, 'hover.png') });
    await page.keyboard.press('Escape');
  });

  await step('screenshot: the Quick Fix menu on the long TXT string', async () => {
    await goTo('"0123', 3);
    await command('Quick Fix...');
    const menu = page.locator('.action-widget');
    await menu.waitFor({ state: 'visible', timeout: 10000 });
    await poll('a fix in the menu', async () => (await menu.innerText()).trim().length > 0, 10000);
    await page.screenshot({ path: join(shots, 'quick-fix.png') });
    await page.keyboard.press('Escape');
  });
}

let fatal;
try {
  await main();
} catch (err) {
  fatal = err;
} finally {
  try { writeFileSync(join(work, 'results.json.release'), ''); } catch { /* no run folder yet */ }
  await browser?.close().catch(() => undefined);
  stopServer();
  if (server?.pid) {
    await poll('code-server to exit', async () => {
      try {
        process.kill(-server.pid, 0);
        return false;
      } catch {
        return true;
      }
    }, 5000).catch(() => {
      try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ }
    });
  }
}

for (const r of results) {
  console.log(`${r.state === 'passed' ? '  ✓' : '  ✗'} ${r.title}${r.durationMs ? ` (${r.durationMs} ms)` : ''}`);
  if (r.error) console.log(r.error.split('\n').slice(0, 8).map((l) => `      ${l}`).join('\n'));
}
if (fatal) console.log(`e2e run aborted: ${fatal.stack ?? fatal}`);
const passed = results.filter((r) => r.state === 'passed').length;
const failed = results.filter((r) => r.state === 'failed').length + (fatal ? 1 : 0);
log(`done; screenshots in ${shots}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

/**
 * After a failed test, what the extension host and the Zonelint output channel (the
 * client's restart messages, the server's standard error) said last: a failure that
 * does not come back on a second run leaves nothing else to read.
 */
function printLogs(logsDir, hostLog) {
  console.log('--- extension host console (last 40 lines)');
  console.log(hostLog.slice(-40).join('\n'));
  const found = [];
  const walk = (dir) => {
    for (const entry of existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : []) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/Zonelint\.log$/.test(entry.name)) found.push(p);
    }
  };
  walk(logsDir);
  for (const file of found) {
    console.log(`--- ${file} (last 80 lines)`);
    console.log(readFileSync(file, 'utf8').split('\n').slice(-80).join('\n'));
  }
}
