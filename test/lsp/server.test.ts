import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  DocumentDiagnosticReport,
  DocumentSymbol,
  Hover,
  Location,
  MarkupContent,
} from 'vscode-languageserver-protocol';
import { TestClient } from './client';
import { STATS_REQUEST, type ServerStats } from '../../client/src/protocol';

const ZONE = [
  '$ORIGIN example.com.',
  '$TTL 3600',
  '@    IN SOA ns1 hostmaster 2024010101 7200 3600 1209600 300',
  '     IN NS  ns1',
  '     IN MX  10 mail.other.test.',
  'ns1  IN A   192.0.2.1',
  'www  IN CNAME ns1',
  'www  IN A   192.0.2.2',
  '',
].join('\n');
/** The A record that conflicts with the CNAME above it: where BIND reports the problem. */
const CONFLICT_LINE = 7;
const CNAME_LINE = 6;

const codes = (ds: readonly Diagnostic[]): string[] => ds.map((d) => String(d.code));
const hasCname = (p: { diagnostics: Diagnostic[] }): boolean => codes(p.diagnostics).includes('zone-cname-and-other-data');

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-lsp-'));
  fs.writeFileSync(path.join(dir, 'other.test.zone'), '$ORIGIN other.test.\n$TTL 300\n@ IN SOA ns h 1 2 3 4 5\n  IN NS ns\nns IN A 192.0.2.8\nmail IN A 192.0.2.9\n');
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('push diagnostics, features and settings over --stdio', () => {
  let client: TestClient;
  let uri: string;
  before(async () => {
    client = await TestClient.start({ folders: [dir], configuration: true, locale: 'en-US' });
    uri = pathToFileURL(path.join(dir, 'example.com.zone')).toString();
    await client.open(uri, ZONE);
  });
  after(() => client.stop());

  test('capabilities: incremental sync and every feature', () => {
    const caps = client.initializeResult.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    for (const k of ['hoverProvider', 'completionProvider', 'documentSymbolProvider', 'foldingRangeProvider', 'definitionProvider', 'documentLinkProvider', 'codeActionProvider'] as const) {
      assert.ok(caps[k], k);
    }
    assert.equal(caps.diagnosticProvider, undefined, 'no pull without client support');
  });

  test('didOpen → publishDiagnostics with the version and full diagnostic fields', async () => {
    const published = await client.waitForDiagnostics(uri, 1, hasCname);
    const d = published.diagnostics.find((x) => x.code === 'zone-cname-and-other-data')!;
    assert.equal(d.source, 'zonelint');
    assert.match(d.codeDescription!.href, /#zone-cname-and-other-data$/);
    assert.deepEqual(d.range, { start: { line: CONFLICT_LINE, character: 0 }, end: { line: CONFLICT_LINE, character: 3 } });
    const status = await client.waitFor(() => client.status.find((s) => s.uri === uri), 'zonelint/status');
    assert.deepEqual(status, { uri, origin: 'example.com.', dnsMode: 'offline' });
  });

  test('an incremental change clears the diagnostic at the new version', async () => {
    const from = client.diagnostics.length;
    await client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: CONFLICT_LINE, character: 0 }, end: { line: CONFLICT_LINE, character: 3 } }, text: 'web' }],
    });
    const published = await client.waitForDiagnostics(uri, 2, () => true, from);
    assert.equal(hasCname(published), false);
    await client.notify('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: CONFLICT_LINE, character: 0 }, end: { line: CONFLICT_LINE, character: 3 } }, text: 'www' }],
    });
    await client.waitForDiagnostics(uri, 3, hasCname, from);
  });

  test('the DNS-dependent checks start at once for a document just opened, after the quiet time after an edit', async () => {
    const quiet = 'file:///zones/quiet.example.com.zone';
    await client.open(quiet, ZONE);
    await client.waitForDiagnostics(quiet, 1);
    assert.equal((await client.request<ServerStats>(STATS_REQUEST, {})).quietMs, 0);
    // Its complete set comes (a second publish of version 1) without an edit.
    await client.waitFor(() => (client.diagnostics.filter((p) => p.uri === quiet && p.version === 1).length >= 2 ? true : undefined), 'the complete set');
    await client.notify('textDocument/didChange', {
      textDocument: { uri: quiet, version: 2 },
      contentChanges: [{ range: { start: { line: CONFLICT_LINE, character: 0 }, end: { line: CONFLICT_LINE, character: 3 } }, text: 'web' }],
    });
    await client.waitForDiagnostics(quiet, 2);
    assert.ok((await client.request<ServerStats>(STATS_REQUEST, {})).quietMs >= 400);
    await client.notify('textDocument/didClose', { textDocument: { uri: quiet } });
  });

  test('didSave with records changed under the opened serial → zone-serial-unchanged on the serial; the quick-fix edit clears it', async () => {
    const saved = 'file:///zones/saved.example.com.zone';
    const serialLine = 2;
    const hasSerial = (p: { diagnostics: Diagnostic[] }) => codes(p.diagnostics).includes('zone-serial-unchanged');
    await client.open(saved, ZONE);
    await client.waitForDiagnostics(saved, 1);
    // The A record of www changes; nothing is said until the file is saved.
    await client.notify('textDocument/didChange', {
      textDocument: { uri: saved, version: 2 },
      contentChanges: [{ range: { start: { line: CONFLICT_LINE, character: 20 }, end: { line: CONFLICT_LINE, character: 21 } }, text: '9' }],
    });
    const before = await client.waitForDiagnostics(saved, 2);
    assert.ok(!hasSerial(before));
    const from = client.diagnostics.length;
    await client.notify('textDocument/didSave', { textDocument: { uri: saved } });
    const published = await client.waitForDiagnostics(saved, 2, hasSerial, from);
    const d = published.diagnostics.find((x) => x.code === 'zone-serial-unchanged')!;
    const at = ZONE.split('\n')[serialLine].indexOf('2024010101');
    assert.deepEqual(d.range, { start: { line: serialLine, character: at }, end: { line: serialLine, character: at + 10 } });
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: saved }, range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a) => a.title.startsWith('Increment the serial to '));
    assert.ok(fix?.edit?.changes?.[saved], actions.map((a) => a.title).join(' | '));
    const [edit] = fix.edit.changes[saved];
    await client.notify('textDocument/didChange', { textDocument: { uri: saved, version: 3 }, contentChanges: [{ range: edit.range, text: edit.newText }] });
    const after = await client.waitForDiagnostics(saved, 3);
    assert.ok(!hasSerial(after));
    await client.notify('textDocument/didClose', { textDocument: { uri: saved } });
  });

  test('hover on a TTL and an RR type', async () => {
    const ttl = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 6 } });
    assert.match((ttl.contents as MarkupContent).value, /1 hour/);
    const type = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 9 } });
    assert.match((type.contents as MarkupContent).value, /\*\*MX\*\*/);
  });

  test('completion offers RR types after a class', async () => {
    await client.notify('textDocument/didChange', {
      textDocument: { uri, version: 4 },
      contentChanges: [{ range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } }, text: 'ftp  IN ' }],
    });
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 8, character: 8 } });
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.includes('AAAA') && labels.includes('TXT'));
    assert.ok(!labels.includes('IN'));
    await client.notify('textDocument/didChange', {
      textDocument: { uri, version: 5 },
      contentChanges: [{ range: { start: { line: 8, character: 0 }, end: { line: 8, character: 8 } }, text: '' }],
    });
  });

  test('document symbols: the outline of owners', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['@', 'ns1', 'www']);
    assert.deepEqual(symbols[2].children!.map((c) => c.name), ['CNAME', 'A']);
  });

  test('definition: local target and a name in another workspace zone file', async () => {
    const local = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: { line: CNAME_LINE, character: 15 } });
    assert.deepEqual(local.map((l) => [l.uri, l.range.start.line]), [[uri, 5]]);
    const other = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: { line: 4, character: 20 } });
    assert.deepEqual(other.map((l) => [path.basename(l.uri), l.range.start.line]), [['other.test.zone', 5]]);
  });

  test('a workspace file changed on disk is re-indexed (didChangeWatchedFiles)', async () => {
    const other = path.join(dir, 'other.test.zone');
    const original = fs.readFileSync(other, 'utf8');
    fs.writeFileSync(other, original.replace('mail IN A', 'smtp IN A'));
    try {
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(other).toString(), type: 2 }] });
      const position = { line: 4, character: 20 };
      await client.poll(async () => {
        const found = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position });
        return found.length === 0 ? found : undefined;
      }, 'mail.other.test. to be gone from the index');
    } finally {
      fs.writeFileSync(other, original);
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(other).toString(), type: 2 }] });
    }
  });

  test('a quick-fix through codeAction', async () => {
    const long = 'x'.repeat(300);
    await client.notify('textDocument/didChange', {
      textDocument: { uri, version: 6 },
      contentChanges: [{ range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } }, text: `t IN TXT "${long}"\n` }],
    });
    const published = await client.waitForDiagnostics(uri, 6, (p) => codes(p.diagnostics).includes('zone-txt-string-too-long'));
    const d = published.diagnostics.filter((x) => x.code === 'zone-txt-string-too-long');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d[0].range,
      context: { diagnostics: d },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'quickfix');
    assert.equal(actions[0].edit!.changes![uri][0].newText, `"${'x'.repeat(255)}" "${'x'.repeat(45)}"`);
  });

  test('a settings change re-validates: a rule turned off disappears', async () => {
    const asked = client.configurationRequests;
    const from = client.diagnostics.length;
    client.settings = { rules: { 'zone-cname-and-other-data': 'off' } };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const published = await client.waitFor(
      () => client.diagnostics.slice(from).find((p) => p.uri === uri && p.version === 6),
      'diagnostics after the settings change',
    );
    assert.ok(client.configurationRequests > asked, 'the server asked workspace/configuration');
    assert.equal(hasCname(published), false);
    assert.ok(codes(published.diagnostics).includes('zone-txt-string-too-long'));
  });

  test('zonelint/status is sent again only when the origin changes', async () => {
    assert.equal(client.status.filter((s) => s.uri === uri).length, 1, 'edits that keep the origin send nothing');
    await client.notify('textDocument/didChange', {
      textDocument: { uri, version: 7 },
      contentChanges: [{ range: { start: { line: 0, character: 8 }, end: { line: 0, character: 19 } }, text: 'example.net' }],
    });
    const changed = await client.waitFor(() => client.status.filter((s) => s.uri === uri)[1], 'a second status');
    assert.deepEqual(changed, { uri, origin: 'example.net.', dnsMode: 'offline' });
  });

  test('didClose clears the document’s diagnostics', async () => {
    const from = client.diagnostics.length;
    await client.notify('textDocument/didClose', { textDocument: { uri } });
    await client.waitFor(() => client.diagnostics.slice(from).find((p) => p.uri === uri && p.diagnostics.length === 0), 'cleared diagnostics');
  });
});

describe('pull diagnostics, Japanese locale and initializationOptions over --node-ipc', () => {
  let client: TestClient;
  const uri = 'untitled:Untitled-1';
  before(async () => {
    client = await TestClient.start({
      transport: 'ipc',
      pull: true,
      locale: 'ja',
      initializationOptions: { trusted: false, settings: { dns: { mode: 'live' }, rules: { 'zone-missing-ns': 'off' } } },
    });
    await client.open(uri, ZONE.replace('     IN NS  ns1\n', ''));
  });
  after(() => client.stop());

  test('the server offers pull diagnostics and answers them in Japanese', async () => {
    assert.ok(client.initializeResult.capabilities.diagnosticProvider);
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    const d = (report as { items: Diagnostic[] }).items.find((x) => x.code === 'zone-cname-and-other-data');
    assert.ok(d);
    assert.match(String(d.message), /[\u3040-\u30ff\u4e00-\u9fff]/);
    assert.equal(codes((report as { items: Diagnostic[] }).items).includes('zone-missing-ns'), false, "initializationOptions' rules apply");
    assert.equal(client.diagnostics.length, 0, 'nothing pushed to a pull client');
  });

  test('when the DNS-dependent checks finish, the client is asked to pull again', async () => {
    await client.waitFor(() => (client.refreshRequests > 0 ? true : undefined), 'workspace/diagnostic/refresh');
  });

  test('an untrusted workspace stays offline whatever the settings say', async () => {
    const status = await client.waitFor(() => client.status.find((s) => s.uri === uri), 'zonelint/status');
    assert.equal(status.dnsMode, 'offline');
  });

  test('hover in Japanese', async () => {
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 6 } });
    assert.match((h.contents as MarkupContent).value, /1時間/);
  });
});
