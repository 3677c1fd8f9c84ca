/**
 * The corpus conformance test (issue 2, "Done when"): every corpus zone BIND accepts
 * prints the same record set as `named-checkzone -i local -D`, and every zone BIND
 * rejects yields at least one error. See ../shared/conformance/zones/README.md.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allCodes } from '../../../server/src/diagnostics/registry';
import type { Problem } from '../../../server/src/diagnostics/types';
import { parseZoneText, printZone } from '../../../server/src/zone/index';
import { checkZoneSemantics } from '../../../server/src/zone/semantics/index';
import { recordSet } from './recordSet';

const CORPUS = path.resolve(__dirname, '../../../../shared/conformance/zones');

interface Entry {
  readonly file: string;
  readonly origin: string;
  readonly mode: string;
}

function manifest(): Entry[] {
  const lines = fs.readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1);
  return lines
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [file, origin, mode] = l.split('\t');
      return { file, origin, mode };
    });
}

function severity(p: Problem): string {
  const def = allCodes.get(p.code);
  assert.ok(def, `problem code ${p.code} is not registered`);
  return p.severity ?? def.severity;
}

function parseEntry(e: Entry) {
  const file = path.join(CORPUS, e.file);
  let text = fs.readFileSync(file, 'utf8');
  if (e.file.startsWith('knot-')) text = text.replaceAll('@TMPDIR@', CORPUS);
  return parseZoneText(text, { origin: e.origin, path: file });
}

const describe = (p: Problem) => `${p.file ?? ''}@${p.offset}+${p.length} ${p.code} ${JSON.stringify(p.args ?? {})}`;

for (const e of manifest()) {
  if (e.mode === 'strict') {
    test(`${e.file} prints what named-checkzone -D prints`, () => {
      const zone = parseEntry(e);
      const errors = zone.problems.filter((p) => severity(p) === 'error');
      assert.deepEqual(errors.map(describe), [], 'BIND accepts this zone: no errors expected');
      const want = recordSet(fs.readFileSync(path.join(CORPUS, `${e.file}.canon`), 'utf8'));
      const got = recordSet(printZone(zone));
      const missing = [...want].filter((r) => !got.has(r));
      const extra = [...got].filter((r) => !want.has(r));
      assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
    });
  } else {
    // As `zonelint check` does: the parser's problems and the semantic checks'.
    test(`${e.file} is rejected, as BIND rejects it`, () => {
      const zone = parseEntry(e);
      const problems = [...zone.problems, ...checkZoneSemantics(zone)];
      assert.ok(
        problems.some((p) => severity(p) === 'error'),
        `no error-severity problem; problems: ${problems.map(describe).join(', ')}`,
      );
    });
  }
}

test('the comparison normalises whitespace and owner case but not RDATA', () => {
  const a = recordSet('A.example. 300 IN TXT "a  b"   "c"\nx. 1 IN DS 1 2 3 AB CD\n');
  assert.ok(a.has('a.example. 300 IN TXT "a  b""c"'));
  assert.ok(a.has('x. 1 IN DS 123ABCD'));
  const b = recordSet('x. 1 IN NS a.\nx. 2 IN NS b.\n');
  assert.deepEqual([...b], ['x. 1 IN NS a.', 'x. 1 IN NS b.']);
  assert.equal(recordSet('x. 1 IN TXT "a"\nx. 1 IN TXT  "a" \n').size, 1);
});
