/** Character-strings: octets and their source-offset map (what SPF errors point with). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { joinStrings } from '../../../server/src/zone/txt';
import { parse, under } from './helpers';

describe('TXT character-strings and offsets', () => {
  it('maps each octet of a quoted string to its source offset', () => {
    const text = '"v=spf1 -all"';
    const { rdata, problems } = parse('TXT', text);
    assert.deepEqual(problems, []);
    assert.equal(rdata.strings?.length, 1);
    const s = rdata.strings![0];
    assert.equal(s.value, 'v=spf1 -all');
    assert.deepEqual(s.offsets, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    assert.deepEqual(s.span, { offset: 0, length: 13 });
    assert.equal(s.quoted, true);
  });

  it('decodes \\DDD and \\X, each octet pointing at its backslash', () => {
    const text = '"a\\065\\"b\\\\"';
    const s = parse('TXT', text).rdata.strings![0];
    assert.equal(s.value, 'aA"b\\');
    assert.deepEqual(s.offsets, [1, 2, 6, 8, 9, 11]);
    assert.equal(text[s.offsets[1]], '\\');
    assert.equal(parse('TXT', text).rdata.canonical, '"aA\\"b\\\\"');
  });

  it('turns UTF-8 text into its octets, all pointing at the source character', () => {
    const text = '"é😀x"';
    const s = parse('TXT', text).rdata.strings![0];
    assert.equal(s.value, '\xc3\xa9\xf0\x9f\x98\x80x');
    assert.deepEqual(s.offsets, [1, 1, 2, 2, 2, 2, 4, 5]);
    assert.equal(parse('TXT', text).rdata.canonical, '"\\195\\169\\240\\159\\152\\128x"');
  });

  it('handles bare words with escapes and several strings', () => {
    const text = 'foo\\ bar "x" \\059';
    const { rdata } = parse('TXT', text);
    assert.deepEqual(
      rdata.strings!.map((s) => s.value),
      ['foo bar', 'x', ';'],
    );
    assert.deepEqual(rdata.strings![0].offsets, [0, 1, 2, 3, 5, 6, 7, 8]);
    assert.equal(rdata.strings![0].quoted, false);
    assert.deepEqual(rdata.strings![2].offsets, [13, 17]);
    assert.equal(rdata.canonical, '"foo bar" "x" ";"');
  });

  it('keeps strings split across lines joinable with the right offsets', () => {
    const text = '( "v=spf1 include:a"\n  " -all" )';
    const joined = joinStrings(parse('SPF', text).rdata.strings!);
    assert.equal(joined.value, 'v=spf1 include:a -all');
    const at = joined.value.indexOf('-all');
    assert.equal(under(text, joined.spanOf(at, at + 4)), '-all');
  });

  it('exposes strings for HINFO and keeps quoting as BIND prints it', () => {
    const { rdata } = parse('HINFO', 'PC "Net BSD"');
    assert.deepEqual(rdata.strings!.map((s) => s.value), ['PC', 'Net BSD']);
    assert.equal(rdata.canonical, '"PC" "Net BSD"');
    assert.deepEqual(rdata.fields, { cpu: 'PC', os: 'Net BSD' });
  });

  it('reports a string over 255 octets as zone-txt-string-too-long on that string', () => {
    const long = 'a'.repeat(254) + 'é';
    const text = `"ok" "${long}"`;
    const { problems } = parse('TXT', text);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].code, 'zone-txt-string-too-long');
    assert.equal(under(text, problems[0]), `"${long}"`);
    assert.equal(problems[0].args?.length, 256);
    // The strings stay available to the TXT-based checks.
    assert.deepEqual(parse('TXT', text).rdata.strings?.map((x) => x.value.length), [2, 256]);
    assert.deepEqual(parse('TXT', `"${'a'.repeat(255)}"`).problems, []);
  });

  it('reports a bad escape at the backslash', () => {
    for (const [text, bad] of [['"a\\25"', '\\25"'], ['"a\\256"', '\\256'], ['a\\', '\\']]) {
      const { problems } = parse('TXT', text);
      assert.equal(problems.length, 1, text);
      assert.equal(problems[0].code, 'zone-bad-rdata');
      assert.equal(problems[0].args?.detail, 'rdata-escape');
      assert.equal(under(text, problems[0]), bad.slice(0, problems[0].length), text);
      assert.equal(problems[0].offset, text.indexOf('\\'));
    }
  });
});

describe('line breaks inside quoted strings', () => {
  it('rejects an unescaped newline (BIND: unbalanced quotes) at the newline', () => {
    const text = '"a\nb"';
    const { problems } = parse('TXT', text);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].args?.detail, 'rdata-newline');
    assert.deepEqual([problems[0].offset, problems[0].length], [2, 1]);
  });
  it('accepts an escaped newline as the octet 10', () => {
    const { rdata, problems } = parse('TXT', '"a\\\nb"');
    assert.deepEqual(problems, []);
    assert.equal(rdata.canonical, '"a\\010b"');
  });
});
