import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inferOrigin } from '../../../server/src/zone/index';

test('a leading $ORIGIN wins', () => {
  assert.equal(inferOrigin('; comment\n$TTL 1h\n$ORIGIN Example.COM.\n@ SOA a b 1 2 3 4 5\n', 'db.other.org'), 'Example.COM.');
  assert.equal(inferOrigin('$origin example.net\n'), 'example.net.');
});

test('else an absolute SOA owner', () => {
  assert.equal(inferOrigin('$TTL 1h\nexample.org. 3600 IN SOA a. b. 1 2 3 4 5\n', 'db.other.org'), 'example.org.');
  assert.equal(inferOrigin('www A 192.0.2.1\nexample.org. IN SOA (a. b.\n 1 2 3 4 5)\n'), 'example.org.');
  // A relative SOA owner says nothing; a later $ORIGIN is not "leading".
  assert.equal(inferOrigin('@ SOA a b 1 2 3 4 5\n$ORIGIN x.\n'), undefined);
});

test('else the file name', () => {
  assert.equal(inferOrigin('@ SOA a b 1 2 3 4 5', '/zones/db.example.com'), 'example.com.');
  assert.equal(inferOrigin('', '/zones/example.com.zone'), 'example.com.');
  assert.equal(inferOrigin('', 'C:/zones/example.com.db'), 'example.com.');
  assert.equal(inferOrigin('', '/zones/example.com'), 'example.com.');
  assert.equal(inferOrigin('', '/zones/zonefile.txt'), undefined);
  assert.equal(inferOrigin('', '/zones/localhost'), undefined);
  assert.equal(inferOrigin('', 'db.example.com.signed'), 'example.com.');
});
