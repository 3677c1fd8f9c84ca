// The settings the client contributes in package.json must agree with client/src/defaults.ts,
// the defaults the client (and, through the same keys, the server) falls back to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { settingDefaults } from '../../../server/src/settings';
import { DEFAULTS, DNS_MODES, RESTRICTED_IN_UNTRUSTED, RULE_LEVELS, SERIAL_FORMATS, TRACE_LEVELS } from '../../../client/src/defaults';

const root = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const properties: Record<string, { default: unknown; enum?: string[]; additionalProperties?: { enum?: string[] } }> =
  pkg.contributes.configuration.properties;

test('package.json contributes exactly the settings DEFAULTS names', () => {
  assert.deepEqual(Object.keys(properties).sort(), Object.keys(DEFAULTS).sort());
});

test('every contributed default equals DEFAULTS', () => {
  for (const [key, value] of Object.entries(DEFAULTS)) {
    assert.deepEqual(properties[key]?.default, value, key);
  }
});

test('the enums in package.json equal the value lists in defaults.ts', () => {
  assert.deepEqual(properties['zonelint.dns.mode']?.enum, [...DNS_MODES]);
  assert.deepEqual(properties['zonelint.serial.format']?.enum, [...SERIAL_FORMATS]);
  assert.deepEqual(properties['zonelint.trace.server']?.enum, [...TRACE_LEVELS]);
  assert.deepEqual(properties['zonelint.rules']?.additionalProperties?.enum, [...RULE_LEVELS]);
});

test('DNS mode defaults to offline, so opening a zone never queries DNS by itself', () => {
  assert.equal(DEFAULTS['zonelint.dns.mode'], 'offline');
});

test('an untrusted workspace may not set the settings that make the server query DNS', () => {
  const trust = pkg.capabilities.untrustedWorkspaces;
  assert.equal(trust.supported, 'limited');
  assert.deepEqual(trust.restrictedConfigurations, [...RESTRICTED_IN_UNTRUSTED]);
});

test('every %key% in the manifest has an English and a Japanese string', () => {
  const en = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8'));
  const ja = JSON.parse(readFileSync(join(root, 'package.nls.ja.json'), 'utf8'));
  const used = [...JSON.stringify(pkg.contributes).matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]);
  used.push('capabilities.untrustedWorkspaces.description');
  for (const key of used) {
    assert.equal(typeof en[key], 'string', `package.nls.json lacks ${key}`);
    assert.equal(typeof ja[key], 'string', `package.nls.ja.json lacks ${key}`);
  }
  assert.deepEqual(Object.keys(ja).sort(), Object.keys(en).sort());
});

test('the firstLine pattern recognises a zone in a *.db file and nothing else', () => {
  const firstLine = new RegExp(pkg.contributes.languages[0].firstLine);
  for (const zone of ['$ORIGIN example.com.', '$TTL 3600', '; zone file for example.com', '@ IN SOA ns1 host 1 2 3 4 5', 'example.com. 3600 IN SOA ns. h. (']) {
    assert.ok(firstLine.test(zone), zone);
  }
  for (const other of ['SQLite format 3', '[section]', '{"a": 1}', '# comment', 'PRAGMA foreign_keys=OFF;']) {
    assert.ok(!firstLine.test(other), other);
  }
});

test("the server's fallback defaults equal the client's", () => {
  const serverByKey = Object.fromEntries(Object.entries(settingDefaults).map(([k, v]) => [`zonelint.${k}`, v]));
  assert.deepEqual(serverByKey, DEFAULTS);
});
