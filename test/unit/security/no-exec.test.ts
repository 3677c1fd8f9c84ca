/**
 * Issue 10, security: no shell execution, no eval, no network but DNS. Checked twice:
 * on our sources (every module specifier and a few forbidden calls), and on the three
 * bundles as esbuild builds them, where its metafile names the module that imports each
 * Node built-in, so dependency code is allowed precisely, module by module, with a reason.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as esbuild from 'esbuild';

const root = join(__dirname, '..', '..', '..');
const SOURCE_DIRS = ['server/src', 'cli/src', 'client/src'];

/** Built-ins that run code or open connections. `dns` is the one network we use, below. */
const FORBIDDEN = new Set(['child_process', 'vm', 'worker_threads', 'cluster', 'http', 'https', 'http2', 'net', 'tls', 'dgram', 'inspector', 'repl', 'module']);
/** Where DNS may be asked: the live resolver, through node:dns (c-ares) only. */
const DNS_ALLOWED_IN = ['server/src/dns/live.ts'];

/**
 * Our files allowed a forbidden built-in:
 * - the server's entry loads the server bundle beside it through V8's code cache (vm.Script
 *   with cachedData, module.createRequire for its require); it runs no other code and never
 *   text from a zone;
 * - the live resolver's octet path (dns/raw.ts) sends a DNS query over UDP, and TCP when the
 *   answer is truncated, for a name c-ares refuses to send: to the live resolver's own
 *   servers, and only from it (checked below). DNS still, by other sockets.
 */
const OWN_ALLOWED: Record<string, { modules: string[]; calls: string[] }> = {
  'server/src/boot.ts': { modules: ['vm', 'module'], calls: ['require() of a computed name'] },
  'server/src/dns/raw.ts': { modules: ['dgram', 'net'], calls: [] },
};

/** Dependency modules that import a forbidden built-in, what for, and why it never runs for us. */
const DEPENDENCY_ALLOWED: Record<string, { modules: string[]; reason: string }> = {
  'node_modules/vscode-languageserver/lib/node/files.js': {
    modules: ['child_process'],
    reason:
      'Files.resolve*/resolveGlobal*Path fork node and run npm/yarn to find global modules; we never call the Files namespace (checked on the sources below).',
  },
  'node_modules/vscode-jsonrpc/lib/node/main.js': {
    modules: ['net'],
    reason: 'the --pipe/--socket LSP transports the editor may choose (a local pipe or 127.0.0.1 socket); our client and the tests use stdio.',
  },
  'node_modules/vscode-languageclient/lib/node/main.js': {
    modules: ['child_process'],
    reason: 'the VS Code client forks dist/server.js (TransportKind.stdio): the one process the extension starts, with no shell.',
  },
  'node_modules/vscode-languageclient/lib/node/processes.js': {
    modules: ['child_process'],
    reason:
      'terminate(): when the server it started does not exit on stop, it kills that process tree: taskkill on Windows, a fixed /bin/sh script (pgrep, kill -9) on Linux and macOS, the pid checked to be digits. It runs in the extension host, never with text from a zone.',
  },
};

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.ts$/.test(entry)) out.push(p);
  }
  return out;
}

const rel = (p: string): string => relative(root, p).split(sep).join('/');
const builtinName = (spec: string): string | undefined => {
  const name = spec.replace(/^node:/, '').split('/')[0];
  return spec.startsWith('node:') || builtinModules.includes(name) ? name : undefined;
};

/** Every module specifier a file names: static and dynamic imports, re-exports, require. */
function specifiers(text: string): string[] {
  const found: string[] = [];
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s+['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]/g, /\brequire\s*\(\s*['"]([^'"]+)['"]/g];
  for (const re of patterns) for (const m of text.matchAll(re)) found.push(m[1]);
  return found;
}

/** Calls that run code from a string or reach the network some other way. */
const FORBIDDEN_CALLS: Array<[RegExp, string]> = [
  [/\beval\s*\(/, 'eval('],
  [/\bnew\s+Function\s*\(/, 'new Function('],
  [/\bfetch\s*\(/, 'fetch('],
  [/\bprocess\.binding\s*\(/, 'process.binding('],
  [/\brequire\s*\(\s*[^'")\s]/, 'require() of a computed name'],
  [/\bimport\s*\(\s*[^'")\s]/, 'import() of a computed name'],
  [/\bnew\s+Worker\s*\(/, 'new Worker('],
  [/\bsetTimeout\s*\(\s*['"`]/, 'setTimeout with a string'],
];

test('our sources import no child_process, vm, workers or network module; node:dns only in the live resolver', () => {
  const deps = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies as Record<string, string>;
  const packages = new Set([...Object.keys(deps), 'vscode']);
  const files = SOURCE_DIRS.flatMap((d) => sources(join(root, d)));
  assert.ok(files.length > 50, `read ${files.length} files`);
  const problems: string[] = [];
  let dnsImports = 0;
  for (const file of files) {
    const name = rel(file);
    const text = readFileSync(file, 'utf8');
    for (const spec of specifiers(text)) {
      if (spec.startsWith('.')) continue;
      const builtin = builtinName(spec);
      if (builtin === undefined) {
        const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        if (!packages.has(pkg)) problems.push(`${name}: imports ${spec}, not a runtime dependency`);
        if (pkg === 'vscode' && !name.startsWith('client/src/')) problems.push(`${name}: imports vscode outside the client`);
      } else if (FORBIDDEN.has(builtin)) {
        if (!OWN_ALLOWED[name]?.modules.includes(builtin)) problems.push(`${name}: imports ${spec}`);
      } else if (builtin === 'dns') {
        if (DNS_ALLOWED_IN.includes(name)) dnsImports++;
        else problems.push(`${name}: imports ${spec} outside ${DNS_ALLOWED_IN.join(', ')}`);
      }
    }
    for (const [re, what] of FORBIDDEN_CALLS) if (re.test(text) && !OWN_ALLOWED[name]?.calls.includes(what)) problems.push(`${name}: ${what}`);
    // vscode-languageserver's Files helpers spawn npm and yarn (see DEPENDENCY_ALLOWED).
    if (/import\s*\{[^}]*\bFiles\b[^}]*\}\s*from\s*'vscode-languageserver/.test(text)) problems.push(`${name}: imports Files`);
  }
  assert.deepEqual(problems, []);
  assert.equal(dnsImports, 1, 'the live resolver is where DNS goes');
  // The octet path is the live resolver's alone.
  const rawImporters = files.filter((f) => specifiers(readFileSync(f, 'utf8')).some((s) => /(^|\/)raw$/.test(s))).map(rel);
  assert.deepEqual(rawImporters, DNS_ALLOWED_IN);
});

test('the checks see what they look for', () => {
  assert.deepEqual(specifiers("import { fork } from 'node:child_process';\nconst vm = require('vm');"), ['node:child_process', 'vm']);
  assert.equal(builtinName('child_process'), 'child_process');
  assert.equal(builtinName('node:fs/promises'), 'fs');
  assert.equal(builtinName('tldts'), undefined);
  const hits = (s: string) => FORBIDDEN_CALLS.filter(([re]) => re.test(s)).map(([, w]) => w);
  assert.deepEqual(hits('x = eval ("1")'), ['eval(']);
  assert.deepEqual(hits('new Function("return 1")'), ['new Function(']);
  assert.deepEqual(hits('await fetch(url)'), ['fetch(']);
  assert.deepEqual(hits('require(name)'), ['require() of a computed name']);
  assert.deepEqual(hits('evaluate(x); prefetch(y)'), []);
});

test('the bundles: no eval or new Function, forbidden built-ins only from the listed dependency modules', async () => {
  const entries: Array<[string, string[]]> = [
    ['server/src/server.ts', []],
    ['server/src/boot.ts', []],
    ['cli/src/cli.ts', []],
    ['client/src/extension.ts', ['vscode']],
  ];
  const problems: string[] = [];
  const used = new Set<string>();
  for (const [entry, external] of entries) {
    const built = await esbuild.build({
      entryPoints: [join(root, entry)],
      absWorkingDir: root,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external,
      write: false,
      metafile: true,
      logLevel: 'silent',
      define: { ZONELINT_VERSION: '"test"' },
    });
    const code = built.outputFiles[0].text;
    assert.ok(code.length > (entry === 'server/src/boot.ts' ? 1000 : 10000), `${entry} bundled`);
    if (/\beval\s*\(/.test(code)) problems.push(`${entry}: the bundle calls eval(`);
    if (/\bnew\s+Function\s*\(/.test(code)) problems.push(`${entry}: the bundle calls new Function(`);
    for (const [input, info] of Object.entries(built.metafile.inputs)) {
      for (const imp of info.imports) {
        const builtin = builtinName(imp.path);
        if (builtin === undefined) continue;
        const ours = !input.startsWith('node_modules/');
        if (builtin === 'dns' && !(ours && DNS_ALLOWED_IN.includes(input))) problems.push(`${entry}: ${input} imports ${imp.path}`);
        if (!FORBIDDEN.has(builtin)) continue;
        if (ours && OWN_ALLOWED[input]?.modules.includes(builtin)) continue;
        const allowed = DEPENDENCY_ALLOWED[input];
        if (ours || !allowed?.modules.includes(builtin)) problems.push(`${entry}: ${input} imports ${imp.path}`);
        else used.add(input);
      }
    }
  }
  assert.deepEqual(problems, []);
  // No stale entry: each allowance still matches what the bundle holds.
  assert.deepEqual([...used].sort(), Object.keys(DEPENDENCY_ALLOWED).sort());
});
