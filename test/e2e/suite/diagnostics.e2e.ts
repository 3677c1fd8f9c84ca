// Diagnostics as a person meets them: they appear, point at the right text, clear on edit,
// and follow the settings.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { activeApi, codeOf, diagnosticsWithCode, openZone, setSetting, waitFor, workspaceDir, zonelintDiagnostics } from './helpers';

const HEAD = `$ORIGIN diag.test.
$TTL 3600
@ IN SOA ns1 hostmaster ( 2026112401 7200 3600 1209600 300 )
  IN NS ns1
ns1 IN A 192.0.2.53
`;
const LONG = 'x'.repeat(300);

suite('diagnostics', () => {
  test('a TXT string over 255 octets is reported on that string, with source, code and link', async () => {
    await activeApi();
    const editor = await openZone(HEAD + `long IN TXT "${LONG}"\n`);
    const [d] = await diagnosticsWithCode(editor.document.uri, 'zone-txt-string-too-long');
    assert.ok(d);
    assert.equal(d.source, 'zonelint');
    assert.equal(d.range.start.line, 5);
    assert.match(editor.document.getText(d.range), /^"?x{300}"?$/);
    assert.ok(typeof d.code === 'object' && d.code.target.toString().includes('zone-txt-string-too-long'), 'codeDescription.href');
  });

  test('the diagnostic clears when the string is shortened', async () => {
    const editor = await openZone(HEAD + `long IN TXT "${LONG}"\n`);
    await diagnosticsWithCode(editor.document.uri, 'zone-txt-string-too-long');
    const start = editor.document.getText().indexOf(LONG);
    const range = new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(start + LONG.length));
    assert.ok(await editor.edit((b) => b.replace(range, 'short')));
    await waitFor('the diagnostic to clear', () => zonelintDiagnostics(editor.document.uri, 'zone-txt-string-too-long').length === 0);
  });

  test('v=spf1 … +all is reported on the +all term', async () => {
    const editor = await openZone(HEAD + '@ IN TXT "v=spf1 mx +all"\n');
    const [d] = await diagnosticsWithCode(editor.document.uri, 'spf-permissive-all');
    assert.ok(d);
    assert.equal(editor.document.getText(d.range), '+all');
  });

  test('a CNAME next to other data at the same owner is reported', async () => {
    const editor = await openZone(HEAD + 'www IN CNAME ns1\nwww IN A 192.0.2.1\n');
    const ds = await diagnosticsWithCode(editor.document.uri, 'zone-cname-and-other-data');
    assert.ok(ds.every((d) => d.range.start.line === 5 || d.range.start.line === 6), ds.map((d) => d.range.start.line).join());
  });

  test('a record without IN is read as a record (no syntax error)', async () => {
    // The CNAME clash is there so that the test knows when the server has checked the file.
    const editor = await openZone(HEAD + 'www 300 A 192.0.2.1\nmail A 192.0.2.2\nalias CNAME mail\nalias TXT "x"\n');
    await diagnosticsWithCode(editor.document.uri, 'zone-cname-and-other-data');
    const errors = zonelintDiagnostics(editor.document.uri).filter(
      (d) => d.severity === vscode.DiagnosticSeverity.Error && codeOf(d) !== 'zone-cname-and-other-data');
    assert.deepEqual(errors.map((d) => `${codeOf(d)}@${d.range.start.line}`), []);
  });

  test('changing zonelint.rules re-validates open documents', async () => {
    const code = 'zone-txt-string-too-long';
    const editor = await openZone(HEAD + `long IN TXT "${LONG}"\n`);
    await diagnosticsWithCode(editor.document.uri, code);
    try {
      await setSetting('zonelint.rules', { [code]: 'off' });
      await waitFor(`${code} to be switched off`, () => zonelintDiagnostics(editor.document.uri, code).length === 0);
      await setSetting('zonelint.rules', { [code]: 'hint' });
      await waitFor('the level to become hint', () =>
        zonelintDiagnostics(editor.document.uri, code)[0]?.severity === vscode.DiagnosticSeverity.Hint);
    } finally {
      await setSetting('zonelint.rules', undefined);
    }
  });
  test('a Shift_JIS zone opened as UTF-8 (the default) shows U+FFFD, and its lines are flagged', async () => {
    // "; 日本語" and a TXT of it, written in Shift_JIS as old zones on Japanese Windows are.
    const sjis = Buffer.from([0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea]);
    const file = path.join(workspaceDir(), `sjis-${Date.now()}.zone`);
    fs.writeFileSync(file, Buffer.concat([Buffer.from(HEAD + '; '), sjis, Buffer.from('\ninfo IN TXT "'), sjis, Buffer.from('"\n')]));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    assert.ok(editor.document.lineAt(5).text.includes('\uFFFD'), 'the editor read the bytes as U+FFFD');
    const ds = await diagnosticsWithCode(editor.document.uri, 'zone-not-utf8');
    await waitFor('both lines', () => zonelintDiagnostics(editor.document.uri, 'zone-not-utf8').length === 2);
    assert.deepEqual(zonelintDiagnostics(editor.document.uri, 'zone-not-utf8').map((d) => d.range.start.line).sort(), [5, 6]);
    assert.equal(ds[0].severity, vscode.DiagnosticSeverity.Warning);
  });
});
