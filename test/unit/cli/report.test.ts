/**
 * The CLI's reports written in pieces: joined they are exactly the whole-text forms
 * (JSON.stringify with two-space indent; one line per finding).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonPieces, textPieces, type Finding } from '../../../cli/src/report';

const finding = (line: number, message: string): Finding => ({
  file: 'zone.db',
  code: 'zone-ttl-mismatch',
  severity: 'warning',
  message,
  range: { start: { line, character: 2 }, end: { line, character: 7 } },
});

const findings = [finding(0, 'first'), finding(3, 'two\nlines "quoted"'), finding(9, 'último')];

test('JSON pieces join to JSON.stringify(findings, null, 2)', () => {
  // Long enough to be stringified in several slices, with one slice cut short.
  const many = Array.from({ length: 600 }, (_, i) => finding(i, `message ${i}`));
  for (const list of [[], findings.slice(0, 1), findings, many]) {
    assert.equal([...jsonPieces(list)].join(''), JSON.stringify(list, null, 2));
  }
});

test('text pieces join to one line per finding, newlines in messages as spaces', () => {
  assert.equal([...textPieces([])].join(''), '');
  assert.equal(
    [...textPieces(findings)].join(''),
    [
      'zone.db:1:3: warning zone-ttl-mismatch first',
      'zone.db:4:3: warning zone-ttl-mismatch two lines "quoted"',
      'zone.db:10:3: warning zone-ttl-mismatch último',
    ].join('\n'),
  );
});
