// The field workflows in the real editor: formatting, the serial bump (command and on save),
// the SPF code lens and its breakdown, TTL inlay hints, "Check a Sending IP", the diagnose
// flow with its fix on the SPF record, and the quick-fix catalogue (provider include, DMARC).
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { activeApi, codeOf, diagnosticsWithCode, openZone, setSetting, waitFor, zonelintDiagnostics } from './helpers';

const zone = (origin: string, ...lines: string[]) =>
  [
    `$ORIGIN ${origin}.`,
    '$TTL 3600',
    '@ IN SOA ns1 hostmaster ( 2024010101 7200 3600 1209600 300 )',
    '  IN NS ns1',
    ...lines,
    'ns1 IN A 192.0.2.53',
    '',
  ].join('\n');

async function open(text: string): Promise<vscode.TextEditor> {
  await activeApi();
  const editor = await openZone(text);
  await waitFor('the server to know the document', async () =>
    ((await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri)) ?? []).length > 0);
  return editor;
}

function lineOf(doc: vscode.TextDocument, text: string): vscode.Range {
  const i = doc.getText().indexOf(text);
  assert.ok(i >= 0, `"${text}" in the document`);
  return doc.lineAt(doc.positionAt(i).line).range;
}

/** The visible read-only report (zonelint-report:) whose text matches. */
async function reportMatching(re: RegExp): Promise<vscode.TextDocument> {
  const reports = () => vscode.window.visibleTextEditors.map((e) => e.document).filter((d) => d.uri.scheme === 'zonelint-report');
  try {
    return await waitFor(`a report matching ${re}`, () => reports().find((d) => re.test(d.getText())));
  } catch (e) {
    throw new Error(`${String(e)}; visible reports: ${reports().map((d) => `${d.uri.path}: ${d.getText().slice(0, 200)}`).join(' | ')}`);
  }
}

async function applyQuickFix(doc: vscode.TextDocument, code: string): Promise<vscode.CodeAction> {
  const [d] = await diagnosticsWithCode(doc.uri, code);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
  // The API command's CodeActions do not carry the diagnostics they fix (the LSP ones do: unit tests check them).
  const fix = actions.find((a) => a.edit && a.kind?.value === 'quickfix' && (!a.diagnostics?.length || a.diagnostics.some((x) => codeOf(x) === code)));
  assert.ok(fix?.edit, `a quick-fix for ${code} among: ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
  await waitFor(`${code} to clear`, () => zonelintDiagnostics(doc.uri, code).length === 0, 15000);
  return fix;
}

const tokens = (text: string) => text.split('\n').map((l) => l.trim().split(/\s+/).join(' ')).join('\n');

suite('workflows', () => {
  test('Format Document aligns the columns and keeps every record', async () => {
    const text = zone('fmt.test', 'www 300 in a 192.0.2.80', '  IN MX 10 mail', 'mail IN A 192.0.2.25', '@ IN TXT "v=spf1 mx -all"');
    const editor = await open(text);
    await vscode.commands.executeCommand('editor.action.formatDocument');
    const doc = editor.document;
    await waitFor('the document to be formatted', () => doc.getText() !== text);
    assert.match(doc.getText(), /^www\s+300 IN A\s+192\.0\.2\.80$/m);
    assert.match(doc.getText(), /^\s+IN MX\s+10 mail$/m);
    assert.match(doc.getText(), /^@\s+IN TXT\s+"v=spf1 mx -all"$/m);
    assert.equal(tokens(doc.getText()).toUpperCase(), tokens(text).toUpperCase(), 'the same tokens, only blanks and case of types changed');
  });

  test('Increment SOA Serial moves a date serial to today', async () => {
    const editor = await open(zone('serial.test'));
    const result = await vscode.commands.executeCommand<{ serial?: string; applied: boolean }>('zonelint.incrementSerial');
    assert.ok(result.applied && result.serial, JSON.stringify(result));
    const now = new Date();
    const today = `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;
    assert.match(result.serial, new RegExp(`^${today}0[01]$`));
    await waitFor('the new serial in the document', () => editor.document.getText().includes(`( ${result.serial} 7200`));
  });

  test('with serial.bumpOnSave, each save of a changed zone bumps the serial once', async () => {
    await setSetting('zonelint.serial.bumpOnSave', true);
    try {
      const editor = await open(zone('save.test').replace('2024010101', '41'));
      await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount - 1, 0), 'www IN A 192.0.2.80\n'));
      assert.ok(await editor.document.save());
      assert.match(editor.document.getText(), /\( 42 7200/);
      await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount - 1, 0), 'ftp IN A 192.0.2.81\n'));
      assert.ok(await editor.document.save());
      assert.match(editor.document.getText(), /\( 43 7200/);
    } finally {
      await setSetting('zonelint.serial.bumpOnSave', undefined);
    }
  });

  test('a code lens above the SPF record counts its lookups; its command shows the breakdown', async () => {
    const editor = await open(zone('lens.test', '  IN MX 10 ns1', '@ IN TXT "v=spf1 mx a:ns1.lens.test ~all"'));
    const lens = await waitFor('the SPF code lens', async () =>
      // Resolved (the server titles a lens when the editor resolves it), as VS Code does for those on screen.
      ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 10)) ?? []).find(
        (l) => l.command?.command === 'zonelint.showLookupBreakdown'));
    assert.equal(lens.command!.title, 'SPF · 2/10 DNS lookups · ~all (softfail)');
    assert.equal(lens.range.start.line, lineOf(editor.document, 'v=spf1').start.line);
    await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
    const report = await reportMatching(/SPF lookups of lens\.test: 2\/10/);
    assert.match(report.getText(), /`v=spf1` lens\.test — 2 here, 2 in all/);
  });

  test('inlay hints show TTLs in seconds as durations', async () => {
    const editor = await open(zone('hints.test', 'www 86400 IN A 192.0.2.80'));
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>(
      'vscode.executeInlayHintProvider', editor.document.uri, new vscode.Range(0, 0, editor.document.lineCount, 0));
    const labels = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
    assert.ok(labels.includes('1 hour') && labels.includes('1 day'), labels.join(', '));
  });

  test('Check a Sending IP shows check_host with its trace, and the fix is a code action on the SPF record', async () => {
    const editor = await open(zone('checkip.test', '@ IN TXT "v=spf1 ip4:192.0.2.0/24 -all"'));
    const report = await vscode.commands.executeCommand<{ result: string; fixes: { record: string }[] }>(
      'zonelint.checkIp', { ip: '198.51.100.7', sender: 'shop@checkip.test' });
    assert.equal(report.result, 'fail');
    const shown = await reportMatching(/SPF fail for 198\.51\.100\.7 at checkip\.test/);
    assert.match(shown.getText(), /checkip\.test: no-match ip4:192\.0\.2\.0\/24/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', editor.document.uri, lineOf(editor.document, 'v=spf1'));
    const fix = actions.find((a) => a.title.startsWith('Apply the bounce diagnosis fix'));
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(editor.document.getText(), /"v=spf1 ip4:192\.0\.2\.0\/24 ip4:198\.51\.100\.7 -all"/);
  });

  test('Diagnose a Bounce or Header: paste, diagnose, and apply the relay include on the SPF record', async () => {
    const zoneEditor = await open(zone('bounce.test', '@ IN TXT "v=spf1 ip4:192.0.2.0/24 ~all"'));
    assert.equal(await vscode.commands.executeCommand('zonelint.diagnose'), undefined, 'the first run opens a paste editor');
    const pad = await waitFor('the paste editor', () =>
      vscode.window.activeTextEditor?.document.isUntitled ? vscode.window.activeTextEditor : undefined);
    await pad.edit((b) =>
      b.insert(new vscode.Position(0, 0),
        'Received-SPF: softfail (mx.google.com: domain of transitioning shop@bounce.test does not designate 23.83.218.24 as permitted sender) client-ip=23.83.218.24;\n' +
        'Authentication-Results: mx.google.com;\n       spf=softfail smtp.mailfrom=shop@bounce.test\n'));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', pad.document.uri);
    const run = lenses.find((l) => l.command?.command === 'zonelint.diagnose');
    assert.equal(run?.command?.title, 'Diagnose this text');
    const report = await vscode.commands.executeCommand<{ ok: boolean; result: string; markdown: string }>(run!.command!.command, ...(run!.command!.arguments ?? []));
    assert.equal(report.result, 'softfail', report.markdown);
    const shown = await reportMatching(/SPF softfail for 23\.83\.218\.24 at bounce\.test/);
    assert.match(shown.getText(), /relay\.mailchannels\.net/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', zoneEditor.document.uri, lineOf(zoneEditor.document, 'v=spf1'));
    const fix = actions.find((a) => a.title.startsWith('Apply the bounce diagnosis fix'));
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(zoneEditor.document.getText(), /"v=spf1 ip4:192\.0\.2\.0\/24 include:relay\.mailchannels\.net ~all"/);
  });

  test('the spf-provider-missing quick-fix inserts the provider include', async () => {
    const editor = await open(zone('zonelint-e2e-google.com', '  IN MX 1 aspmx.l.google.com.', '@ IN TXT "v=spf1 mx ~all"'));
    const fix = await applyQuickFix(editor.document, 'spf-provider-missing');
    assert.match(fix.title, /^Add Google Workspace to SPF/);
    assert.match(editor.document.getText(), /"v=spf1 mx include:_spf\.google\.com ~all"/);
  });

  test('the dmarc-missing quick-fix inserts a _dmarc record', async () => {
    const editor = await open(zone('zonelint-e2e-dmarc.com', '  IN MX 10 ns1', '@ IN TXT "v=spf1 mx -all"'));
    await applyQuickFix(editor.document, 'dmarc-missing');
    assert.match(editor.document.getText(), /^_dmarc\b.*TXT\s+"v=DMARC1; p=none; rua=mailto:dmarc-reports@zonelint-e2e-dmarc\.com"$/m);
  });

  test('a name written without its final dot: the warning, and the quick-fix adds the dot', async () => {
    const editor = await open(zone('finaldot.test', '  IN MX 10 mail.finaldot.test', 'mail IN A 192.0.2.25', '@ IN TXT "v=spf1 mx -all"'));
    const fix = await applyQuickFix(editor.document, 'zone-origin-repeated');
    assert.equal(fix.title, "Add the final dot: 'mail.finaldot.test.'");
    assert.match(editor.document.getText(), /^ {2}IN MX 10 mail\.finaldot\.test\.$/m);
  });

  test('a misspelt provider include: the warning, and the quick-fix writes the provider\'s domain', async () => {
    const editor = await open(zone('typo.test', '@ IN TXT "v=spf1 include:spf.sender.xsever.jp ~all"'));
    const fix = await applyQuickFix(editor.document, 'spf-include-typo');
    assert.equal(fix.title, "Change to 'spf.sender.xserver.jp'");
    assert.match(editor.document.getText(), /"v=spf1 include:spf\.sender\.xserver\.jp ~all"/);
  });

  test('saved with a record changed and the serial as opened: the warning on the serial, and the quick-fix increments it', async () => {
    const editor = await open(zone('serial.test', 'www IN A 192.0.2.80'));
    const doc = editor.document;
    const at = doc.getText().indexOf('192.0.2.80');
    assert.ok(await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 10)), '192.0.2.81')));
    assert.ok(await doc.save());
    const [d] = await diagnosticsWithCode(doc.uri, 'zone-serial-unchanged');
    assert.equal(doc.getText(d.range), '2024010101');
    const fix = await applyQuickFix(doc, 'zone-serial-unchanged');
    assert.match(fix.title, /^Increment the serial to \d+$/);
    assert.doesNotMatch(doc.getText(), /2024010101/);
  });

  test('Add Email Provider to SPF adds the chosen provider to the SPF record', async () => {
    const editor = await open(zone('provider.test', '@ IN TXT "v=spf1 mx -all"'));
    assert.equal(await vscode.commands.executeCommand('zonelint.addProvider', 'Amazon SES'), true);
    await waitFor('the include', () => editor.document.getText().includes('"v=spf1 mx include:amazonses.com -all"'));
  });
});
