import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkspaceIndex, looksLikeZone, zoneFileKind } from '../../../server/src/workspace';
import { parseZoneText } from '../../../server/src/zone';

const parse = (text: string, file: string) => parseZoneText(text, { path: file });

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-ws-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

test('which file names are zone files', () => {
  assert.equal(zoneFileKind('/x/example.com.zone'), 'zone');
  assert.equal(zoneFileKind('/x/2.0.192.in-addr.arpa'), 'zone');
  assert.equal(zoneFileKind('/x/db.example'), 'maybe');
  assert.equal(zoneFileKind('/x/example.db'), 'maybe');
  assert.equal(zoneFileKind('/x/notes.txt'), undefined);
  assert.equal(looksLikeZone('\n$TTL 3600\n'), true);
  assert.equal(looksLikeZone('example.com. 3600 IN SOA ns. h. ('), true);
  assert.equal(looksLikeZone('SQLite format 3\u0000'), false);
});

test('the scan finds zone files, skips node_modules and non-zones, and stops at the limit', async () => {
  const zone = '$ORIGIN a.test.\n$TTL 300\n@ IN SOA ns h 1 2 3 4 5\n';
  const dir = tree({
    'a.zone': zone,
    'sub/db.b': zone.replace(/a\.test/, 'b.test'),
    'sub/deeper/c.zone': zone.replace(/a\.test/, 'c.test'),
    'node_modules/x/d.zone': zone,
    'cache.db': 'SQLite format 3',
  });
  try {
    const index = new WorkspaceIndex(parse);
    assert.equal(await index.scan([dir]), 3);
    assert.deepEqual(index.zones().map((z) => z.origin).sort(), ['a.test.', 'b.test.', 'c.test.']);
    const small = new WorkspaceIndex(parse, { maxFiles: 2, maxBytes: 1 << 20, maxDepth: 8 });
    assert.equal(await small.scan([dir]), 2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('open documents win over the disk until closed; deletions and changes are followed', async () => {
  const dir = tree({ 'a.zone': '$ORIGIN a.test.\n$TTL 300\nwww IN A 192.0.2.1\n' });
  const file = path.join(dir, 'a.zone');
  try {
    const index = new WorkspaceIndex(parse);
    await index.scan([dir]);
    assert.equal(index.findOwner('www.a.test.').length, 1);
    const edited = '$ORIGIN a.test.\n$TTL 300\nmail IN A 192.0.2.1\n';
    index.setOpen(file, edited, parse(edited, file));
    assert.equal(index.findOwner('www.a.test.').length, 0);
    assert.equal(index.findOwner('MAIL.a.test.').length, 1, 'names compare case-insensitively');
    index.closed(file);
    assert.equal(index.findOwner('www.a.test.').length, 1);
    fs.writeFileSync(file, '$ORIGIN a.test.\n$TTL 300\nftp IN A 192.0.2.1\n');
    assert.equal(await index.fileChanged(file), true);
    assert.equal(index.findOwner('ftp.a.test.').length, 1);
    fs.rmSync(file);
    index.fileDeleted(file);
    assert.deepEqual(index.files(), []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
