/**
 * The extension's entry point: starts the language client, registers the commands and the
 * status bar, and hands tests a small API.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { asTextEdits, COMMANDS, runOnServer, type CommandContext } from './commands';
import * as config from './config';
import { DiagnosePads } from './diagnosePad';
import { createClient, LANGUAGE_ID } from './languageClient';
import { isStatusParams, SERVER_COMMANDS, STATUS_NOTIFICATION, type IncrementSerialResult, type StatusParams } from './protocol';
import { ReportView } from './reports';
import { RestartBudget } from './restartBudget';
import { ZoneStatusBar } from './statusBar';

/** What `activate` returns: used by the e2e tests, stable for other extensions. */
export interface ZonelintApi {
  /** Resolves once the language server has answered `initialize`. */
  ready(): Promise<void>;
  /** The last `zonelint/status` report for a document, if any came. */
  statusOf(uri: vscode.Uri): StatusParams | undefined;
  /** The running server's process id (the e2e tests kill it to see the client restart it). */
  serverPid(): number | undefined;
  /** Why the server last stopped unexpectedly (as the message said), if it ever did. */
  lastCrash(): string | undefined;
}

let current: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ZonelintApi> {
  const output = vscode.window.createOutputChannel('Zonelint', { log: true });
  const statusBar = new ZoneStatusBar('zonelint.showOutput');
  context.subscriptions.push(output, statusBar);

  let starting: Promise<void> = Promise.resolve();
  const budget = new RestartBudget();
  let lastCrash: string | undefined;
  const start = (): Promise<void> => {
    const client = createClient(context, output, { budget, onCrash: (why) => (lastCrash = why) });
    client.onNotification(STATUS_NOTIFICATION, (params: unknown) => {
      if (isStatusParams(params)) statusBar.update(params);
    });
    current = client;
    starting = client.start().catch((err: unknown) => {
      output.error(`The Zonelint language server failed to start: ${String(err)}`);
      throw err;
    });
    return starting;
  };
  const replace = async (): Promise<void> => {
    const old = current;
    current = undefined;
    statusBar.clear();
    budget.reset();
    // A server that does not answer makes the old client's stop fail (it times out after
    // 2 s, and the library then ends the process): say so, and start the new one anyway.
    if (old) {
      await old.dispose().catch((err: unknown) => output.warn(`The old language server did not stop cleanly: ${String(err)}`));
    }
    await start();
  };
  // One restart at a time: two at once (a double click, or trust granted during a restart)
  // would each start a client, and the second client's commands clash with the first's.
  // `restarting` never rejects: each restart's own promise carries its failure.
  let restarting: Promise<void> = Promise.resolve();
  const recreate = (): Promise<void> => {
    const next = restarting.then(replace);
    restarting = next.catch(() => undefined);
    return next;
  };

  const reports = new ReportView();
  const pads = new DiagnosePads('zonelint.diagnose');
  context.subscriptions.push(reports, pads);
  const ctx: CommandContext = {
    output,
    recreate,
    reports,
    pads,
    originOf: (uri) => statusBar.statusOf(uri)?.origin,
    client: async () => {
      // A command during restarts waits for the server the last of them starts.
      for (let r = restarting; ; r = restarting) {
        await r;
        if (r === restarting) break;
      }
      await starting;
      if (!current) throw new Error('The Zonelint language server is not running');
      return current;
    },
  };
  for (const [id, factory] of Object.entries(COMMANDS)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, factory(ctx)));
  }
  context.subscriptions.push(vscode.workspace.onWillSaveTextDocument((e) => bumpOnSave(ctx, e)));
  // The server was told `trusted: false` at initialize; a fresh start tells it the news.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void recreate()));

  // A restart waits for the first start to settle too: a client still starting cannot be
  // stopped, and would run on beside the new one.
  restarting = start().catch(() => undefined);
  return {
    ready: () => starting,
    statusOf: (uri) => statusBar.statusOf(uri),
    serverPid: () => current?.serverProcess?.pid,
    lastCrash: () => lastCrash,
  };
}

/**
 * `zonelint.serial.bumpOnSave`: one serial bump per save the user makes of a changed zone
 * (auto saves and saves of an unchanged file leave the serial alone).
 */
function bumpOnSave(ctx: CommandContext, e: vscode.TextDocumentWillSaveEvent): void {
  const doc = e.document;
  if (doc.languageId !== LANGUAGE_ID || !doc.isDirty || e.reason === vscode.TextDocumentSaveReason.AfterDelay) return;
  if (!config.serialBumpOnSave(doc)) return;
  e.waitUntil(
    runOnServer<IncrementSerialResult>(ctx, SERVER_COMMANDS.incrementSerial, { uri: doc.uri.toString(), apply: false }).then(
      (r) => asTextEdits(ctx, r.edits),
      (err: unknown) => {
        ctx.output.warn(`Zonelint: no serial bump on save: ${String(err)}`);
        return [];
      },
    ),
  );
}

export async function deactivate(): Promise<void> {
  const client = current;
  current = undefined;
  if (client) await client.dispose();
}
