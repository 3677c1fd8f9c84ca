import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTtl } from '../../../server/src/zone/ttl';

test('TTL numbers and units, any case and order', () => {
  assert.deepEqual(parseTtl('0'), { ok: true, value: 0 });
  assert.deepEqual(parseTtl('3600'), { ok: true, value: 3600 });
  assert.deepEqual(parseTtl('1h30m'), { ok: true, value: 5400 });
  assert.deepEqual(parseTtl('1W'), { ok: true, value: 604800 });
  assert.deepEqual(parseTtl('1w1d1h1m1s'), { ok: true, value: 694861 });
  assert.deepEqual(parseTtl('1s1m1m'), { ok: true, value: 121 });
  assert.deepEqual(parseTtl('4294967295'), { ok: true, value: 4294967295 });
});

test('TTL forms BIND rejects', () => {
  assert.deepEqual(parseTtl('1h30'), { ok: false, reason: 'not-a-ttl' });
  assert.deepEqual(parseTtl('1x'), { ok: false, reason: 'not-a-ttl' });
  assert.deepEqual(parseTtl('h'), { ok: false, reason: 'not-a-ttl' });
  assert.deepEqual(parseTtl(''), { ok: false, reason: 'not-a-ttl' });
  assert.deepEqual(parseTtl('4294967296'), { ok: false, reason: 'ttl-too-large' });
  assert.deepEqual(parseTtl('7102w'), { ok: false, reason: 'ttl-too-large' });
});
