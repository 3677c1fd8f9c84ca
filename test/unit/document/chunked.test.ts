/**
 * The chunked document behaves as vscode-languageserver-textdocument's TextDocument
 * (the reference) under random incremental edits: text, positions, offsets, line ranges
 * and line breaks; and takeChange names a range outside which nothing changed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ChunkedDocument } from '../../../server/src/document';
import { Rng } from '../../helpers/zonegen';

const PIECES = ['a', 'bc', ' ', '\t', '\n', '\r\n', 'host A 192.0.2.1\n', '"x y"', '(\n', ')', 'é', '日本'];

function randomText(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += rng.pick(PIECES);
  return s;
}

describe('ChunkedDocument equals TextDocument', () => {
  for (let seed = 1; seed <= 150; seed++) {
    it(`seed ${seed}`, () => {
      const rng = new Rng(seed);
      const initial = randomText(rng, rng.int(0, 60));
      let ref = TextDocument.create('file:///z', 'dns-zone', 1, initial);
      const doc = ChunkedDocument.create('file:///z', 'dns-zone', 1, initial);
      const small = new ChunkedDocument('file:///z', 'dns-zone', 1, initial, rng.int(1, 8));
      for (let step = 0; step < 30; step++) {
        const lines = ref.lineCount;
        const p = () => ({ line: rng.int(-1, lines + 1), character: rng.int(-1, 12) });
        // Edits name positions inside the document (the reference mishandles others).
        const valid = () => ({ line: rng.int(0, lines - 1), character: rng.int(0, 12) });
        let [a, b] = [valid(), valid()];
        if (ref.offsetAt(a) > ref.offsetAt(b)) [a, b] = [b, a];
        const change = rng.chance(0.05) ? { text: randomText(rng, rng.int(0, 20)) } : { range: { start: a, end: b }, text: randomText(rng, rng.int(0, 4)) };
        const before = ref.getText();
        ref = TextDocument.update(ref, [change], ref.version + 1);
        ChunkedDocument.update(doc, [change], ref.version);
        ChunkedDocument.update(small, [change], ref.version);
        const text = ref.getText();
        const fresh = TextDocument.create('file:///z', 'dns-zone', ref.version, text);
        assert.equal(fresh.lineCount, ref.lineCount, `reference lineCount ${JSON.stringify(text)} after ${JSON.stringify(change)} of ${JSON.stringify(before)}`);
        for (const d of [doc, small]) {
          assert.equal(d.getText(), text);
          assert.equal(d.length, text.length);
          assert.equal(d.lineCount, ref.lineCount);
          assert.equal(d.version, ref.version);
          for (let k = 0; k < 10; k++) {
            const o = rng.int(-2, text.length + 2);
            assert.deepEqual(d.positionAt(o), ref.positionAt(o), `positionAt ${o} of ${JSON.stringify(text)}`);
            const q = p();
            assert.equal(d.offsetAt(q), ref.offsetAt(q), `offsetAt ${JSON.stringify(q)} of ${JSON.stringify(text)}`);
            const l = rng.int(-1, lines + 1);
            assert.deepEqual(d.getLineRange(l), ref.getLineRange(l));
            assert.equal(d.getEOLCharacters(l), ref.getEOLCharacters(l));
            const x = rng.int(0, text.length);
            const y = rng.int(x, text.length);
            assert.equal(d.slice(x, y), text.slice(x, y));
          }
        }
        // Small documents are rebuilt whole sometimes: only `small` keeps its change record honest here.
        const c = small.takeChange();
        assert.ok(c.start <= c.oldEnd && c.start <= c.newEnd);
        assert.equal(before.slice(0, c.start) + text.slice(c.start, c.newEnd) + before.slice(c.oldEnd), text);
        assert.equal(before.length - c.oldEnd, text.length - c.newEnd);
      }
    });
  }

  it('keeps the change record over several edits until taken', () => {
    const doc = ChunkedDocument.create('file:///z', 'dns-zone', 1, 'aaaa\nbbbb\ncccc\n');
    doc.update([{ range: { start: { line: 1, character: 1 }, end: { line: 1, character: 1 } }, text: 'X' }], 2);
    doc.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: '' }], 3);
    assert.deepEqual(doc.takeChange(), { start: 0, oldEnd: 6, newEnd: 6 });
    assert.deepEqual(doc.takeChange(), { start: 15, oldEnd: 15, newEnd: 15 });
  });
});
