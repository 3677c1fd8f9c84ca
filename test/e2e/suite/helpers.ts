/**
 * Helpers for the e2e tests that run inside a real VS Code extension host. They poll for
 * the state a test waits for; none sleeps a fixed time.
 */
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'zonelint.zonelint';

export interface ZonelintApi {
  ready(): Promise<void>;
  statusOf(uri: vscode.Uri): { uri: string; origin: string | null; dnsMode: string } | undefined;
}

/** Polls `probe` every 50 ms until it returns a value other than undefined/false. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the e2e run opens a workspace folder');
  return folder.uri.fsPath;
}

/** Writes a fresh zone file into the workspace (its own name per call) and opens it. */
export async function openZone(content: string, name?: string): Promise<vscode.TextEditor> {
  const file = path.join(workspaceDir(), name ?? `case-${randomUUID().slice(0, 8)}.zone`);
  fs.writeFileSync(file, content);
  const doc = await vscode.workspace.openTextDocument(file);
  return vscode.window.showTextDocument(doc);
}

export async function activeApi(): Promise<ZonelintApi> {
  const ext = vscode.extensions.getExtension<ZonelintApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
  const api = ext.isActive ? ext.exports : await ext.activate();
  await api.ready();
  return api;
}

export function zonelintDiagnostics(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'zonelint' && (code === undefined || codeOf(d) === code));
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

/** Waits until the document has a zonelint diagnostic with `code` and returns them. */
export function diagnosticsWithCode(uri: vscode.Uri, code: string, timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  return waitFor(`a ${code} diagnostic`, () => {
    const ds = zonelintDiagnostics(uri, code);
    return ds.length > 0 ? ds : undefined;
  }, timeoutMs);
}

/** The position of the n-th (1-based) occurrence of `text` in the document, plus `delta` characters. */
export function positionOf(doc: vscode.TextDocument, text: string, n = 1, delta = 0): vscode.Position {
  let i = -1;
  for (let k = 0; k < n; k++) {
    i = doc.getText().indexOf(text, i + 1);
    assert.ok(i >= 0, `"${text}" occurs ${n} times in the document`);
  }
  return doc.positionAt(i + delta);
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  const dot = key.indexOf('.');
  await vscode.workspace.getConfiguration(key.slice(0, dot)).update(key.slice(dot + 1), value, vscode.ConfigurationTarget.Workspace);
}
