/**
 * The extension's entry point: starts the language client, registers the commands and the
 * status bar, and hands tests a small API.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, type CommandContext } from './commands';
import { createClient } from './languageClient';
import { isStatusParams, STATUS_NOTIFICATION, type StatusParams } from './protocol';
import { ZoneStatusBar } from './statusBar';

/** What `activate` returns: used by the e2e tests, stable for other extensions. */
export interface ZonelintApi {
  /** Resolves once the language server has answered `initialize`. */
  ready(): Promise<void>;
  /** The last `zonelint/status` report for a document, if any came. */
  statusOf(uri: vscode.Uri): StatusParams | undefined;
}

let current: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ZonelintApi> {
  const output = vscode.window.createOutputChannel('Zonelint', { log: true });
  const statusBar = new ZoneStatusBar('zonelint.showOutput');
  context.subscriptions.push(output, statusBar);

  let starting: Promise<void> = Promise.resolve();
  const start = (): Promise<void> => {
    const client = createClient(context, output);
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
  const recreate = async (): Promise<void> => {
    const old = current;
    current = undefined;
    statusBar.clear();
    if (old) await old.dispose();
    await start();
  };

  const ctx: CommandContext = { output, recreate };
  for (const [id, factory] of Object.entries(COMMANDS)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, factory(ctx)));
  }
  // The server was told `trusted: false` at initialize; a fresh start tells it the news.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void recreate()));

  void start().catch(() => undefined);
  return {
    ready: () => starting,
    statusOf: (uri) => statusBar.statusOf(uri),
  };
}

export async function deactivate(): Promise<void> {
  const client = current;
  current = undefined;
  if (client) await client.dispose();
}
