import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { normalizeSettings } from '../../../server/src/settings';
import { open } from './fixture';

const files: Record<string, string> = {
  '/work/zones/hosts.inc': 'a IN A 192.0.2.1\n',
  '/etc/secrets.inc': 'b IN A 192.0.2.2\n',
};
const readFile = (p: string): string | undefined => files[p];

test('the origins setting gives a file without $ORIGIN its origin', () => {
  const o = open('$TTL 300\n@ IN A 192.0.2.1\n', {
    uri: 'file:///work/zones/internal/hosts',
    settings: () => normalizeSettings({ origins: { 'internal/*': 'corp.example' } }),
    folders: () => ['/work/zones'],
  });
  assert.equal(o.service.parse(o.document).zone.origin, 'corp.example.');
});

test('untrusted: $INCLUDE only inside the workspace or the zone’s folder, and DNS offline', () => {
  const text = '$ORIGIN example.com.\n$TTL 300\n$INCLUDE hosts.inc\n$INCLUDE /etc/secrets.inc\n';
  const o = open(text, {
    trusted: false,
    readFile,
    folders: () => ['/work/other'],
    settings: () => normalizeSettings({ dns: { mode: 'live' } }),
  });
  const owners = o.service.parse(o.document).zone.records.map((r) => r.owner);
  assert.deepEqual(owners, ['a.example.com.'], 'the zone’s own folder is allowed, /etc is not');
  const refused = o.service.validateSync(o.document).filter((d) => d.code === 'zone-include-not-found');
  assert.deepEqual(refused.map((d) => o.document.getText(d.range)), ['/etc/secrets.inc']);
  assert.equal(refused[0].severity, DiagnosticSeverity.Information);
  assert.equal(o.service.effectiveSettings().dns.mode, 'offline');
});

test('trusted: both includes are read', () => {
  const text = '$ORIGIN example.com.\n$TTL 300\n$INCLUDE hosts.inc\n$INCLUDE /etc/secrets.inc\n';
  const o = open(text, { readFile, settings: () => normalizeSettings({ dns: { mode: 'live' } }) });
  assert.deepEqual(o.service.parse(o.document).zone.records.map((r) => r.owner), ['a.example.com.', 'b.example.com.']);
  assert.equal(o.service.effectiveSettings().dns.mode, 'live');
});
