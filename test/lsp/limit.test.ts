/**
 * The diagnostics.maxPerFile setting over --stdio: a zone with more problems than the
 * limit publishes that many (the last one a note with the count left out), those near
 * the last edit first, then errors before warnings; 0 publishes all. And ranges stay
 * right when an edit moves lines without moving offsets (a line break typed over one
 * character, several changes in one event).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient } from './client';

/** 300 owners, each with an SPF record that has no `all` ending (a warning each). */
function bigZone(): string {
  const lines = ['$ORIGIN example.com.', '$TTL 3600', '@ SOA ns1 hostmaster 2026112401 7200 3600 1209600 300', '@ NS ns1', 'ns1 A 192.0.2.1'];
  for (let i = 0; i < 300; i++) lines.push(`h${i} A 192.0.2.${(i % 250) + 1}`, `\tTXT "v=spf1 a"`);
  return lines.join('\n') + '\n';
}

const key = (d: Diagnostic): string => JSON.stringify([d.code, d.range, d.message, d.severity, d.data ?? null]);

describe('diagnostics.maxPerFile', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({
      initializationOptions: { dns: { mode: 'offline' }, diagnostics: { maxPerFile: 50 } },
    });
  });
  after(() => client.stop());

  test('publishes at most the limit, the edited lines first, and says how many are left out', async () => {
    const text = bigZone();
    const uri = 'file:///limit/example.com.zone';
    await client.open(uri, text, 1);
    const opened = await client.waitForDiagnostics(uri, 1);
    assert.equal(opened.diagnostics.length, 50);
    const note = opened.diagnostics[49];
    assert.equal(note.code, undefined);
    assert.equal(note.severity, 3 /* Information */);
    const all = await openUnlimited(text);
    assert.ok(all.length > 300, `${all.length} diagnostics without a limit`);
    assert.match(String(note.message), new RegExp(`^${all.length - 49} more problems are not shown`));
    // Without an edit: errors before warnings, then document order. The zone has no errors.
    const firstLines = opened.diagnostics.slice(0, 49).map((d) => d.range.start.line);
    assert.deepEqual(firstLines, [...firstLines].sort((a, b) => a - b));
    assert.ok(firstLines[48] < 200, 'the first warnings in the document');

    // An error typed near the end: among the published ones, with the warnings around it.
    const doc = TextDocument.create(uri, 'dns-zone', 1, text);
    const line = doc.lineCount - 10;
    const from = client.diagnostics.length;
    await client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'bad A 192.0.2.300\n' }],
    });
    const edited = await client.waitForDiagnostics(uri, 2, () => true, from);
    assert.equal(edited.diagnostics.length, 50);
    const bad = edited.diagnostics.find((d) => d.range.start.line === line && d.severity === 1);
    assert.ok(bad, 'the error just typed is published');
    assert.ok(edited.diagnostics.slice(0, 49).every((d) => d.range.start.line > 200), 'the problems near the edit');
  });

  /** The same text in a client with no limit. */
  async function openUnlimited(text: string): Promise<Diagnostic[]> {
    const other = await TestClient.start({ initializationOptions: { dns: { mode: 'offline' }, diagnostics: { maxPerFile: 0 } } });
    try {
      const uri = 'file:///limit/unlimited/example.com.zone';
      await other.open(uri, text, 1);
      return (await other.waitForDiagnostics(uri, 1)).diagnostics;
    } finally {
      await other.stop();
    }
  }
});

describe('ranges after edits that move lines but not offsets', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ initializationOptions: { dns: { mode: 'offline' }, diagnostics: { maxPerFile: 0 } } });
  });
  after(() => client.stop());

  test('a line break typed over one character, and two changes in one event', async () => {
    let text = bigZone();
    const uri = 'file:///layout/example.com.zone';
    let doc = TextDocument.create(uri, 'dns-zone', 1, text);
    await client.open(uri, text, 1);
    await client.waitForDiagnostics(uri, 1);
    const edits = [
      // The space after "h3" becomes a line break: same length, one more line below.
      [{ range: lineRange(doc, 'h3 A', 2, 3), text: '\n' }],
      // Join two lines and split another in one event: lengths cancel out.
      [
        { range: lineRange(doc, 'h100 A', -1, 0), text: '' },
        { range: lineRange(doc, 'h200 A', 0, 0), text: '\n' },
      ],
    ];
    for (const [i, changes] of edits.entries()) {
      const version = i + 2;
      doc = TextDocument.update(doc, changes, version);
      text = doc.getText();
      const from = client.diagnostics.length;
      await client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
      const got = await client.waitForDiagnostics(uri, version, () => true, from);
      const fresh = `file:///layout/fresh${i}/example.com.zone`;
      await client.open(fresh, text, 1);
      const expected = await client.waitForDiagnostics(fresh, 1);
      assert.deepEqual(got.diagnostics.map(key).sort(), expected.diagnostics.map(key).sort(), `edit ${i}`);
    }
  });

  function lineRange(doc: TextDocument, lineStart: string, from: number, to: number) {
    const at = doc.getText().indexOf(lineStart);
    return { start: doc.positionAt(at + from), end: doc.positionAt(at + to) };
  }
});
