/**
 * Issue 9 over --stdio: a zone edited with incremental didChange events (the server keeps
 * it in chunks and parses again only where it changed) gets the same diagnostics, after
 * every edit, as the same text opened fresh; and features still see the moved records.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic, DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Rng } from '../helpers/zonegen';
import { asChange, edit, generate } from '../unit/incremental/gen';
import { STATS_REQUEST, type ServerStats } from '../../client/src/protocol';
import { TestClient } from './client';

const key = (d: Diagnostic): string => JSON.stringify([d.code, d.range, d.message, d.severity, d.data ?? null]);
const sorted = (ds: readonly Diagnostic[]): string[] => ds.map(key).sort();

describe('incremental edits over the wire', () => {
  let client: TestClient;
  before(async () => {
    // No limit: with one, the diagnostics near the last edit come first, unlike a fresh open.
    client = await TestClient.start({ initializationOptions: { dns: { mode: 'offline' }, diagnostics: { maxPerFile: 0 } } });
  });
  after(() => client.stop());

  test('after each of 40 random edits, the diagnostics equal a fresh open of the text', async () => {
    const rng = new Rng(20261124);
    // A zone of a few thousand lines: edits land in several of the server's pieces.
    let text = generate(9, 1500);
    const uri = 'file:///incremental/example.com.zone';
    let doc = TextDocument.create(uri, 'dns-zone', 1, text);
    await client.open(uri, text, 1);
    await client.waitForDiagnostics(uri, 1);
    for (let i = 0; i < 40; i++) {
      const before = text;
      text = edit(rng, text);
      const change = asChange(doc, before, text);
      const version = i + 2;
      doc = TextDocument.update(doc, [change], version);
      assert.equal(doc.getText(), text);
      const from = client.diagnostics.length;
      await client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      const got = await client.waitForDiagnostics(uri, version, () => true, from);
      const freshUri = `file:///incremental/fresh${i}/example.com.zone`;
      await client.open(freshUri, text, 1);
      const expected = await client.waitForDiagnostics(freshUri, 1);
      assert.deepEqual(sorted(got.diagnostics), sorted(expected.diagnostics), `edit ${i}: ${JSON.stringify(change).slice(0, 200)}`);
      await client.notify('textDocument/didClose', { textDocument: { uri: freshUri } });
    }
    // Features read the moved records: the outline's last symbol is where the text says.
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const fresh = 'file:///incremental/final/example.com.zone';
    await client.open(fresh, text, 1);
    const expectedSymbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: fresh } });
    assert.deepEqual(symbols, expectedSymbols);
    const lastLine = doc.lineCount - 2;
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: lastLine, character: 1 } });
    const expectedHover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: fresh }, position: { line: lastLine, character: 1 } });
    assert.deepEqual(hover, expectedHover);
  });
});

describe('the DNS-dependent checks after an edit', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ initializationOptions: { dns: { mode: 'offline' }, diagnostics: { maxPerFile: 0 } } });
  });
  after(() => client.stop());

  test('keep the SPF trees no change reached, and publish what a fresh open does', async () => {
    const stats = (): Promise<ServerStats> => client.request<ServerStats>(STATS_REQUEST, {});
    const hosts = Array.from({ length: 300 }, (_, i) => `h${i}\tA 192.0.2.${1 + (i % 250)}\nh${i}\tTXT "v=spf1 a:h${i}.example.com include:_spf.example.com -all"\n`);
    const text = `$ORIGIN example.com.\n@\tSOA ns1 hostmaster 1 2 3 4 5\n\tNS ns1\nns1\tA 192.0.2.53\n_spf\tTXT "v=spf1 ip4:192.0.2.0/24 -all"\nbad\tTXT "v=spf1 include:nothing.example.com -all"\n${hosts.join('')}`;
    // The complete set has the lookup checks' findings: the include with no record there.
    const complete = (p: { diagnostics: Diagnostic[] }): boolean => p.diagnostics.some((d) => d.code === 'spf-include-no-record');
    const uri = 'file:///kept/example.com.zone';
    await client.open(uri, text, 1);
    await client.waitForDiagnostics(uri, 1, complete);
    const opened = await stats();
    assert.equal(opened.spfTreesBuilt, 302);

    // Another address for one host: the lookups of its record only (and those parsed again with it).
    const edited = text.replace('h150\tA 192.0.2.151', 'h150\tA 192.0.2.9');
    const doc = TextDocument.create(uri, 'dns-zone', 1, text);
    const change = asChange(doc, text, edited);
    const from = client.diagnostics.length;
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [change] });
    const got = await client.waitForDiagnostics(uri, 2, complete, from);
    const after = await stats();
    assert.ok(after.spfTreesKept >= 250 && after.spfTreesBuilt < 50, `kept ${after.spfTreesKept}, built ${after.spfTreesBuilt}`);

    const freshUri = 'file:///kept/fresh/example.com.zone';
    await client.open(freshUri, edited, 1);
    const expected = await client.waitForDiagnostics(freshUri, 1, complete);
    assert.deepEqual(sorted(got.diagnostics), sorted(expected.diagnostics));
  });
});

describe('keystrokes rehearsed in a large zone just opened', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ initializationOptions: { dns: { mode: 'offline' }, diagnostics: { maxPerFile: 0 } } });
  });
  after(() => client.stop());

  test('the server rehearses once the complete set is in, publishes nothing for them, and edits after check as a fresh open', async () => {
    const stats = (): Promise<ServerStats> => client.request<ServerStats>(STATS_REQUEST, {});
    let text = generate(12, 11_000);
    assert.ok(text.split('\n').length >= 10_000, 'large enough to be rehearsed');
    const uri = 'file:///rehearsed/example.com.zone';
    let doc = TextDocument.create(uri, 'dns-zone', 1, text);
    await client.open(uri, text, 1);
    const done = await client.poll(
      async () => {
        const s = await stats();
        return s.published >= 1 && s.rehearsed > 0 && !s.rehearsing ? s : undefined;
      },
      'the complete set and the rehearsal',
      60_000,
    );
    assert.ok(done.rehearsed <= 16, `at most 16 rehearsed, got ${done.rehearsed}`);
    const published = client.diagnostics.filter((p) => p.uri === uri);
    assert.deepEqual(
      published.map((p) => p.version),
      [1, 1],
      'the sync set and the complete set of version 1, nothing for the rehearsals',
    );
    // The complete set, asked again after the rehearsals (an open of the same text), is unchanged.
    const fresh = 'file:///rehearsed/fresh/example.com.zone';
    await client.open(fresh, text, 1);
    const expected = await client.waitForDiagnostics(fresh, 1);
    assert.deepEqual(sorted(published[0].diagnostics), sorted(expected.diagnostics));
    await client.notify('textDocument/didClose', { textDocument: { uri: fresh } });

    const rng = new Rng(20261205);
    for (let i = 0; i < 5; i++) {
      const at = doc.offsetAt({ line: rng.int(0, doc.lineCount - 1), character: 0 });
      const typed = rng.pick(['x', '\t', '; ', '*.']);
      const change = { range: { start: doc.positionAt(at), end: doc.positionAt(at) }, text: typed };
      const version = i + 2;
      doc = TextDocument.update(doc, [change], version);
      text = doc.getText();
      const from = client.diagnostics.length;
      await client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      const got = await client.waitForDiagnostics(uri, version, () => true, from);
      const freshUri = `file:///rehearsed/fresh${i}/example.com.zone`;
      await client.open(freshUri, text, 1);
      const want = await client.waitForDiagnostics(freshUri, 1);
      assert.deepEqual(sorted(got.diagnostics), sorted(want.diagnostics), `edit ${i}: ${JSON.stringify(change)}`);
      await client.notify('textDocument/didClose', { textDocument: { uri: freshUri } });
    }
  });
});
