import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FoldingRangeKind } from 'vscode-languageserver';
import { open, ZONE } from './fixture';

test('symbols: one per owner run, its records as children', () => {
  const o = open(ZONE);
  const symbols = o.service.getDocumentSymbols(o.document);
  assert.deepEqual(
    symbols.map((s) => [s.name, s.children?.map((c) => c.name)]),
    [['@', ['SOA', 'NS', 'MX']], ['ns1', ['A']], ['mail', ['A']], ['www', ['CNAME']]],
  );
  assert.equal(symbols[3].detail, 'www.example.com.');
  assert.equal(symbols[3].children?.[0].detail, 'mail.example.com.');
  assert.equal(o.document.getText(symbols[0].selectionRange), '@');
  assert.deepEqual(symbols[0].range.start, { line: 2, character: 0 });
  assert.deepEqual(symbols[0].range.end.line, 4);
});

test('folding: multi-line records, $ORIGIN blocks and comment runs', () => {
  const text = [
    '; the example zone', // 0
    '; kept by hand', // 1
    '$ORIGIN example.com.', // 2
    '@ IN SOA ns1 hostmaster (', // 3
    '     1 7200 3600', // 4
    '     1209600 300 )', // 5
    '  IN NS ns1', // 6
    '$ORIGIN sub.example.com.', // 7
    'a IN A 192.0.2.1', // 8
    'b IN A 192.0.2.2', // 9
    '', // 10
  ].join('\n');
  const o = open(text);
  assert.deepEqual(o.service.getFoldingRanges(o.document), [
    { startLine: 0, endLine: 1, kind: FoldingRangeKind.Comment },
    { startLine: 2, endLine: 6, kind: FoldingRangeKind.Region },
    { startLine: 3, endLine: 5 },
    { startLine: 7, endLine: 9, kind: FoldingRangeKind.Region },
  ]);
});
