import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultSettings, normalizeSettings, originFor, restrictSettings } from '../../../server/src/settings';

test('missing keys fall back to the defaults', () => {
  assert.deepEqual(normalizeSettings(undefined), defaultSettings);
  assert.deepEqual(normalizeSettings({ dns: { mode: 'live' } }), { ...defaultSettings, dns: { ...defaultSettings.dns, mode: 'live' } });
});

test('ill-typed values fall back, valid ones are kept', () => {
  const s = normalizeSettings({
    dns: { mode: 'sometimes', servers: ['192.0.2.53', 7], timeoutMs: -1 },
    rules: { 'spf-ptr-deprecated': 'off', 'zone-syntax': 'fatal' },
    serial: { format: 'date' },
    trace: { server: 'verbose' },
  });
  assert.equal(s.dns.mode, 'offline');
  assert.deepEqual(s.dns.servers, ['192.0.2.53']);
  assert.equal(s.dns.timeoutMs, 3000);
  assert.deepEqual(s.rules, { 'spf-ptr-deprecated': 'off' });
  assert.equal(s.serial.format, 'date');
  assert.equal(s.trace.server, 'verbose');
});

test('flat dotted keys are read as well as nested ones', () => {
  const s = normalizeSettings({ 'dns.mode': 'live', 'dns.timeoutMs': 500 });
  assert.equal(s.dns.mode, 'live');
  assert.equal(s.dns.timeoutMs, 500);
});

test('an untrusted workspace is forced offline', () => {
  const live = normalizeSettings({ dns: { mode: 'live' } });
  assert.equal(restrictSettings(live).dns.mode, 'offline');
});

test('origins: globs match the workspace-relative path, the absolute path or the file name', () => {
  const s = normalizeSettings({ origins: { 'zones/internal/*.db': 'corp.example', 'db.shop': 'shop.example.jp.' } });
  assert.equal(originFor(s, '/ws/zones/internal/a.db', ['/ws']), 'corp.example.');
  assert.equal(originFor(s, '/elsewhere/db.shop'), 'shop.example.jp.');
  assert.equal(originFor(s, '/ws/zones/a.db', ['/ws']), undefined);
});
