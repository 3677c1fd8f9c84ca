// LSP latency: drives `node dist/server.js --stdio` (zonelint-lsp) over JSON-RPC like an
// editor does. Reports the time from spawning the server to the first diagnostics of a
// 1,000-line zone (activation), and for each large zone the time from one keystroke
// (an incremental didChange) to the diagnostics published for that version, p50/p95.
// Used by bench/run.mjs; run alone: node bench/lsp.mjs ZONE_FILE... (prints JSON lines).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The environment the VS Code client gives the server: the bench's own, less what
 * client/src/languageClient.ts (SERVER_ENV_REMOVED) leaves out, and a code cache folder
 * (codeCacheEnv: the extension's storage there, bench/.work/code-cache here).
 */
const asTheClientStartsIt = { ...process.env, NODE_EXTRA_CA_CERTS: undefined, ZONELINT_CACHE_DIR: join(root, 'bench', '.work', 'code-cache') };

/**
 * A language server on stdio with request/notification plumbing. `inherit`: the bench's
 * environment as it is, as another editor may start the server. BENCH_STDERR=1 shows the
 * server's standard error.
 */
function startServer({ inherit = false, env = {} } = {}) {
  const serverJs = process.env.BENCH_SERVER ?? join(root, 'dist', 'server.js');
  const child = spawn(process.execPath, [serverJs, '--stdio'], {
    stdio: ['pipe', 'pipe', process.env.BENCH_STDERR ? 'inherit' : 'ignore'],
    env: { ...(inherit ? process.env : asTheClientStartsIt), ...env },
  });
  // Chunks are kept until a whole message is in: concatenating on every chunk would copy a
  // multi-megabyte diagnostics message dozens of times (an editor's reader does not).
  let chunks = [];
  let received = 0;
  /** Bytes of the message being read (header included), once its header is in. */
  let expected;
  let bodyAt = 0;
  let nextId = 1;
  const pending = new Map();
  const listeners = new Set();
  child.stdout.on('data', (chunk) => {
    chunks.push(chunk);
    received += chunk.length;
    for (;;) {
      if (expected === undefined) {
        const head = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, received);
        chunks = [head];
        const headerEnd = head.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        bodyAt = headerEnd + 4;
        expected = bodyAt + Number(/Content-Length: (\d+)/i.exec(head.subarray(0, headerEnd).toString())[1]);
      }
      if (received < expected) return;
      const buffer = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, received);
      const message = JSON.parse(buffer.subarray(bodyAt, expected).toString('utf8'));
      const rest = buffer.subarray(expected);
      chunks = rest.length > 0 ? [rest] : [];
      received = rest.length;
      expected = undefined;
      if (message.id !== undefined && message.method === undefined) {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      } else if (message.id !== undefined) {
        // A request from the server (configuration, registerCapability…): answer empty.
        send({ jsonrpc: '2.0', id: message.id, result: message.method === 'workspace/configuration' ? message.params.items.map(() => null) : null });
      } else {
        for (const l of listeners) l(message);
      }
    }
  });
  function send(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  }
  return {
    request(method, params) {
      const id = nextId++;
      return new Promise((res) => {
        pending.set(id, res);
        send({ jsonrpc: '2.0', id, method, params });
      });
    },
    notify(method, params) {
      send({ jsonrpc: '2.0', method, params });
    },
    /** Resolves with the first diagnostics for `uri` that satisfy `accept`. */
    diagnostics(uri, accept = () => true) {
      return new Promise((res) => {
        const l = (m) => {
          if (m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && accept(m.params)) {
            listeners.delete(l);
            res(m.params);
          }
        };
        listeners.add(l);
      });
    },
    async stop() {
      await this.request('shutdown', null);
      this.notify('exit', null);
      await new Promise((res) => child.once('exit', res));
    },
  };
}

async function open(server, file, settings = {}) {
  await server.request('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { dns: { mode: 'offline' }, ...settings },
  });
  server.notify('initialized', {});
  const uri = pathToFileURL(resolve(file)).href;
  const text = readFileSync(file, 'utf8');
  const first = server.diagnostics(uri);
  // The second publish: the DNS-dependent checks, after a quiet time.
  let published = 0;
  const checked = server.diagnostics(uri, () => ++published === 2);
  server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dns-zone', version: 1, text } });
  await first;
  // The line count, not the text: the bench keeps no copy of a large zone (its own garbage
  // collections would show in the latencies it measures).
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return { uri, lines, checked };
}

/** Spawn to first diagnostics, in ms; `options.inherit` and `options.env` as startServer's. */
export async function activation(file, options = {}) {
  const t = performance.now();
  const server = startServer(options);
  await open(server, file);
  const ms = performance.now() - t;
  await server.stop();
  return ms;
}

/** Types one character at the start of `line` (the document's `version`); resolves with that version's diagnostics. */
function type(server, uri, version, line) {
  const published = server.diagnostics(uri, (p) => p.version === version);
  server.notify('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }],
  });
  return published;
}

function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/**
 * One-character edits spread over the zone, once the opened zone's checks are all in;
 * ms from didChange to that version's diagnostics.
 * `settings` go in initializationOptions (e.g. `{ diagnostics: { maxPerFile: 0 } }`).
 */
export async function keystrokes(file, edits, settings = {}) {
  const server = startServer();
  const { uri, lines, checked } = await open(server, file, settings);
  // Typing starts once every check of the opened zone is in and the server has rehearsed
  // its keystrokes, as a user reads the zone first.
  await checked;
  const rehearsal = await rehearsed(server);
  const samples = [];
  let last = 0;
  for (let i = 0; i < edits; i++) {
    const version = i + 2;
    const line = Math.floor(lines / 2) + i * 37;
    const t = performance.now();
    last = (await type(server, uri, version, line)).diagnostics.length;
    samples.push(performance.now() - t);
  }
  await server.stop();
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), edits, published: last, rehearsal, samples };
}

/**
 * Waits for the end of the keystrokes the server rehearses in a large zone just opened
 * (server/src/server.ts, rehearse). Returns how many and how long the wait was.
 */
async function rehearsed(server) {
  const t = performance.now();
  for (;;) {
    const stats = await server.request('zonelint/stats', null);
    if (!stats.rehearsing) return { edits: stats.rehearsed, ms: performance.now() - t };
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Pauses in typing: after each edit the DNS-dependent checks of the new text start (after
 * their quiet time) and run to the end; meanwhile the bench asks the server `zonelint/stats`
 * back to back. A request's round trip is what a keystroke typed then would wait before
 * the server reads it. Returns those waits' p50/p95/max and the runs' length.
 */
export async function pauses(file, edits, settings = {}) {
  const server = startServer();
  const { uri, lines, checked } = await open(server, file, settings);
  await checked;
  await rehearsed(server);
  const stats = () => server.request('zonelint/stats', null);
  const waits = [];
  const runs = [];
  for (let i = 0; i < edits; i++) {
    const version = i + 2;
    const before = await stats();
    const line = Math.floor(lines / 3) + i * 41;
    await type(server, uri, version, line);
    // From the quiet time to the end of the run: every answer's wait.
    const t0 = performance.now();
    let now = before;
    let firstAfterStart;
    while (now.published === before.published) {
      const t = performance.now();
      now = await stats();
      waits.push(performance.now() - t);
      if (firstAfterStart === undefined && now.started > before.started) firstAfterStart = t;
    }
    runs.push(performance.now() - (firstAfterStart ?? t0));
  }
  // The last run's SPF lookup trees: kept from the run before, and built again.
  const last = await stats();
  await server.stop();
  return {
    p50: percentile(waits, 50),
    p95: percentile(waits, 95),
    max: waits.reduce((a, b) => Math.max(a, b), 0),
    runMs: percentile(runs, 50),
    edits,
    kept: last.spfTreesKept,
    built: last.spfTreesBuilt,
  };
}

/**
 * A keystroke as soon as a zone just opened has its first diagnostics (ms from didChange to
 * that version's diagnostics): the edit then waits for what the server puts off after the
 * first check (the owner indexes of the incremental zone, made in steps meanwhile).
 */
export async function firstKeystroke(file) {
  const server = startServer();
  const { uri, lines } = await open(server, file);
  const t = performance.now();
  await type(server, uri, 2, Math.floor(lines / 2));
  const ms = performance.now() - t;
  await server.stop();
  return ms;
}

/**
 * What an editor asks after each edit, once its diagnostics are in: code lenses (the list),
 * the outline, folding and the inlay hints of the lines on screen, one after the other (ms
 * from request to answer, the server answering nothing else meanwhile). Then `resolve`
 * lenses resolved (codeLens/resolve: their lookup trees and titles), as an editor does for
 * those on screen. The first list (before any edit) is reported on its own.
 */
export async function afterEdits(file, edits, resolve = 20) {
  const server = startServer();
  const { uri, lines, checked } = await open(server, file);
  await checked;
  await rehearsed(server);
  const textDocument = { uri };
  const timed = async (method, params) => {
    const t = performance.now();
    const answer = await server.request(method, params);
    return { ms: performance.now() - t, answer };
  };
  const first = await timed('textDocument/codeLens', { textDocument });
  const lenses = first.answer;
  const samples = { lens: [], symbols: [], folding: [], inlay: [], total: [] };
  for (let i = 0; i < edits; i++) {
    const version = i + 2;
    const line = Math.floor(lines / 3) + i * 41;
    await type(server, uri, version, line);
    const screen = { start: { line: Math.max(0, line - 30), character: 0 }, end: { line: line + 30, character: 0 } };
    const lens = (await timed('textDocument/codeLens', { textDocument })).ms;
    const symbols = (await timed('textDocument/documentSymbol', { textDocument })).ms;
    const folding = (await timed('textDocument/foldingRange', { textDocument })).ms;
    const inlay = (await timed('textDocument/inlayHint', { textDocument, range: screen })).ms;
    samples.lens.push(lens);
    samples.symbols.push(symbols);
    samples.folding.push(folding);
    samples.inlay.push(inlay);
    samples.total.push(lens + symbols + folding + inlay);
  }
  const mid = Math.floor(lenses.length / 2);
  const t = performance.now();
  await Promise.all(lenses.slice(mid, mid + resolve).map((lens) => server.request('codeLens/resolve', lens)));
  const resolveMs = performance.now() - t;
  await server.stop();
  const p50 = (xs) => percentile(xs, 50);
  return {
    lenses: lenses.length,
    firstListMs: first.ms,
    edits,
    p50: { lens: p50(samples.lens), symbols: p50(samples.symbols), folding: p50(samples.folding), inlay: p50(samples.inlay), total: p50(samples.total) },
    p95: percentile(samples.total, 95),
    resolved: Math.min(resolve, lenses.length - mid),
    resolveMs,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of process.argv.slice(2)) console.log(JSON.stringify({ file, ...(await keystrokes(file, 10)) }));
}
