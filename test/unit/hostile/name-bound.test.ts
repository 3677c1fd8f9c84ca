/**
 * A hostile bound in the name parser (issue 10): a name stops being decoded once it
 * passes 255 octets (an owner of 50 million labels took 9 s and 790 MB).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseName } from '../../../server/src/zone/names';
import { withinMs } from './helpers';

test('an owner of 50 million labels fails fast as too long', () => {
  const owner = 'a.'.repeat(50_000_000);
  const r = withinMs(5000, '50M labels', () => parseName(owner, 'example.'));
  assert.deepEqual(r, { ok: false, reason: 'name-too-long', at: 0 });
  // Relative, and with escapes (the general path): the same.
  assert.deepEqual(parseName('\\097.'.repeat(1_000_000).slice(0, -1), 'example.'), { ok: false, reason: 'name-too-long', at: 0 });
  // 127 one-octet labels and the root are 255 octets: still a name.
  assert.equal(parseName('a.'.repeat(127), '.').ok, true);
  assert.deepEqual(parseName('a.'.repeat(128), '.'), { ok: false, reason: 'name-too-long', at: 0 });
  assert.equal(parseName('\\097.'.repeat(127), '.').ok, true);
  assert.deepEqual(parseName('\\097.'.repeat(128), '.'), { ok: false, reason: 'name-too-long', at: 0 });
});
