// The client accepts a `zonelint/status` report only in the documented shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isStatusParams, STATUS_NOTIFICATION } from '../../../client/src/protocol';

test('the notification has the documented name', () => {
  assert.equal(STATUS_NOTIFICATION, 'zonelint/status');
});

test('a well-formed report is accepted, with or without an origin', () => {
  assert.ok(isStatusParams({ uri: 'file:///z/db.example', origin: 'example.com.', dnsMode: 'offline' }));
  assert.ok(isStatusParams({ uri: 'file:///z/db.example', origin: null, dnsMode: 'live' }));
});

test('malformed reports are ignored', () => {
  for (const bad of [null, 'x', {}, { uri: 1, origin: null, dnsMode: 'live' }, { uri: 'u', origin: 3, dnsMode: 'live' },
    { uri: 'u', origin: 'a.', dnsMode: 'online' }, { uri: 'u', dnsMode: 'live' }]) {
    assert.equal(isStatusParams(bad), false, JSON.stringify(bad));
  }
});
