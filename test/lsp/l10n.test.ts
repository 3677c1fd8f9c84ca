/**
 * A server started with locale `ja` (InitializeParams.locale) answers diagnostics and
 * hovers in Japanese (hovers through the server's asynchronous path, which follows
 * includes through the resolver: zone data and the provider snapshot, offline).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Hover, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { formatMessage } from '../../server/src/diagnostics/registry';
import { TestClient } from './client';

const ZONE = [
  '$ORIGIN example.com.',
  '$TTL 3600',
  '@    IN SOA ns1 hostmaster 2024010101 7200 3600 1209600 300',
  '     IN NS  ns1',
  '     IN TXT "v=spf1 ptr include:_spf.google.com ~all"',
  '_dmarc IN TXT "v=DMARC1; p=quarantine"',
  'ns1  IN A   192.0.2.1',
  '',
].join('\n');
const SPF_LINE = 4;
const col = (needle: string, line = SPF_LINE): number => ZONE.split('\n')[line].indexOf(needle);
const JAPANESE = /[\u3040-\u30ff]/;

describe('a server started with locale ja', () => {
  let client: TestClient;
  const uri = 'file:///tmp/zonelint-l10n/example.com.zone';
  before(async () => {
    client = await TestClient.start({ locale: 'ja' });
    await client.open(uri, ZONE);
  });
  after(() => client.stop());

  const hover = async (line: number, character: number): Promise<MarkupContent> => {
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    assert.ok(h, 'a hover');
    return h.contents as MarkupContent;
  };

  test('publishes its diagnostics in Japanese', async () => {
    const published: PublishDiagnosticsParams = await client.waitForDiagnostics(uri, 1, (p) =>
      p.diagnostics.some((d) => d.code === 'spf-ptr-deprecated'),
    );
    const d = published.diagnostics.find((x) => x.code === 'spf-ptr-deprecated')!;
    assert.equal(d.range.start.line, SPF_LINE);
    assert.equal(d.range.start.character, col('ptr'));
    assert.equal(d.message, formatMessage({ code: 'spf-ptr-deprecated', offset: 0, length: 0 }, 'ja'));
    assert.match(d.message, JAPANESE);
  });

  test('hover on ~all explains softfail in Japanese, with a link to the RFC section', async () => {
    const h = await hover(SPF_LINE, col('~all') + 2);
    assert.equal(h.kind, 'markdown');
    assert.match(h.value, /softfail（おそらく不許可）/);
    assert.match(h.value, /迷惑メールフォルダ/);
    assert.match(h.value, /\[RFC 7208 §5\.1\]\(https:\/\/www\.rfc-editor\.org\/rfc\/rfc7208#section-5\.1\)/);
  });

  test('hover on include: names the provider and the cost in Japanese', async () => {
    const h = await hover(SPF_LINE, col('include:') + 3);
    assert.match(h.value, /提供元: \*\*Google Workspace\*\*/);
    assert.match(h.value, /10 回の上限のうち \*\*4 回\*\*/);
  });

  test('hover on v=spf1 summarises the record in Japanese', async () => {
    const h = await hover(SPF_LINE, col('v=spf1') + 1);
    assert.match(h.value, /^\*\*v=spf1\*\* — `example\.com` の SPF レコード/);
    assert.match(h.value, /DNS の問い合わせ回数: \*\*10 回中 5 回\*\*/);
    assert.match(h.value, /このレコードに載っていないサーバーからのメール: \*\*softfail（おそらく不許可）\*\*/);
    assert.match(h.value, /このレコードの問題:/);
    assert.match(h.value, /spf-ptr-deprecated/);
  });

  test('hover on a DMARC value in Japanese', async () => {
    const h = await hover(5, ZONE.split('\n')[5].indexOf('quarantine') + 2);
    assert.match(h.value, /迷惑メールフォルダ/);
  });

  /** Opens ZONE with `extra` lines after it; the diagnostics of `code` once published, and their line. */
  const openWith = async (uri: string, extra: string, code: string) => {
    const from = client.diagnostics.length;
    await client.open(uri, ZONE + extra);
    const published = await client.waitForDiagnostics(uri, 1, (p) => p.diagnostics.some((d) => d.code === code), from);
    return { found: published.diagnostics.filter((x) => x.code === code), line: ZONE.split('\n').length - 1, from };
  };

  test('a Shift_JIS file opened as UTF-8 (U+FFFD in a comment) is flagged in Japanese; fixing the line clears it', async () => {
    const sjis = 'file:///tmp/zonelint-l10n/sjis.example.zone';
    // What an editor shows for "; 日本語のコメント" written in Shift_JIS and read as UTF-8.
    const { found, line, from } = await openWith(sjis, '; \uFFFD\uFFFD{\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\n', 'zone-not-utf8');
    const d = found[0];
    assert.deepEqual(d.range, { start: { line, character: 2 }, end: { line, character: 15 } });
    assert.match(String(d.message), /^この行には UTF-8 ではないバイトがあります/);
    assert.equal(d.severity, 2);
    await client.notify('textDocument/didChange', {
      textDocument: { uri: sjis, version: 2 },
      contentChanges: [{ range: { start: { line, character: 2 }, end: { line, character: 15 } }, text: '日本語のコメント' }],
    });
    const fixed = await client.waitForDiagnostics(sjis, 2, () => true, from);
    assert.equal(fixed.diagnostics.some((x) => x.code === 'zone-not-utf8'), false);
  });
  test('a name written in Unicode: the warning and its quick-fix title in Japanese, the fix writes the IDNA form', async () => {
    const idn = 'file:///tmp/zonelint-l10n/idn.example.zone';
    const { found: d, line } = await openWith(idn, 'ショップ IN A 192.0.2.7\n', 'zone-unicode-name');
    assert.deepEqual(d[0].range, { start: { line, character: 0 }, end: { line, character: 4 } });
    assert.match(String(d[0].message), /^'ショップ' は Unicode で書かれていますが/);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: idn }, range: d[0].range, context: { diagnostics: d } });
    const fix = actions.find((a) => a.title === "IDNA 形式の 'xn--xckya1d0c' に書き換える");
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.edit!.changes![idn], [{ range: d[0].range, newText: 'xn--xckya1d0c' }]);
  });

});
