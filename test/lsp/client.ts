/**
 * A minimal LSP client for tests: spawns the built server (`node dist/server.js --stdio`
 * or `--node-ipc`), speaks JSON-RPC, answers the server's requests, records what it
 * sends, and polls for state instead of sleeping.
 */
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { ClientCapabilities, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

const ROOT = path.resolve(__dirname, '../..');
const SERVER = path.join(ROOT, 'dist', 'server.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds dist/server.js when a server source is newer (esbuild: about a second). */
export function ensureBuilt(): void {
  const built = fs.existsSync(SERVER) ? fs.statSync(SERVER).mtimeMs : 0;
  if (built >= newestMtime(path.join(ROOT, 'server', 'src'))) return;
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

export interface StartOptions {
  readonly transport?: 'stdio' | 'ipc';
  readonly locale?: string;
  readonly folders?: readonly string[];
  readonly initializationOptions?: unknown;
  /** Answer workspace/configuration (and say so in the capabilities). */
  readonly configuration?: boolean;
  /** Declare pull-diagnostics support. */
  readonly pull?: boolean;
  /** The server's environment (default: the tests'). */
  readonly env?: NodeJS.ProcessEnv;
  /** The `processId` sent in `initialize` (default: this test process). */
  readonly processId?: number;
}

export class TestClient {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly status: Array<{ uri: string; origin: string | null; dnsMode: string }> = [];
  /** What workspace/configuration answers for the `zonelint` section. */
  settings: unknown = {};
  configurationRequests = 0;
  refreshRequests = 0;
  initializeResult!: InitializeResult;

  /** The server process's end: its exit code, or the signal that ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    readonly connection: MessageConnection,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /** Ends the server's input, as a client that goes away without `shutdown` does. */
  closeInput(): void {
    this.child.stdin?.end();
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    ensureBuilt();
    const ipc = options.transport === 'ipc';
    const child = ipc
      ? fork(SERVER, ['--node-ipc'], { stdio: ['pipe', 'pipe', 'inherit', 'ipc'], execArgv: [], env: options.env })
      : spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: options.env });
    const connection = ipc
      ? createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
      : createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(connection, child);
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.diagnostics.push(p);
    });
    connection.onNotification('zonelint/status', (p: TestClient['status'][number]) => {
      client.status.push(p);
    });
    connection.onNotification('window/logMessage', () => undefined);
    connection.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) => {
      client.configurationRequests++;
      return p.items.map((i) => (i.section === 'zonelint' ? client.settings : null));
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => {
      client.refreshRequests++;
      return null;
    });
    connection.listen();
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: options.configuration ?? false,
        didChangeConfiguration: { dynamicRegistration: options.configuration ?? false },
        workspaceFolders: true,
        ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
      },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
    };
    const folders = options.folders ?? [];
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: options.processId ?? process.pid,
      rootUri: null,
      locale: options.locale,
      capabilities,
      initializationOptions: options.initializationOptions,
      workspaceFolders: folders.map((f) => ({ uri: 'file://' + f, name: path.basename(f) })),
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** Polls `probe` until it returns a value other than undefined (or throws after `timeoutMs`). */
  async waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 10000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = probe();
      if (v !== undefined) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Like waitFor, for a probe that has to ask the server. */
  async poll<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 10000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await probe();
      if (v !== undefined) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** The first publishDiagnostics for `uri` at `version` (after index `from`) that `accept` takes. */
  waitForDiagnostics(
    uri: string,
    version: number,
    accept: (p: PublishDiagnosticsParams) => boolean = () => true,
    from = 0,
  ): Promise<PublishDiagnosticsParams> {
    return this.waitFor(
      () => this.diagnostics.slice(from).find((p) => p.uri === uri && p.version === version && accept(p)),
      `diagnostics for ${uri} v${version}`,
    );
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'dns-zone', version, text },
    });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone; it is killed below either way.
    }
    if (this.child.exitCode === null && this.child.signalCode === null) setTimeout(() => this.child.kill(), 2000).unref();
    await this.exited;
    this.connection.dispose();
  }
}
