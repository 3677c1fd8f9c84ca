/**
 * RDATA against BIND 9.18's canonical output in the conformance corpus
 * (../shared/conformance/zones): every in-zone record of each file BIND accepted must
 * parse without problems and print exactly as its `.canon` line (whitespace outside
 * quotes ignored). Files BIND rejected for bad RDATA must yield a problem on that line.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isSubdomain } from '../../../server/src/zone/names';
import { parseRdata, typeName } from '../../../server/src/zone/rdata/index';
import { canonKeys, readRecords, squeeze } from './zone-lines';

const corpus = path.resolve(__dirname, '../../../../shared/conformance/zones');

/** Files with a .canon whose records this reader can split (no $INCLUDE/$GENERATE). */
const ACCEPTED: ReadonlyArray<readonly [string, string]> = [
  ['bind-genzone-alltypes.db', 'example.'],
  ['nsd-svcb-test-vectors-wf.zone', 'test-vectors.'],
  ['bind-master6.data.wrap.zone', 'test.'],
  ['bind-master17.data.wrap.zone', 'test.'],
  ['bind-good1.db', 'example.'],
  ['nsd-bug086_chars.zone', 'spf-test.nl.'],
  ['nsd-bug128_backslash_eos.zone.wrap.zone', 'example.com.'],
  ['ldns-A.2.Complex-EXAMPLE-Zone', 'example.'],
  ['ldns-29-generic-rdata-tab.db.wrap.zone', 'a.example.'],
  ['knot-00-0_general.ok.zone', '.'],
  ['knot-03_rrttl.ok.zone', '.'],
  ['knot-05-0_TTL.ok.zone', '.'],
];

function read(file: string): string {
  return readFileSync(path.join(corpus, file), 'utf8');
}

describe('RDATA against BIND canonical output', { skip: existsSync(corpus) ? false : `corpus absent at ${corpus}` }, () => {
  for (const [file, origin] of ACCEPTED) {
    it(file, () => {
      const keys = canonKeys(read(file + '.canon'));
      let checked = 0;
      for (const r of readRecords(read(file), origin)) {
        if (!isSubdomain(r.owner, origin)) continue; // BIND drops out-of-zone data
        const res = parseRdata(r.type, r.tokens, { origin: r.origin });
        assert.deepEqual(res.problems, [], `${file}:${r.line}`);
        const key = `${r.owner.toLowerCase()} ${typeName(r.type)} ${squeeze(res.rdata.canonical)}`;
        assert.ok(keys.has(key), `${file}:${r.line}: ${key} not in .canon`);
        checked++;
      }
      assert.ok(checked > 0);
    });
  }

  it('covers every type in bind-genzone-alltypes.db', () => {
    const types = new Set(readRecords(read('bind-genzone-alltypes.db'), 'example.').map((r) => typeName(r.type)));
    assert.ok(types.size >= 75, `only ${types.size} types`);
  });

  it('rejects the bad \\# hex of nsd-bug107 on its line, at the hex', () => {
    const text = read('nsd-bug107_bad_hex_3597.zone');
    const bad = readRecords(text, 'interop3597.rfc.se.').filter(
      (r) => parseRdata(r.type, r.tokens, { origin: r.origin }).problems.length > 0,
    );
    assert.deepEqual(bad.map((r) => r.line), [10]);
    const p = parseRdata(bad[0].type, bad[0].tokens, { origin: bad[0].origin }).problems[0];
    assert.equal(text.slice(p.offset, p.offset + p.length), 'ABCDEZ123456');
  });

  it('knot-12_TXT: BIND rejects the string spanning lines and the two 256-octet strings', () => {
    const text = read('knot-12_TXT.ok.zone');
    const verdicts = readRecords(text, '.').map((r) => {
      const { rdata, problems } = parseRdata(r.type, r.tokens, { origin: '.' });
      return { line: r.line, rdata, codes: problems.map((p) => p.code) };
    });
    assert.deepEqual(
      verdicts.filter((v) => v.codes.length > 0).map((v) => [v.line, v.codes]),
      [
        [24, ['zone-bad-rdata']],
        [30, ['zone-txt-string-too-long']],
        [31, ['zone-txt-string-too-long']],
      ],
    );
    const canon = (line: number): string | undefined => verdicts.find((v) => v.line === line)?.rdata.canonical;
    assert.equal(canon(10), '" "');
    assert.equal(canon(12), '"\\021"');
    assert.equal(canon(16), '"first" "#" "#"');
    assert.equal(canon(17), String.raw`" 0 \\\";.@*.tld."`); // \032, then 0
    assert.equal(canon(21), '""'); // one empty string: 00 is its length octet
  });

  it("knot-28_TYPE: the \\# forms of the OK section parse, each KO RDATA is rejected", () => {
    const text = read('knot-28_TYPE.in');
    const ok = text.slice(0, text.indexOf('; KO'));
    for (const r of readRecords(ok, '.')) {
      assert.deepEqual(parseRdata(r.type, r.tokens, { origin: '.' }).problems, [], `line ${r.line}`);
    }
    const ko = text.slice(text.indexOf('; KO'));
    const rejected = readRecords(ko.split('\n').filter((l) => !/TYPE65536|TYPE65535x/.test(l)).join('\n'), '.');
    assert.equal(rejected.length, 6);
    for (const r of rejected) {
      assert.notDeepEqual(parseRdata(r.type, r.tokens, { origin: '.' }).problems, [], `KO line ${r.line}`);
    }
  });

  it('knot-57_SVCB: BIND-rejected OK lines and every KO line are rejected', () => {
    const text = read('knot-57_SVCB.in');
    const ok = readRecords(text.slice(0, text.indexOf('; KO')), '.');
    const rejectedByBind = new Set(['no-default-alpn', 'ohttp', 'key65535="a" key1000=b port=4 key7 mandatory=key7,port']);
    const lines = text.split('\n');
    for (const r of ok) {
      const written = lines[r.line - 1].replace(/;.*/, '').trim().split('\t').pop() ?? '';
      const { problems } = parseRdata(r.type, r.tokens, { origin: '.' });
      assert.equal(problems.length > 0, rejectedByBind.has(written), `line ${r.line}: ${written}`);
    }
    // Knot rejects these; BIND 9.18 loads them (`alpn="ab"`, `alpn="a092,b"`, `ech`).
    const acceptedByBind = new Set(['alpn=a\\\\b', 'alpn=a\\\\\\b', 'alpn=a\\\\092,b', 'ech', 'ech=']);
    const koText = text.slice(text.indexOf('; KO'));
    const koLines = koText.split('\n');
    const ko = readRecords(koText, '.');
    assert.ok(ko.length >= 50);
    for (const r of ko) {
      const written = koLines[r.line - 1].replace(/;.*/, '').trim().split('\t').pop() ?? '';
      const { problems } = parseRdata(r.type, r.tokens, { origin: '.' });
      assert.equal(problems.length === 0, acceptedByBind.has(written), `KO line ${r.line}: ${written}`);
    }
  });
});
