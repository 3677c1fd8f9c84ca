import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseName, isSubdomain, relativize } from '../../server/src/zone/names';

test('relative names take the origin, @ is the origin', () => {
  assert.deepEqual(parseName('www', 'example.com.'), { ok: true, name: 'www.example.com.' });
  assert.deepEqual(parseName('@', 'example.com.'), { ok: true, name: 'example.com.' });
  assert.deepEqual(parseName('a.b.', 'example.com.'), { ok: true, name: 'a.b.' });
});

test('escapes are canonicalised the way BIND prints them', () => {
  const r = parseName('\\032a\\.b\\@\\"x', '.');
  assert.deepEqual(r, { ok: true, name: '\\032a\\.b\\@\\"x.' });
  assert.deepEqual(parseName('\\065bc.', '.'), { ok: true, name: 'Abc.' });
});

test('label and name limits', () => {
  assert.equal(parseName('a'.repeat(63) + '.', '.').ok, true);
  assert.deepEqual(parseName('a'.repeat(64) + '.', '.'), { ok: false, reason: 'label-too-long', at: 0 });
  const long = Array(5).fill('a'.repeat(63)).join('.') + '.';
  assert.equal(parseName(long, '.').ok, false);
  assert.deepEqual(parseName('a..b', '.'), { ok: false, reason: 'empty-label', at: 2 });
});

test('subdomains compare case-insensitively and respect escaped dots', () => {
  assert.equal(isSubdomain('WWW.Example.COM.', 'example.com.'), true);
  assert.equal(isSubdomain('wwwexample.com.', 'example.com.'), false);
  // `a\.example` is one label under com., not a name below example.com.
  assert.equal(isSubdomain('a\\.example.com.', 'example.com.'), false);
  assert.equal(relativize('www.example.com.', 'example.com.'), 'www');
});
