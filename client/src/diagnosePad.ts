/**
 * The editors "Diagnose a Bounce or Header…" opens to paste into: untitled documents the
 * extension tracks, each with a "Diagnose" code lens on its first line that runs the
 * command again on its text.
 */
import * as vscode from 'vscode';

export class DiagnosePads implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly pads = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly runCommand: string) {
    this.subscriptions = [
      vscode.languages.registerCodeLensProvider({ scheme: 'untitled' }, this),
      vscode.workspace.onDidCloseTextDocument((doc) => this.pads.delete(doc.uri.toString())),
    ];
  }

  /** Opens a new empty pad in the active column (as a tab of its own: the zone's preview tab stays open). */
  async open(): Promise<vscode.TextEditor> {
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
    this.pads.add(doc.uri.toString());
    return vscode.window.showTextDocument(doc, { preview: false });
  }

  has(doc: vscode.TextDocument): boolean {
    return this.pads.has(doc.uri.toString());
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.has(doc)) return [];
    const title =
      doc.getText().trim() === ''
        ? vscode.l10n.t('Paste a bounce, Authentication-Results or Received-SPF headers here, then click to diagnose')
        : vscode.l10n.t('Diagnose this text');
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title, command: this.runCommand, arguments: [doc.uri] })];
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
