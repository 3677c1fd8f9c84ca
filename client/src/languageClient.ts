/**
 * Creates the language client for the bundled server (dist/server.js, over stdio). When the
 * server dies, the client says why (exit code or signal) with a "Show Output" action and
 * starts it again, within the RestartBudget; past it the server stays down.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import * as config from './config';
import { connectionErrorAction } from './connectionErrors';
import type { InitializationOptions } from './protocol';
import type { ExitStatus, RestartBudget } from './restartBudget';

export const LANGUAGE_ID = 'dns-zone';
export const CLIENT_ID = 'zonelint';

/**
 * What the server's environment leaves out of the extension host's. The server opens no
 * TLS connection (its one network is DNS, README "Network and file system"), yet Node reads
 * every certificate named by NODE_EXTRA_CA_CERTS before running a line of it: with the
 * system's bundle that is about 80 ms of a start-up that should show diagnostics in 300.
 * `undefined` removes a variable (vscode-languageclient lays these over process.env).
 */
export const SERVER_ENV_REMOVED: Readonly<Record<string, undefined>> = { NODE_EXTRA_CA_CERTS: undefined };

/**
 * Where the server keeps V8's code cache (server/src/boot.ts): the extension's own global
 * storage, which VS Code removes with the extension. A cached start reached a small zone's
 * first diagnostics about 100 ms sooner. No folder on disk (a virtual file system): no cache.
 */
export function codeCacheEnv(context: Pick<vscode.ExtensionContext, 'globalStorageUri'>): Record<string, string> {
  const storage = context.globalStorageUri;
  return storage.scheme === 'file' ? { ZONELINT_CACHE_DIR: path.join(storage.fsPath, 'code-cache') } : {};
}

/** How long the close handler waits for the process's exit status (the pipe may close first). */
const EXIT_WAIT_MS = 2000;

/** What the client does when the server dies: the budget, and a listener told why. */
export interface CrashPolicy {
  readonly budget: RestartBudget;
  onCrash(why: string): void;
}

export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, crash: CrashPolicy): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const env = { ...SERVER_ENV_REMOVED, ...codeCacheEnv(context) };
  // Stdio, not IPC: on stdio the server sends a large zone's diagnostics as JSON it keeps
  // with each one (server/src/transport.ts), where IPC stringifies every message whole
  // (about 3 ms of each keystroke at 100,000 records).
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio, options: { env } },
    debug: { module, transport: TransportKind.stdio, options: { env, execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const initializationOptions: InitializationOptions = {
    trusted: vscode.workspace.isTrusted,
    settings: config.allSettings(),
  };
  let exited: Promise<ExitStatus> | undefined;
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID, scheme: 'file' },
      { language: LANGUAGE_ID, scheme: 'untitled' },
    ],
    synchronize: { configurationSection: config.SECTION },
    initializationOptions,
    outputChannel: output,
    traceOutputChannel: output,
    errorHandler: crashHandler(output, crash, () => exited),
  };
  const client = new LanguageClient(CLIENT_ID, 'Zonelint', serverOptions, clientOptions);
  // Each (re)started process: remember how it ends, for the message.
  client.onDidChangeState(({ newState }) => {
    const child = client.serverProcess;
    if (newState !== State.Running || !child) return;
    exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  });
  return client;
}

function describeExit(status: ExitStatus | undefined): string {
  if (status?.signal) return vscode.l10n.t('killed by signal {0}', status.signal);
  if (status?.code !== undefined && status.code !== null) return vscode.l10n.t('exit code {0}', String(status.code));
  return vscode.l10n.t('the connection closed');
}

function crashHandler(output: vscode.LogOutputChannel, { budget, onCrash }: CrashPolicy, exited: () => Promise<ExitStatus> | undefined): ErrorHandler {
  const showOutput = vscode.l10n.t('Show Output');
  const tell = (show: (message: string, ...items: string[]) => Thenable<string | undefined>, message: string): void => {
    void show(message, showOutput).then((choice) => {
      if (choice === showOutput) output.show(true);
    });
  };
  return {
    // Errors writing to or reading from the server: a dead pipe waits for the close below.
    error: (error, _message, count) => {
      const action = connectionErrorAction(error, count);
      if (action === 'shutdown') return { action: ErrorAction.Shutdown };
      return { action: ErrorAction.Continue, handled: action === 'continue-quietly' };
    },
    async closed() {
      const pending = exited();
      const status = pending && (await Promise.race([pending, new Promise<undefined>((r) => setTimeout(() => r(undefined), EXIT_WAIT_MS))]));
      const why = describeExit(status);
      onCrash(why);
      if (budget.allow(Date.now())) {
        output.error(`The language server stopped unexpectedly (${why}); restarting it.`);
        tell(vscode.window.showWarningMessage, vscode.l10n.t('The Zonelint language server stopped unexpectedly ({0}) and was restarted.', why));
        return { action: CloseAction.Restart, handled: true };
      }
      const minutes = String(Math.round(budget.windowMs / 60_000));
      output.error(`The language server stopped (${why}) more than ${budget.max} times in ${minutes} minutes; not restarting it.`);
      tell(
        vscode.window.showErrorMessage,
        vscode.l10n.t(
          'The Zonelint language server stopped again ({0}). After {1} restarts in {2} minutes it stays stopped: see the output for the cause, then run "Zonelint: Restart Language Server".',
          why,
          String(budget.max),
          minutes,
        ),
      );
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}
