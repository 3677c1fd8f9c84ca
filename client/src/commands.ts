/**
 * The `Zonelint:` commands, one factory each. A factory takes the running extension's
 * context and returns the command's handler.
 */
import * as vscode from 'vscode';
import * as config from './config';

export interface CommandContext {
  readonly output: vscode.LogOutputChannel;
  /** Stops the client and starts a fresh one (new initializationOptions). */
  recreate(): Promise<void>;
}

type Handler = (...args: unknown[]) => unknown;

export function restartServer(ctx: CommandContext): Handler {
  return async () => {
    ctx.output.info('Restarting the Zonelint language server');
    await ctx.recreate();
  };
}

export function showOutput(ctx: CommandContext): Handler {
  return () => ctx.output.show(true);
}

/** Flips `zonelint.dns.mode` in the workspace (or, without a folder, the user) settings. */
export function toggleDnsMode(_ctx: CommandContext): Handler {
  return async () => {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Zonelint stays offline in an untrusted workspace.'));
      return;
    }
    const next = config.dnsMode() === 'live' ? 'offline' : 'live';
    const target = vscode.workspace.workspaceFolders?.length
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
    await vscode.workspace.getConfiguration(config.SECTION).update('dns.mode', next, target);
  };
}

export const COMMANDS: Readonly<Record<string, (ctx: CommandContext) => Handler>> = {
  'zonelint.restartServer': restartServer,
  'zonelint.showOutput': showOutput,
  'zonelint.toggleDnsMode': toggleDnsMode,
};
