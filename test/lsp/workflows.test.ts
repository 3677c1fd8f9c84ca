// The field workflows over --stdio: formatting, code lens, inlay hints and the server's
// commands (workspace/executeCommand), as any LSP client sees them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeLens, InlayHint, TextEdit, ApplyWorkspaceEditParams } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DiagnosisReport, IncrementSerialResult, ProviderAction } from '../../client/src/protocol';
import { TestClient } from './client';

const URI = 'file:///tmp/zonelint-lsp-workflows/example.com.zone';
const ZONE = [
  '$ORIGIN example.com.',
  '$TTL 3600',
  '@ IN SOA ns1 hostmaster 2024010101 7200 3600 1209600 300',
  '  IN NS ns1',
  '  IN TXT "v=spf1 ip4:192.0.2.0/24 mx ~all"',
  'ns1 IN A 192.0.2.1',
  '',
].join('\n');

describe('field workflows over --stdio', () => {
  let client: TestClient;
  const applied: ApplyWorkspaceEditParams[] = [];
  before(async () => {
    client = await TestClient.start({ locale: 'en' });
    client.connection.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      applied.push(p);
      return { applied: true };
    });
    await client.open(URI, ZONE);
    await client.waitForDiagnostics(URI, 1);
  });
  after(() => client.stop());

  test('capabilities: formatting, range formatting, code lens, inlay hints, the commands, refactors', () => {
    const caps = client.initializeResult.capabilities;
    assert.equal(caps.documentFormattingProvider, true);
    assert.equal(caps.documentRangeFormattingProvider, true);
    assert.deepEqual(caps.codeLensProvider, { resolveProvider: true });
    assert.equal(caps.inlayHintProvider, true);
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'refactor.rewrite'] });
    assert.deepEqual(caps.executeCommandProvider?.commands.sort(), [
      'zonelint.server.checkIp',
      'zonelint.server.diagnose',
      'zonelint.server.flattenInclude',
      'zonelint.server.incrementSerial',
      'zonelint.server.providerActions',
    ]);
  });

  test('textDocument/formatting aligns the records; rangeFormatting only the range', async () => {
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: URI }, options: { tabSize: 4, insertSpaces: true } });
    const after = TextDocument.applyEdits(TextDocument.create(URI, 'dns-zone', 1, ZONE), edits);
    assert.equal(after.split('\n')[5], 'ns1 IN A   192.0.2.1');
    assert.equal(after.split('\n')[4], '    IN TXT "v=spf1 ip4:192.0.2.0/24 mx ~all"');
    const ranged = await client.request<TextEdit[]>('textDocument/rangeFormatting', {
      textDocument: { uri: URI },
      range: { start: { line: 5, character: 0 }, end: { line: 5, character: 3 } },
      options: { tabSize: 4, insertSpaces: true },
    });
    assert.ok(ranged.length > 0 && ranged.every((e) => e.range.start.line === 5), JSON.stringify(ranged));
  });

  test('textDocument/codeLens above the SPF record', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: URI } });
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0].range.start.line, 4);
    // The title comes with codeLens/resolve, for the lenses the editor shows.
    assert.equal(lenses[0].command, undefined);
    const lens = await client.request<CodeLens>('codeLens/resolve', lenses[0]);
    assert.equal(lens.command?.title, 'SPF · 1/10 DNS lookups · ~all (softfail)');
    assert.equal(lens.command?.command, 'zonelint.showLookupBreakdown');
  });

  test('code lenses of two open zones each resolve in their own zone; a lens naming no document gets no title', async () => {
    const other = 'file:///zones/other.example.zone';
    const text = '$ORIGIN other.example.\n$TTL 3600\n@ IN SOA ns1 h 1 2 3 4 5\n  IN NS ns1\n\n  IN TXT "v=spf1 -all"\nns1 IN A 192.0.2.1\n';
    await client.open(other, text);
    await client.waitForDiagnostics(other, 1);
    const [mine] = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: URI } });
    const [theirs] = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: other } });
    // The lenses name their document by a number the server gave it, not by its URI; never 0,
    // which vscode-languageclient does not send back (it drops falsy data).
    assert.equal(typeof mine.data, 'number');
    assert.notEqual(mine.data, theirs.data);
    assert.ok(mine.data && theirs.data, `data ${String(mine.data)}, ${String(theirs.data)}`);
    assert.equal((await client.request<CodeLens>('codeLens/resolve', theirs)).command?.title, 'SPF · 0/10 DNS lookups · -all (fail)');
    assert.equal((await client.request<CodeLens>('codeLens/resolve', mine)).command?.title, 'SPF · 1/10 DNS lookups · ~all (softfail)');
    const lost = await client.request<CodeLens>('codeLens/resolve', { ...theirs, data: 99 });
    assert.equal(lost.command?.title, '');
  });

  test('textDocument/inlayHint shows TTLs as durations', async () => {
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } },
    });
    assert.deepEqual(hints.map((h) => [h.position, h.label]), [[{ line: 1, character: 9 }, '1 hour']]);
  });

  test('executeCommand incrementSerial: returns the edit, or applies it through workspace/applyEdit', async () => {
    const dry = await client.request<IncrementSerialResult>('workspace/executeCommand', {
      command: 'zonelint.server.incrementSerial',
      arguments: [{ uri: URI, apply: false }],
    });
    assert.equal(dry.applied, false);
    assert.equal(dry.edits.length, 1);
    assert.equal(dry.edits[0].range.start.line, 2);
    assert.match(dry.serial ?? '', /^20\d{6}00$/);
    assert.equal(applied.length, 0);
    const done = await client.request<IncrementSerialResult>('workspace/executeCommand', {
      command: 'zonelint.server.incrementSerial',
      arguments: [{ uri: URI }],
    });
    assert.equal(done.applied, true);
    assert.equal(applied.length, 1);
    assert.deepEqual(applied[0].edit.changes?.[URI], dry.edits);
  });

  test('executeCommand checkIp and diagnose: reports with the trace and the fix', async () => {
    const report = await client.request<DiagnosisReport>('workspace/executeCommand', {
      command: 'zonelint.server.checkIp',
      arguments: [{ ip: '198.51.100.7', sender: 'user@example.com' }],
    });
    assert.equal(report.result, 'softfail');
    assert.deepEqual(report.fixes.map((f) => f.record), ['v=spf1 ip4:192.0.2.0/24 mx ip4:198.51.100.7 ~all']);
    assert.match(report.markdown, /example\.com: match ~all/);
    const pasted = await client.request<DiagnosisReport>('workspace/executeCommand', {
      command: 'zonelint.server.diagnose',
      arguments: [{ text: 'Received-SPF: fail (example: domain of a@example.com does not designate 203.0.113.9 as permitted sender) client-ip=203.0.113.9; envelope-from=a@example.com;\n' }],
    });
    assert.equal(pasted.ok, true, pasted.markdown);
    assert.equal(pasted.domain, 'example.com');
    assert.equal(pasted.result, 'softfail');
  });

  test('executeCommand providerActions: the catalogue as edits on the SPF record', async () => {
    const actions = await client.request<ProviderAction[]>('workspace/executeCommand', {
      command: 'zonelint.server.providerActions',
      arguments: [{ uri: URI, position: { line: 0, character: 0 } }],
    });
    const ses = actions.find((a) => a.title === 'Add Amazon SES to SPF (include:amazonses.com)');
    assert.ok(ses);
    assert.equal(ses.edit.changes[URI][0].range.start.line, 4);
  });
});
