/**
 * The formatter never loses or changes data (issue 8): every corpus zone and every
 * zone fixture formats to a text that parses to the same records (printZone) with the
 * same problem codes, and formatting twice gives what formatting once gave.
 *
 * Splitting character-strings over 255 octets is the one intended change: it turns one
 * invalid string into several valid ones with the same concatenation, so for those
 * zones the comparison joins TXT/SPF strings and the too-long error must disappear;
 * with splitting off, the output must match exactly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyEdits, formatZone, type FormatOptions } from '../../../server/src/format/index';
import { parseZoneText, printZone, type Zone } from '../../../server/src/zone/index';
import { generateZone, renderZone, Rng } from '../../helpers/zonegen';

const CORPUS = path.resolve(__dirname, '../../../../shared/conformance/zones');
const FIXTURES = path.resolve(__dirname, '../../fixtures');
const EXAMPLES = path.resolve(__dirname, '../../../examples');
const TOO_LONG = 'zone-txt-string-too-long';

interface Case {
  readonly file: string;
  readonly text: string;
  readonly origin?: string;
}

function corpusCases(): Case[] {
  const origins = new Map<string, string>();
  for (const line of fs.readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1)) {
    const [file, origin] = line.split('\t');
    if (file) origins.set(file, origin);
  }
  const skip = /\.(log|canon|out|tsv|md)$/;
  const files = fs.readdirSync(CORPUS).filter((f) => fs.statSync(path.join(CORPUS, f)).isFile() && !skip.test(f));
  const nested = ['includes', 'zones'].flatMap((d) => fs.readdirSync(path.join(CORPUS, d)).map((f) => path.join(d, f)));
  return [...files, ...nested].map((f) => {
    let text = fs.readFileSync(path.join(CORPUS, f), 'utf8');
    if (f.startsWith('knot-')) text = text.replaceAll('@TMPDIR@', CORPUS);
    const origin = origins.get(f) ?? (f.startsWith('knot-') ? '.' : undefined);
    return { file: path.join(CORPUS, f), text, origin };
  });
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return walk(p);
    return /\.(zone|inc|db)$/.test(e.name) ? [p] : [];
  });
}

function fixtureCases(): Case[] {
  return [...walk(FIXTURES), ...walk(EXAMPLES)].map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
}

function parse(c: Case, text: string): Zone {
  return parseZoneText(text, { path: c.file, ...(c.origin ? { origin: c.origin } : {}) });
}

const codes = (z: Zone) => z.problems.map((p) => `${p.file ? path.basename(p.file) + ':' : ''}${p.code}`).sort();

/** printZone with TXT/SPF strings joined, for zones whose over-long strings were split. */
function joinedPrint(z: Zone): string {
  return z.records
    .map((r) => (r.type === 'TXT' || r.type === 'SPF' ? `${r.owner} ${r.ttl} ${r.class} ${r.type} ${(r.rdata.strings ?? []).map((s) => s.value).join('')}` : printZone({ ...z, records: [r] })))
    .join('\n');
}

const lineBreaks = (text: string) => text.match(/\r\n|\n|\r/g)?.length ?? 0;

/** `keptLines`: some long strings may sit on lines the formatter keeps as written. */
function check(c: Case, options: FormatOptions, keptLines = false): void {
  const before = parse(c, c.text);
  const formatted = applyEdits(c.text, formatZone(c.text, before, options));
  const after = parse(c, formatted);
  const split = options.splitLongStrings !== false && before.problems.some((p) => p.code === TOO_LONG && p.file === undefined);
  if (split) {
    assert.equal(joinedPrint(after), joinedPrint(before), 'same records, strings joined');
    const rest = (z: Zone) => codes(z).filter((code) => code !== TOO_LONG);
    assert.deepEqual(rest(after), rest(before), 'nothing but the too-long errors changes');
    const left = codes(after).length - rest(after).length;
    if (!keptLines) assert.equal(left, 0, 'the too-long errors are gone');
    else assert.ok(left <= codes(before).length - rest(before).length, 'no new too-long errors');
  } else {
    assert.equal(printZone(after), printZone(before), 'printZone before and after');
    assert.deepEqual(codes(after), codes(before), 'problem codes before and after');
  }
  // Line breaks as the scanner and editors count them (\r\n, \n, a lone \r): blank lines stay.
  assert.equal(lineBreaks(formatted), lineBreaks(c.text), 'the same number of line breaks');
  const again = applyEdits(formatted, formatZone(formatted, after, options));
  assert.equal(again, formatted, 'formatting is idempotent');
}

const cases = [...corpusCases(), ...fixtureCases()];

test('there are corpus zones and fixtures to format', () => {
  assert.ok(cases.length > 60, `only ${cases.length} cases`);
});

for (const c of cases) {
  const name = path.relative(path.resolve(__dirname, '../../../..'), c.file);
  test(`${name}: formatting keeps the data`, () => {
    check(c, {});
    check(c, { splitLongStrings: false });
  });
}

/**
 * Generated zones (test/helpers/zonegen.ts): every RDATA type and directive form, invalid
 * statements, and line ends mixed with lone carriage returns, which a formatter reading
 * only `\n` as a line end merged into the records before them.
 */
test('300 generated zones: formatting keeps the data and the line breaks', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-format-'));
  try {
    for (let i = 0; i < Number(process.env.FORMAT_ZONES ?? 300); i++) {
      const zone = generateZone(31000 + i, i % 3 === 2);
      const { text, files } = renderZone(zone, new Rng(i));
      for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), body);
      const file = path.join(dir, 'zone.db');
      fs.writeFileSync(file, text);
      try {
        check({ file, text, origin: zone.origin }, {}, true);
        check({ file, text, origin: zone.origin }, { splitLongStrings: false });
      } catch (e) {
        throw new Error(`seed ${31000 + i}: ${(e as Error).message}\n${JSON.stringify(text.slice(0, 2000))}`);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
