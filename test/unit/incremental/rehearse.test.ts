/**
 * A rehearsed keystroke (IncrementalZone.rehearse) types text into the zone and takes it
 * out again: while it is in, the zone is that of the text with it; afterwards, the zone of
 * the text as it was, whatever was typed and wherever (directives, parentheses, quotes,
 * new lines), and the problems it handed out before are as they were. And withInsertion
 * reads as the string with the text put in.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ChunkedDocument } from '../../../server/src/document';
import { withInsertion } from '../../../server/src/incremental/text';
import { IncrementalZone } from '../../../server/src/incremental/zone';
import { Rng } from '../../helpers/zonegen';
import { generate } from './gen';
import { expectSame, SAME_NOW, SAME_OPTIONS, seedRange } from './same';

const TYPED = ['x', '\n', '\r', '(', ')', '"', ';', '\\', ' ', '$ORIGIN other.example.\n', 'sub\tNS ns1\n', '@\tSOA ns1 h 2 1 1 1 1\n', '3'];

describe('withInsertion', () => {
  it('reads as the string with the text put in, for any slice', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ minLength: 1, maxLength: 5 }), fc.nat(), fc.nat(), fc.nat(), (text, typed, a, f, t) => {
        const at = a % (text.length + 1);
        const whole = text.slice(0, at) + typed + text.slice(at);
        const over = withInsertion(text, at, typed);
        assert.equal(over.length, whole.length);
        const from = f % (whole.length + 3);
        const to = t % (whole.length + 3);
        assert.equal(over.slice(from, to), whole.slice(from, to), `slice(${from}, ${to}) of ${JSON.stringify(whole)}`);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('IncrementalZone.rehearse', () => {
  for (const seed of seedRange(1 / 2)) {
    it(`seed ${seed}: 8 rehearsals anywhere leave the zone of the text`, () => {
      const rng = new Rng(seed * 104729);
      const text = generate(seed + 1000, rng.int(10, 60));
      const pieceLines = rng.int(1, 6);
      const inc = new IncrementalZone(SAME_OPTIONS, () => SAME_NOW, pieceLines);
      // Through an editor document, as the server rehearses.
      const doc = new ChunkedDocument('file:///zone', 'dns-zone', 1, text, rng.int(1, 64));
      inc.update(doc, doc.takeChange());
      for (let i = 0; i < 8; i++) {
        const at = rng.int(0, text.length);
        const typed = rng.pick(TYPED);
        const context = `seed ${seed}, rehearsal ${i}: ${JSON.stringify(typed)} at ${at}`;
        let ran = false;
        // The problems handed out before (their data is in diagnostics sent) are as they were.
        const handedOut = inc.allProblems();
        const asHandedOut = JSON.stringify(handedOut);
        inc.rehearse(doc, at, typed, () => {
          expectSame(inc, text.slice(0, at) + typed + text.slice(at), `${context}, while typed`);
          ran = true;
        });
        assert.ok(ran, 'during ran');
        assert.equal(JSON.stringify(handedOut), asHandedOut, `${context}: the problems handed out before are unchanged`);
        expectSame(inc, text, `${context}, after`);
        assert.equal(doc.getText(), text, 'the document is untouched');
      }
    });
  }

  it('takes the text out again when what runs in between throws', () => {
    const text = generate(7, 30);
    const inc = new IncrementalZone(SAME_OPTIONS, () => SAME_NOW, 3);
    inc.update(text);
    assert.throws(
      () =>
        inc.rehearse(text, 0, 'x', () => {
          throw new Error('in between');
        }),
      /in between/,
    );
    expectSame(inc, text, 'after a throw');
  });
});
