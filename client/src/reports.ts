/**
 * Read-only markdown reports beside the editor (a diagnosis, a check_host trace, an SPF
 * lookup breakdown): virtual documents under the `zonelint-report:` scheme, one per
 * title, updated in place when the same report is shown again.
 */
import * as vscode from 'vscode';

export const REPORT_SCHEME = 'zonelint-report';

export class ReportView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** Shows `markdown` beside the active editor, keeping the focus where it is. */
  async show(title: string, markdown: string): Promise<vscode.TextEditor> {
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${title.replace(/[\\/:*?"<>|]+/g, ' ').trim()}.md` });
    const known = this.contents.has(uri.toString());
    this.contents.set(uri.toString(), markdown);
    if (known) this.changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
