import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import { codeHref } from '../../../server/src/diagnostics/registry';
import { toDiagnostic } from '../../../server/src/features/diagnostics';
import { defaultSettings, normalizeSettings } from '../../../server/src/settings';
import { open } from './fixture';

const HEAD = '$ORIGIN example.com.\n$TTL 3600\n@ IN SOA ns1 h 1 7200 3600 1209600 300\n  IN NS ns1\nns1 IN A 192.0.2.1\n';

test('a diagnostic carries source, code, link, severity and the exact range', () => {
  const o = open(HEAD + 'www IN CNAME ns1\nwww IN A 192.0.2.2\n');
  const d = o.service.validateSync(o.document).filter((x) => x.code === 'zone-cname-and-other-data');
  assert.equal(d.length, 1);
  assert.equal(d[0].source, 'zonelint');
  assert.deepEqual(d[0].codeDescription, { href: codeHref('zone-cname-and-other-data') });
  assert.equal(d[0].severity, DiagnosticSeverity.Error);
  assert.deepEqual(d[0].range, { start: { line: 6, character: 0 }, end: { line: 6, character: 3 } });
  assert.match(String(d[0].message), /CNAME/);
});

test('the rules setting changes a severity or drops the diagnostic', () => {
  const text = HEAD + 'www IN CNAME ns1\nwww IN A 192.0.2.2\n';
  const hint = open(text, { settings: () => normalizeSettings({ rules: { 'zone-cname-and-other-data': 'hint' } }) });
  const found = hint.service.validateSync(hint.document).find((x) => x.code === 'zone-cname-and-other-data');
  assert.equal(found?.severity, DiagnosticSeverity.Hint);
  const off = open(text, { settings: () => normalizeSettings({ rules: { 'zone-cname-and-other-data': 'off' } }) });
  assert.equal(off.service.validateSync(off.document).some((x) => x.code === 'zone-cname-and-other-data'), false);
});

test('messages follow the locale', () => {
  const o = open(HEAD + 'www IN CNAME ns1\nwww IN A 192.0.2.2\n', { locale: 'ja' });
  const d = o.service.validateSync(o.document).find((x) => x.code === 'zone-cname-and-other-data');
  assert.match(String(d!.message), /[\u3040-\u30ff\u4e00-\u9fff]/);
});

test('a problem inside an $INCLUDEd file is shown on the $INCLUDE line, with its real place related', () => {
  const files: Record<string, string> = { '/work/zones/hosts.inc': 'ok IN A 192.0.2.3\nbad IN A 999.0.0.1\n' };
  const o = open(HEAD + '$INCLUDE hosts.inc\n', { readFile: (p) => files[p] });
  const d = o.service.validateSync(o.document).find((x) => x.code === 'zone-bad-rdata');
  assert.ok(d, 'the included file’s problem is reported');
  assert.equal(o.document.getText(d.range), '$INCLUDE hosts.inc');
  assert.match(String(d.message), /^In hosts\.inc: /);
  assert.equal(d.relatedInformation?.[0].location.uri, 'file:///work/zones/hosts.inc');
  assert.deepEqual(d.relatedInformation?.[0].location.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 18 } });
});

test('tags and data come from the code definition and the problem', () => {
  const o = open(HEAD + '@ IN TXT "v=spf1 ptr -all"\n');
  const parsed = o.service.parse(o.document);
  const offset = o.document.getText().indexOf('ptr -all');
  const d = toDiagnostic(
    { code: 'spf-ptr-deprecated', offset, length: 3, data: { term: 'ptr' } },
    { document: o.document, documentPath: parsed.path, zone: parsed.zone, settings: defaultSettings, locale: 'en', readFile: () => undefined },
  );
  assert.ok(d);
  assert.deepEqual(d.tags, [DiagnosticTag.Deprecated]);
  assert.deepEqual(d.data, { term: 'ptr' });
  assert.equal(o.document.getText(d.range), 'ptr');
});

test('validate() includes the sync diagnostics and honours an aborted signal', async () => {
  const o = open(HEAD + 'www IN CNAME ns1\nwww IN A 192.0.2.2\n');
  const all = await o.service.validate(o.document);
  assert.ok(all.some((x) => x.code === 'zone-cname-and-other-data'));
  const abort = new AbortController();
  abort.abort();
  await assert.rejects(o.service.validate(o.document, abort.signal));
});

test('the document is parsed once per version', () => {
  const o = open(HEAD);
  const first = o.service.parse(o.document);
  assert.equal(o.service.parse(o.document), first);
  o.service.invalidate();
  assert.notEqual(o.service.parse(o.document), first);
});
