/**
 * Minimal reproductions of bugs the fuzzer found, each fixed in its own commit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSpf } from '../../../server/src/spf/parser';

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
