/**
 * The CLI's reports written in pieces: joined they are exactly the whole-text forms
 * (JSON.stringify with two-space indent; one line per finding).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { githubPieces, jsonPieces, textPieces, type Finding } from '../../../cli/src/report';

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

test('github pieces: one workflow command per finding, escaped so that no text starts a command of its own', () => {
  assert.equal([...githubPieces([])].join(''), '');
  const hostile: Finding = {
    file: 'zones/a,b:c.zone',
    code: 'dmarc-syntax',
    severity: 'information',
    message: '100% sure\r\n::set-output name=x::y \u001b[31m',
    range: { start: { line: 4, character: 0 }, end: { line: 5, character: 3 } },
  };
  const lines = [...githubPieces([findings[0], { ...findings[1], severity: 'error' }, hostile])].join('').split('\n');
  assert.deepEqual(lines, [
    '::warning file=zone.db,line=1,col=3,endLine=1,endColumn=8,title=zone-ttl-mismatch::first',
    '::error file=zone.db,line=4,col=3,endLine=4,endColumn=8,title=zone-ttl-mismatch::two%0Alines "quoted"',
    '::notice file=zones/a%2Cb%3Ac.zone,line=5,col=1,endLine=6,endColumn=4,title=dmarc-syntax::100%25 sure%0D%0A::set-output name=x::y \\027[31m',
  ]);
});
