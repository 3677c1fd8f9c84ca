import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FoldingRangeKind } from 'vscode-languageserver';
import { open, ZONE } from './fixture';
import { generate } from '../incremental/gen';
import { defaultSettings } from '../../../server/src/settings';

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

test('symbols: at most outline.maxItems (owners and records count), then one that says how many records are left out', () => {
  const lines = ['$ORIGIN example.com.', '@ IN SOA ns1 hostmaster 1 2 3 4 5', '  IN NS ns1'];
  for (let i = 0; i < 3000; i++) lines.push(`h${i} IN A 192.0.2.1`, `   IN TXT "host ${i}"`);
  const text = lines.join('\n') + '\n';
  const limited = (max: number, locale: 'en' | 'ja' = 'en') =>
    open(text, { locale, settings: () => ({ ...defaultSettings, outline: { maxItems: max } }) });
  const o = limited(10);
  const symbols = o.service.getDocumentSymbols(o.document);
  // @ (1 + 2 records), h0 (1 + 2), h1 (1 + 2): 9 items; h2 with its first record would make 11.
  assert.deepEqual(symbols.slice(0, -1).map((s) => [s.name, s.children?.length]), [['@', 2], ['h0', 2], ['h1', 2]]);
  const more = symbols[symbols.length - 1];
  assert.equal(more.name, '… 5,996 more records not shown (zonelint.outline.maxItems is 10)');
  assert.equal(o.document.getText(more.selectionRange), 'h2');
  assert.equal(more.range.end.line, lines.length - 1);
  const ja = limited(10, 'ja');
  assert.match(ja.service.getDocumentSymbols(ja.document).at(-1)!.name, /ほかに 5,996 件のレコードを表示していません/);
  // The default (5000) keeps a large zone's outline small; 0 lists every owner.
  const byDefault = open(text).service.getDocumentSymbols(open(text).document);
  assert.equal(byDefault.reduce((n, s) => n + 1 + (s.children?.length ?? 0), 0), 5000 + 1);
  const all = limited(0);
  const every = all.service.getDocumentSymbols(all.document);
  assert.equal(every.length, 3001);
  assert.ok(every.every((s) => !s.name.startsWith('…')));
});

test('folding: records across lines found with a line cursor, as line searches find them, in generated zones', () => {
  let multiLine = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const text = generate(seed, 40);
    const o = open(text);
    const zone = o.service.parse(o.document).zone;
    const line = (offset: number) => o.document.positionAt(offset).line;
    const expected = zone.records
      .filter((r) => r.file === undefined && !r.generated)
      .map((r) => ({ startLine: line(r.span.offset), endLine: line(r.span.offset + r.span.length) }))
      .filter((f) => f.endLine > f.startLine);
    multiLine += expected.length;
    const got = o.service.getFoldingRanges(o.document).filter((f) => f.kind === undefined);
    assert.deepEqual(got, expected.sort((a, b) => a.startLine - b.startLine), `seed ${seed}`);
  }
  assert.ok(multiLine > 20, `only ${multiLine} records across lines`);
});

test('folding: comment runs and the last $ORIGIN block read line by line, as the whole text reads them', () => {
  // The reference reads the whole text (what folding did before it read only the lines it needs).
  const reference = (text: string, line: (offset: number) => number, comments: readonly { offset: number; file?: string }[]) => {
    let i = text.length - 1;
    while (i >= 0 && /\s/.test(text[i])) i--;
    const last = i < 0 ? 0 : line(i);
    const commentLines = comments
      .filter((c) => c.file === undefined && text.slice(text.lastIndexOf('\n', c.offset - 1) + 1, c.offset).trim() === '')
      .map((c) => line(c.offset));
    return { last, commentLines };
  };
  const tails = ['', '\n', '\n\n  \t\n', '\r\n \r\n', '\n; trailing comment\n\n', ' ; after blanks'];
  for (let seed = 1; seed <= 30; seed++) {
    for (const tail of tails) {
      const text = '$ORIGIN example.com.\n; c1\n  ; c2\n@ 3600 IN SOA ns1 h 1 2 3 4 5 ; same line\n' + generate(seed, 30) + tail;
      const o = open(text);
      const zone = o.service.parse(o.document).zone;
      const line = (offset: number) => o.document.positionAt(offset).line;
      const ref = reference(text, line, zone.comments);
      const folds = o.service.getFoldingRanges(o.document);
      const regions = folds.filter((f) => f.kind === FoldingRangeKind.Region);
      const lastRegion = regions.reduce((a, b) => (b.startLine > a.startLine ? b : a), regions[0]);
      // A last $ORIGIN on the last line makes a block of one line, which does not fold: the
      // block before it ends on the line above.
      const lastOrigin = line(text.lastIndexOf('$ORIGIN'));
      const lastEnd = lastOrigin < ref.last ? ref.last : lastOrigin - 1;
      if (lastRegion) assert.equal(lastRegion.endLine, lastEnd, `seed ${seed} tail ${JSON.stringify(tail)}`);
      const commentLines = folds.filter((f) => f.kind === FoldingRangeKind.Comment).flatMap((f) => Array.from({ length: f.endLine - f.startLine + 1 }, (_, k) => f.startLine + k));
      for (const l of commentLines) assert.ok(ref.commentLines.includes(l), `seed ${seed}: line ${l} folded as a comment`);
      // Every run of two or more comment-only lines in the reference is folded.
      const runs = ref.commentLines.filter((l) => ref.commentLines.includes(l + 1) || ref.commentLines.includes(l - 1));
      for (const l of runs) assert.ok(commentLines.includes(l), `seed ${seed}: comment line ${l} not folded`);
    }
  }
});
