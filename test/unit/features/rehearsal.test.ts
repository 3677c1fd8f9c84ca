/**
 * Where the server rehearses keystrokes (features/rehearsal.ts): only on lines holding one
 * ordinary record, never on directives, comments, records in parentheses or quotes,
 * absolute owners, or the NS, DNAME and SOA records that decide the zone's shape. And a
 * language service that rehearsed gives, for the edits after, the diagnostics of one that
 * did not (diagnostics are kept per problem and document version: a rehearsal must not
 * leave any made for its text).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver';
import { ChunkedDocument } from '../../../server/src/document';
import { rehearsalPlace } from '../../../server/src/features/rehearsal';
import { getLanguageService } from '../../../server/src/languageService';
import { defaultSettings, type Settings } from '../../../server/src/settings';
import { Rng } from '../../helpers/zonegen';
import { generate } from '../incremental/gen';

const AVOIDED = [
  '$ORIGIN example.com.',
  '$TTL 3600',
  '@ IN SOA ns1 hostmaster (',
  '  2024010101 7200 3600 1209600 300 )',
  'example.com. IN A 192.0.2.9',
  'sub IN NS ns1.sub',
  'old IN DNAME new',
  'txt IN TXT "v=spf1 -all"',
  '; a comment',
  'commented IN A 192.0.2.7 ; why',
  '\tIN A 192.0.2.8',
  '',
];

describe('rehearsalPlace', () => {
  it('picks plain record lines only: their start for even rehearsals, their end for odd ones', () => {
    const lines = [...AVOIDED, 'www IN A 192.0.2.1', ...AVOIDED, 'mail 300 IN MX 10 mx.example.net.', ...AVOIDED];
    const plain = new Set([AVOIDED.length, 2 * AVOIDED.length + 1]);
    const doc = TextDocument.create('file:///z', 'dns-zone', 1, lines.join('\n') + '\n');
    const seen = new Set<number>();
    for (let k = 0; k < 40; k++) {
      const at = rehearsalPlace(doc, k);
      if (at === undefined) continue;
      const { line, character } = doc.positionAt(at);
      assert.ok(plain.has(line), `rehearsal ${k} on line ${line}: ${JSON.stringify(lines[line])}`);
      assert.equal(character, k % 2 === 0 ? 0 : lines[line].length, `rehearsal ${k}`);
      seen.add(line);
    }
    assert.deepEqual([...seen].sort(), [...plain].sort(), 'both plain lines are used');
  });

  it('finds nothing in a zone with no plain record line, and in an empty document', () => {
    const doc = TextDocument.create('file:///z', 'dns-zone', 1, AVOIDED.join('\r\n'));
    for (let k = 0; k < 20; k++) assert.equal(rehearsalPlace(doc, k), undefined);
    assert.equal(rehearsalPlace(TextDocument.create('file:///e', 'dns-zone', 1, ''), 0), undefined);
  });

  it('puts the end of a line before its trailing blanks and CRLF', () => {
    const lines = ['host IN A 192.0.2.1', 'next IN A 192.0.2.2', 'last IN A 192.0.2.3'];
    const doc = TextDocument.create('file:///z', 'dns-zone', 1, lines.map((l) => l + ' \t\r\n').join(''));
    for (const k of [1, 3, 5, 7]) {
      const at = rehearsalPlace(doc, k);
      assert.ok(at !== undefined, `rehearsal ${k}`);
      const { line, character } = doc.positionAt(at);
      assert.equal(character, lines[line].length, `rehearsal ${k} on line ${line}`);
    }
  });
});

describe('LanguageService.rehearseEdit', () => {
  // Sorted: the order of a check's problems is not kept across edits.
  const key = (d: Diagnostic): string => JSON.stringify([d.code, d.range, d.message, d.severity, d.data ?? null]);
  for (const maxPerFile of [0, 200]) {
    it(`leaves the diagnostics of the edits after as without it (maxPerFile ${maxPerFile})`, async () => {
      const settings: Settings = {
        ...defaultSettings,
        diagnostics: { ...defaultSettings.diagnostics, maxPerFile },
        dns: { ...defaultSettings.dns, mode: 'offline' },
      };
      const service = () => getLanguageService({ locale: 'en', settings: () => settings, folders: () => [], trusted: true });
      const text = generate(31, 700);
      const [rehearsed, plain] = [service(), service()];
      const docs = [rehearsed, plain].map(() => new ChunkedDocument('file:///z/example.com.zone', 'dns-zone', 1, text, 512));
      for (const [i, s] of [rehearsed, plain].entries()) {
        s.validateSync(docs[i]);
        await s.validate(docs[i]);
      }
      const rng = new Rng(99);
      for (let round = 0; round < 6; round++) {
        let ran = 0;
        for (let k = 0; k < 4; k++) if (rehearsed.rehearseEdit(docs[0], round * 4 + k)) ran++;
        assert.ok(ran > 0, 'rehearsals ran');
        assert.equal(docs[0].getText(), docs[1].getText(), 'the document is untouched');
        // A character typed where a rehearsal may have typed, or elsewhere: same line, lines moving or not.
        const line = rng.int(0, docs[0].lineCount - 1);
        const typed = rng.pick(['x', '\n', '1', '; c', '*.']);
        const version = round + 2;
        for (const doc of docs) doc.update([{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: typed }], version);
        const [a, b] = [rehearsed.validateSync(docs[0]), plain.validateSync(docs[1])];
        assert.deepEqual(a.map(key).sort(), b.map(key).sort(), `round ${round}: ${JSON.stringify(typed)} on line ${line}`);
        assert.ok(a.length > 0);
        const [c, d] = [await rehearsed.validate(docs[0]), await plain.validate(docs[1])];
        assert.deepEqual(c.map(key).sort(), d.map(key).sort(), `round ${round}, complete set`);
      }
    });
  }
});
