/**
 * What an editor asks after every change or cursor move must not put the document's whole
 * text together: a large document is kept in chunks (document.ts), and its first getText()
 * of each version costs a tenth of a second and the text's size at a million records.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChunkedDocument } from '../../../server/src/document';
import { getLanguageService } from '../../../server/src/languageService';
import { defaultSettings } from '../../../server/src/settings';

const ZONE = [
  '$ORIGIN example.com.',
  '$TTL 3600',
  '@ IN SOA ns1 hostmaster ( 1 7200 3600 1209600 300 )',
  '  IN NS ns1',
  '  IN MX 10 mail',
  '  IN TXT "v=spf1 mx include:_spf.google.com ~all"',
  '; a comment',
  '; another',
  'ns1 IN A 192.0.2.1',
  'mail 7200 IN A 192.0.2.2',
  'www IN CNAME mail',
  '',
].join('\n');

test('inlay hints, completion, code actions, hover, outline, folding and code lenses after an edit read no whole text', () => {
  const service = getLanguageService({ locale: 'en', settings: () => defaultSettings, folders: () => [], trusted: true, readFile: () => undefined });
  const document = ChunkedDocument.create('file:///zones/example.com.zone', 'dns-zone', 1, ZONE);
  service.parse(document);
  document.update([{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 3 } }, text: 'web' }], 2);
  let whole = 0;
  const getText = document.getText.bind(document);
  document.getText = (range) => {
    if (range === undefined) whole++;
    return getText(range);
  };
  const all = { start: { line: 0, character: 0 }, end: { line: 12, character: 0 } };
  const hints = service.getInlayHints(document, all);
  assert.ok(hints.some((h) => h.label === '2 hours'), JSON.stringify(hints));
  const spf = service.getCompletions(document, { line: 5, character: 17 });
  assert.ok(spf.items.some((i) => i.label === 'include:'), 'SPF completions');
  assert.ok(service.getCompletions(document, { line: 10, character: 12 }).items.length > 0, 'completion of a record type');
  service.getCodeActions(document, { diagnostics: [] }, { start: { line: 9, character: 1 }, end: { line: 9, character: 1 } });
  assert.ok(service.doHover(document, { line: 5, character: 20 }));
  assert.ok(service.getDocumentSymbols(document).length > 0);
  assert.ok(service.getFoldingRanges(document).length > 0);
  assert.equal(service.getCodeLenses(document).length, 1);
  assert.equal(whole, 0, 'getText() without a range');
  assert.equal(document.getText().split('\n')[10], 'web IN CNAME mail');
});
