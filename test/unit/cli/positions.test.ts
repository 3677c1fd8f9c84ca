/** The CLI's offset → position agrees with TextDocument's on every offset, whatever the line breaks. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { positionsOf } from '../../../cli/src/report';

describe('CLI positions', () => {
  it('match TextDocument.positionAt for every offset, including out of range', () => {
    const text = fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', 'é', '\t', ';'), { maxLength: 60 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const ours = positionsOf(t);
        const ref = TextDocument.create('file:///z', 'dns-zone', 1, t);
        for (let o = -2; o <= t.length + 2; o++) assert.deepEqual(ours.positionAt(o), ref.positionAt(o), `${o} of ${JSON.stringify(t)}`);
      }),
      { numRuns: 2000 },
    );
  });
});
