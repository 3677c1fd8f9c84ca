/**
 * The language service's DNS-dependent runs keep the SPF lookups no change reached
 * (spf/check.ts LookupReuse): through another open zone whose CNAME leads back into the
 * edited one, a change still reaches them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../server/src/languageService';
import { defaultSettings } from '../../../server/src/settings';

/** Lines between the SPF record and what the edits change: in other pieces, not parsed again. */
const filler = Array.from({ length: 200 }, (_, i) => `f${i}\tA 192.0.2.${1 + (i % 250)}\n`).join('');

const COM = [
  '$ORIGIN example.com.',
  '@\tSOA ns1 hostmaster 1 2 3 4 5',
  '\tNS ns1',
  'ns1\tA 192.0.2.1',
  'mail\tTXT "v=spf1 a:alias1.example.net a:alias2.example.net a:alias3.example.net -all"',
  filler + 'host\tA 198.51.100.9',
  'host\tTXT "here"',
  '',
].join('\n');

const NET = [
  '$ORIGIN example.net.',
  '@\tSOA ns1 hostmaster 1 2 3 4 5',
  '\tNS ns1.example.com.',
  'alias1\tCNAME host.example.com.',
  'alias2\tCNAME host.example.com.',
  'alias3\tCNAME host.example.com.',
  '',
].join('\n');

function service() {
  return getLanguageService({
    locale: 'en',
    settings: () => ({ ...defaultSettings, dns: { ...defaultSettings.dns, mode: 'offline' } }),
    folders: () => [],
    trusted: true,
    readFile: () => undefined,
  });
}

const codes = (ds: readonly { code?: string | number }[]): string[] => ds.map((d) => String(d.code)).sort();

test('a change another zone leads back to reaches the SPF lookups that went there', async () => {
  const s = service();
  const com = TextDocument.create('file:///zones/example.com.zone', 'dns-zone', 1, COM);
  const net = TextDocument.create('file:///zones/example.net.zone', 'dns-zone', 1, NET);
  await s.validate(net);
  const before = await s.validate(com);
  assert.ok(!codes(before).includes('spf-void-lookup-limit'));
  assert.deepEqual(s.lookupStats(), { reused: 0, built: 1 });

  // host keeps its TXT record and loses its address: the three aliases answer nothing now.
  const edited = TextDocument.create(com.uri, 'dns-zone', 2, COM.replace('host\tA 198.51.100.9\n', ''));
  const after = await s.validate(edited);
  assert.ok(codes(after).includes('spf-void-lookup-limit'), codes(after).join(' '));

  const fresh = service();
  await fresh.validate(TextDocument.create(net.uri, 'dns-zone', 1, NET));
  const expected = await fresh.validate(TextDocument.create(com.uri, 'dns-zone', 1, edited.getText()));
  assert.deepEqual(codes(after), codes(expected));
});

test('an edit no lookup read: the trees are kept', async () => {
  const s = service();
  const com = TextDocument.create('file:///zones/example.com.zone', 'dns-zone', 1, COM + 'other\tA 198.51.100.10\n');
  await s.validate(TextDocument.create('file:///zones/example.net.zone', 'dns-zone', 1, NET.replace(/host\.example\.com\./g, 'elsewhere.example.org.')));
  await s.validate(com);
  await s.validate(TextDocument.create(com.uri, 'dns-zone', 2, com.getText().replace('198.51.100.10', '198.51.100.11')));
  assert.deepEqual(s.lookupStats(), { reused: 1, built: 0 });
});
