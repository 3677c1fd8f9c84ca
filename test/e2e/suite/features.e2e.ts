// Language features through VS Code's own command API, i.e. as the editor calls them.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { activeApi, codeOf, diagnosticsWithCode, hoverText, openZone, positionOf, waitFor, zonelintDiagnostics } from './helpers';

const ZONE = `$ORIGIN feat.test.
$TTL 3600
@ IN SOA ns1 hostmaster (
    2026112401 ; serial
    7200 3600 1209600 300 )
  IN NS ns1
  IN MX 10 mail
ns1 IN A 192.0.2.53
mail 300 IN A 192.0.2.25
www IN CNAME mail
`;

async function open(extra = ''): Promise<vscode.TextEditor> {
  await activeApi();
  const editor = await openZone(ZONE + extra);
  // The server has parsed the document once it has published (possibly empty) results.
  await waitFor('the server to know the document', async () =>
    ((await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri)) ?? []).length > 0);
  return editor;
}

suite('features', () => {
  test('hover on an RR type explains the type', async () => {
    const editor = await open();
    const pos = positionOf(editor.document, 'MX 10', 1, 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos);
    assert.match(hoverText(hovers), /MX/);
  });

  test('hover on a TTL shows it as a duration', async () => {
    const editor = await open();
    const pos = positionOf(editor.document, 'mail 300', 1, 6);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos);
    assert.match(hoverText(hovers), /5 minutes/);
  });

  test('hover on a TLSA record\'s fields says what 3 1 1 means', async () => {
    const editor = await open(`_25._tcp.mail IN TLSA 3 1 1 ${'ab'.repeat(32)}\n`);
    const at = (needle: string, shift: number) => positionOf(editor.document, needle, 1, shift);
    const hover = async (pos: vscode.Position) => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos));
    assert.match(await hover(at('TLSA 3 1 1', 5)), /DANE-EE/);
    assert.match(await hover(at('TLSA 3 1 1', 7)), /SPKI/);
    assert.match(await hover(at('_25._tcp.mail', 2)), /port 25\/TCP of `mail\.feat\.test` \(SMTP\)/);
  });

  test('the quick-fix for a long TXT string splits it, and the diagnostic goes', async () => {
    const editor = await open(`long IN TXT "${'y'.repeat(300)}"\n`);
    const [d] = await diagnosticsWithCode(editor.document.uri, 'zone-txt-string-too-long');
    assert.ok(d);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', editor.document.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    // LSP lets a fix name the diagnostics it resolves; without that, the quick-fix at the range.
    const fix =
      actions.find((a) => a.diagnostics?.some((x) => codeOf(x) === 'zone-txt-string-too-long') && a.edit) ??
      actions.find((a) => a.kind?.value === 'quickfix' && a.edit && !a.diagnostics?.length);
    assert.ok(fix?.edit, `a quick-fix with an edit among: ${JSON.stringify(actions)}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const strings = [...editor.document.getText().matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? '');
    assert.ok(strings.length >= 2 && strings.every((s) => s.length <= 255), strings.map((s) => s.length).join());
    assert.equal(strings.join('').replace(/[^y]/g, '').length, 300, 'no character lost');
    await waitFor('the diagnostic to clear', () => zonelintDiagnostics(editor.document.uri, 'zone-txt-string-too-long').length === 0);
  });

  test('completion at the type position offers RR types', async () => {
    const editor = await open('new IN \n');
    const line = editor.document.lineCount - 2;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(line, 'new IN '.length));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const t of ['A', 'AAAA', 'MX', 'TXT', 'CNAME']) assert.ok(labels.includes(t), `${t} in ${labels.slice(0, 20).join(',')}`);
  });

  test('the outline lists the owners and their records', async () => {
    const editor = await open();
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    const names = (s: vscode.DocumentSymbol[]): string[] => s.flatMap((x) => [x.name, ...names(x.children ?? [])]);
    const all = names(symbols).join('\n');
    for (const owner of ['ns1', 'mail', 'www']) assert.match(all, new RegExp(`\\b${owner}\\b`), all);
    assert.match(all, /\bMX\b/);
  });

  test('go to definition on a CNAME target finds its records', async () => {
    const editor = await open();
    const pos = positionOf(editor.document, 'CNAME mail', 1, 'CNAME m'.length);
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider', editor.document.uri, pos);
    const lines = defs.map((d) => ('targetRange' in d ? d.targetRange : d.range).start.line);
    assert.ok(lines.includes(8), `definition lines: ${lines.join()}`);
  });

  test('a multi-line SOA record folds', async () => {
    const editor = await open();
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', editor.document.uri);
    assert.ok(ranges.some((r) => r.start === 2 && r.end === 4), ranges.map((r) => `${r.start}-${r.end}`).join());
  });

  test('an $INCLUDE file name is a link', async () => {
    const editor = await open('$INCLUDE scene.zone\n');
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', editor.document.uri);
    assert.ok(links.some((l) => l.target?.path.endsWith('/scene.zone')), links.map((l) => l.target?.toString()).join());
  });
});
