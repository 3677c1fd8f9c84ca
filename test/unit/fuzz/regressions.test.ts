/**
 * Minimal reproductions of bugs the fuzzer found, each fixed in its own commit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSpf } from '../../../server/src/spf/parser';
import { parseZoneText } from '../../../server/src/zone/index';

test('SPF: a bare qualifier at the end of the record is an unknown mechanism inside the record', () => {
  for (const [record, under] of [
    ['v=spf1 -', '-'],
    ['v=spf1 ~ -all', '~'],
    ['v=spf1 -:x', '-:x'],
  ]) {
    const spf = parseSpf(record);
    assert.deepEqual(
      spf.errors.map((e) => [e.code, record.slice(e.from, e.to), e.to <= record.length]),
      [['spf-unknown-mechanism', under, true]],
      record,
    );
  }
});

test('RDATA longer than 65535 octets is an error, as BIND\'s "ran out of space"; 65535 is fine', () => {
  const fits = '@ TXT ' + '"a" '.repeat(32767) + '""\n';
  const over = 'b TXT ' + '"a" '.repeat(32768) + '\n';
  const escaped = 'c TXT ' + `"\\001${'x'.repeat(252)}" `.repeat(300) + '\n';
  const text = fits + over + escaped;
  const zone = parseZoneText(text, { origin: 'example.com.' });
  const errors = zone.problems.filter((p) => p.code === 'zone-bad-rdata');
  assert.deepEqual(
    errors.map((p) => [p.args?.detail, p.offset, text.slice(p.offset, p.offset + p.length)]),
    [
      ['rdata-wire-too-long', fits.length + 6, over.slice(6).trimEnd()],
      ['rdata-wire-too-long', fits.length + over.length + 6, escaped.slice(6).trimEnd()],
    ],
  );
  assert.equal(zone.records.length, 3);
});
