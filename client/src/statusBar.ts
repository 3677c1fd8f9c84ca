/**
 * The status bar item: the active zone's origin and the DNS mode, as the server reports
 * them through `zonelint/status`, or the configured DNS mode while no report has come.
 */
import * as vscode from 'vscode';
import * as config from './config';
import { LANGUAGE_ID } from './languageClient';
import type { StatusParams } from './protocol';

export class ZoneStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('zonelint.status', vscode.StatusBarAlignment.Right, 100);
  private readonly byUri = new Map<string, StatusParams>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(showOutputCommand: string) {
    this.item.name = 'Zonelint';
    this.item.command = showOutputCommand;
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidCloseTextDocument((doc) => this.byUri.delete(doc.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('zonelint.dns') && this.refresh()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refresh()),
    );
    this.refresh();
  }

  /** Records a `zonelint/status` report and shows it if it is about the active editor. */
  update(status: StatusParams): void {
    this.byUri.set(status.uri, status);
    this.refresh();
  }

  /** What the server last reported for a document (undefined before any report). */
  statusOf(uri: vscode.Uri): StatusParams | undefined {
    return this.byUri.get(uri.toString());
  }

  clear(): void {
    this.byUri.clear();
    this.refresh();
  }

  private refresh(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== LANGUAGE_ID) {
      this.item.hide();
      return;
    }
    const reported = this.byUri.get(doc.uri.toString());
    const mode = reported?.dnsMode ?? (vscode.workspace.isTrusted ? config.dnsMode(doc.uri) : 'offline');
    const origin = reported?.origin ?? undefined;
    const modeText = mode === 'live' ? vscode.l10n.t('DNS live') : vscode.l10n.t('DNS offline');
    this.item.text = `$(${mode === 'live' ? 'globe' : 'circle-slash'}) ${origin ?? vscode.l10n.t('origin unknown')} · ${modeText}`;
    this.item.tooltip = reported
      ? vscode.l10n.t('Zonelint: origin {0}, DNS mode {1}. Click to show the output.', origin ?? '—', mode)
      : vscode.l10n.t('Zonelint: the server has not reported this zone yet (DNS mode {0} from the settings).', mode);
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
