/**
 * Runs every annotated zone in test/fixtures/semantics (format in its README.md): each
 * `;! CODE TEXT` line asserts one diagnostic with that code covering exactly TEXT on
 * the line above, and nothing else may be reported.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Problem } from '../../../server/src/diagnostics/types';
import { SemanticsCodes } from '../../../server/src/zone/semantics';
import { check } from './helpers';

const dir = path.resolve(__dirname, '../../fixtures/semantics');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.zone'));

interface Expectation {
  readonly code: string;
  readonly offset: number;
  readonly length: number;
}

function expectations(text: string): Expectation[] {
  const out: Expectation[] = [];
  let lineStart = 0;
  let target: { start: number; line: string } | undefined;
  for (const line of text.split('\n')) {
    const m = /^;! (\S+)(?: (.*))?$/.exec(line);
    if (m && target) {
      const [, code, under] = m;
      const at = under === undefined ? target.line.search(/\S/) : target.line.indexOf(under);
      assert.ok(at >= 0, `annotation text ${under} not found in: ${target.line}`);
      const length = under === undefined ? target.line.trimEnd().length - at : under.length;
      out.push({ code, offset: target.start + at, length });
    } else if (!line.startsWith(';')) {
      target = { start: lineStart, line };
    }
    lineStart += line.length + 1;
  }
  return out;
}

function header(text: string, key: string): string | undefined {
  return new RegExp(`^; ${key}: (\\S+)$`, 'm').exec(text)?.[1];
}

/**
 * The parser reports two of these checks itself: zone-out-of-zone (the same code, which
 * checkZoneSemantics then leaves out) and wildcard NS owners (as zone-bad-name).
 */
function reportedByParserToo(p: Problem): boolean {
  return p.code === 'zone-out-of-zone' || (p.code === 'zone-bad-name' && p.args?.['detail'] === 'wildcard-ns');
}

const show = (text: string, p: Expectation): string =>
  `${p.code}@${p.offset}+${p.length} ${JSON.stringify(text.slice(p.offset, p.offset + p.length))}`;

describe('zone-semantics fixtures', () => {
  it('has a fixture for every code', () => {
    const codes = Object.values(SemanticsCodes).map((d) => d.code);
    assert.deepEqual(
      codes.filter((c) => !files.includes(`${c}.zone`)),
      [],
    );
  });

  for (const file of files) {
    it(file, () => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const nowText = header(text, 'now');
      const { zone, problems } = check(text, header(text, 'origin'), nowText ? new Date(nowText) : undefined);
      assert.deepEqual(
        zone.problems.filter((p) => !reportedByParserToo(p)).map((p) => show(text, p)),
        [],
        'the fixture itself parses cleanly',
      );
      const semantic = [...problems, ...zone.problems.filter((p) => p.code === 'zone-out-of-zone')];
      const actual = semantic.map((p) => show(text, p)).sort();
      const expected = expectations(text).map((p) => show(text, p)).sort();
      assert.ok(expected.length > 0, 'a fixture asserts at least one diagnostic');
      assert.deepEqual(actual, expected);
    });
  }
});
