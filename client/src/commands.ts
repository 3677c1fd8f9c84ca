/**
 * The `Zonelint:` commands, one factory each. A factory takes the running extension's
 * context and returns the command's handler.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import * as config from './config';
import type { DiagnosePads } from './diagnosePad';
import { LANGUAGE_ID } from './languageClient';
import {
  SERVER_COMMANDS,
  type CheckIpParams,
  type DiagnosisReport,
  type IncrementSerialResult,
  type LspTextEdit,
  type ProviderAction,
} from './protocol';
import type { ReportView } from './reports';

export interface CommandContext {
  readonly output: vscode.LogOutputChannel;
  /** Stops the client and starts a fresh one (new initializationOptions). */
  recreate(): Promise<void>;
  /** The running language client, once started. */
  client(): Promise<LanguageClient>;
  readonly reports: ReportView;
  readonly pads: DiagnosePads;
  /** The origin the server reported for a zone document, if any. */
  originOf(uri: vscode.Uri): string | null | undefined;
}

/** Runs one of the server's commands (workspace/executeCommand). */
export async function runOnServer<T>(ctx: CommandContext, command: string, arg: unknown): Promise<T> {
  const client = await ctx.client();
  return client.sendRequest<T>('workspace/executeCommand', { command, arguments: [arg] });
}

/** The server's text edits as VS Code's. */
export async function asTextEdits(ctx: CommandContext, edits: readonly LspTextEdit[]): Promise<vscode.TextEdit[]> {
  const client = await ctx.client();
  return (await client.protocol2CodeConverter.asTextEdits([...edits])) ?? [];
}

function activeZone(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === LANGUAGE_ID) return editor;
  void vscode.window.showInformationMessage(vscode.l10n.t('Open a zone file first.'));
  return undefined;
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

/**
 * "Diagnose a Bounce or Header…": on a paste editor with text (or given its URI by the pad's
 * code lens) diagnoses the text and shows the report beside it; otherwise opens a new pad.
 * The report's fix is then a quick-fix on the domain's SPF record. Returns the report.
 */
export function diagnose(ctx: CommandContext): Handler {
  return async (target?: unknown) => {
    const doc =
      target instanceof vscode.Uri
        ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString())
        : vscode.window.activeTextEditor?.document;
    if (!doc || !ctx.pads.has(doc) || doc.getText().trim() === '') {
      await ctx.pads.open();
      return undefined;
    }
    const report = await runOnServer<DiagnosisReport>(ctx, SERVER_COMMANDS.diagnose, { text: doc.getText() });
    await ctx.reports.show(report.title, report.markdown);
    return report;
  };
}

/** "Check a Sending IP…": IP and sender from input boxes (or an argument), the check_host report beside. */
export function checkIp(ctx: CommandContext): Handler {
  return async (given?: unknown) => {
    let params = given as CheckIpParams | undefined;
    if (typeof params?.ip !== 'string' || typeof params.sender !== 'string') {
      const ip = await vscode.window.showInputBox({
        title: vscode.l10n.t('Check a Sending IP'),
        prompt: vscode.l10n.t('The IP address the mail was sent from'),
        placeHolder: '192.0.2.25',
        ignoreFocusOut: true,
        validateInput: (v) => (/^[0-9a-fA-F:.]+$/.test(v.trim()) ? undefined : vscode.l10n.t('An IPv4 or IPv6 address')),
      });
      if (ip === undefined) return undefined;
      const editor = vscode.window.activeTextEditor;
      const origin = editor && ctx.originOf(editor.document.uri);
      const sender = await vscode.window.showInputBox({
        title: vscode.l10n.t('Check a Sending IP'),
        prompt: vscode.l10n.t('The sender: the MAIL FROM address or its domain'),
        value: origin ? `postmaster@${origin.replace(/\.$/, '')}` : '',
        ignoreFocusOut: true,
        validateInput: (v) => (/[A-Za-z0-9-]\.[A-Za-z]/.test(v) ? undefined : vscode.l10n.t('An address like user@example.com, or a domain')),
      });
      if (sender === undefined) return undefined;
      params = { ip: ip.trim(), sender: sender.trim() };
    }
    const report = await runOnServer<DiagnosisReport>(ctx, SERVER_COMMANDS.checkIp, params);
    await ctx.reports.show(report.title, report.markdown);
    return report;
  };
}

/** "Increment SOA Serial" in the active zone, with the server's warning when the bump needs a look. */
export function incrementSerial(ctx: CommandContext): Handler {
  return async () => {
    const editor = activeZone();
    if (!editor) return undefined;
    const result = await runOnServer<IncrementSerialResult>(ctx, SERVER_COMMANDS.incrementSerial, { uri: editor.document.uri.toString() });
    if (result.edits.length === 0) void vscode.window.showInformationMessage(vscode.l10n.t('This file has no SOA serial to increment.'));
    else if (result.warning) void vscode.window.showWarningMessage(result.warning);
    return result;
  };
}

/**
 * "Add Email Provider to SPF…": a quick pick of the catalogue for the SPF record at the
 * cursor (else the file's first). An argument (part of a title) picks without asking.
 */
export function addProvider(ctx: CommandContext): Handler {
  return async (choice?: unknown) => {
    const editor = activeZone();
    if (!editor) return false;
    const actions = await runOnServer<ProviderAction[]>(ctx, SERVER_COMMANDS.providerActions, {
      uri: editor.document.uri.toString(),
      position: { line: editor.selection.active.line, character: editor.selection.active.character },
    });
    if (actions.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No SPF record in this file to add a provider to.'));
      return false;
    }
    const picked =
      typeof choice === 'string'
        ? actions.find((a) => a.title.includes(choice))
        : (
            await vscode.window.showQuickPick(
              actions.map((a) => ({ label: a.title, action: a })),
              { title: vscode.l10n.t('Add Email Provider to SPF'), matchOnDescription: true },
            )
          )?.action;
    if (!picked) return false;
    const client = await ctx.client();
    return vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(picked.edit));
  };
}

interface BreakdownArgs {
  title: string;
  markdown: string;
}

/**
 * The SPF code lens's command: the lookup breakdown beside the zone. From the palette,
 * the breakdown of the SPF record at the cursor (else the file's first).
 */
export function showLookupBreakdown(ctx: CommandContext): Handler {
  return async (given?: unknown) => {
    let args = given as BreakdownArgs | undefined;
    if (typeof args?.markdown !== 'string') {
      const editor = activeZone();
      if (!editor) return undefined;
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
      const spf = lenses.filter((l) => l.command?.command === 'zonelint.showLookupBreakdown');
      const lens = spf.find((l) => l.range.contains(editor.selection.active)) ?? spf[0];
      args = lens?.command?.arguments?.[0] as BreakdownArgs | undefined;
      if (!args) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No SPF record in this file (or the SPF code lens is turned off).'));
        return undefined;
      }
    }
    await ctx.reports.show(args.title, args.markdown);
    return args;
  };
}

export const COMMANDS: Readonly<Record<string, (ctx: CommandContext) => Handler>> = {
  'zonelint.restartServer': restartServer,
  'zonelint.showOutput': showOutput,
  'zonelint.toggleDnsMode': toggleDnsMode,
  'zonelint.diagnose': diagnose,
  'zonelint.checkIp': checkIp,
  'zonelint.incrementSerial': incrementSerial,
  'zonelint.addProvider': addProvider,
  'zonelint.showLookupBreakdown': showLookupBreakdown,
};
