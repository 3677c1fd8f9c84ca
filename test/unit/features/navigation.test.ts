import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { open, ZONE } from './fixture';

test('definition: a CNAME target → the records it names', () => {
  const o = open(ZONE.replace('www IN CNAME mail', 'www IN CNAME ma|il'));
  const locations = o.service.findDefinition(o.document, o.position);
  assert.deepEqual(
    locations.map((l) => o.document.getText(l.range)),
    ['mail IN A  192.0.2.2'],
  );
});

test('definition: MX exchange and NS target; not the MX preference', () => {
  const mx = open(ZONE.replace('MX  10 mail', 'MX  10 m|ail'));
  assert.equal(mx.service.findDefinition(mx.document, mx.position).length, 1);
  const pref = open(ZONE.replace('MX  10 mail', 'MX  1|0 mail'));
  assert.deepEqual(pref.service.findDefinition(pref.document, pref.position), []);
  const ns = open(ZONE.replace('IN NS  ns1', 'IN NS  n|s1'));
  assert.deepEqual(ns.service.findDefinition(ns.document, ns.position).map((l) => l.range.start.line), [5]);
});

test('definition and links across files: $INCLUDE target and another workspace zone', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-nav-'));
  try {
    fs.writeFileSync(path.join(dir, 'hosts.inc'), 'db IN A 192.0.2.9\n');
    fs.writeFileSync(path.join(dir, 'other.zone'), '$ORIGIN other.test.\n@ IN SOA ns h 1 2 3 4 5\nmx1 IN A 192.0.2.7\n');
    fs.writeFileSync(path.join(dir, 'db.notazone'), 'SQLite format 3\n');
    const text = '$ORIGIN example.com.\n$INCLUDE host|s.inc\n@ IN MX 10 mx1.other.test.\nwww IN CNAME db\n';
    const o = open(text, { uri: pathToFileURL(path.join(dir, 'example.com.zone')).toString(), readFile: undefined, folders: () => [dir] });
    assert.equal(await o.service.index.scan([dir]), 1, 'other.zone only: db.notazone does not look like a zone');

    const inc = o.service.findDefinition(o.document, o.position);
    assert.deepEqual(inc.map((l) => l.uri), [pathToFileURL(path.join(dir, 'hosts.inc')).toString()]);

    const links = o.service.getDocumentLinks(o.document);
    assert.equal(links.length, 1);
    assert.equal(o.document.getText(links[0].range), 'hosts.inc');
    assert.equal(links[0].target, pathToFileURL(path.join(dir, 'hosts.inc')).toString());

    const included = o.service.findDefinition(o.document, { line: 3, character: 14 });
    assert.deepEqual(included.map((l) => [path.basename(new URL(l.uri).pathname), l.range.start.line]), [['hosts.inc', 0]]);

    const elsewhere = o.service.findDefinition(o.document, { line: 2, character: 14 });
    assert.deepEqual(elsewhere.map((l) => [path.basename(new URL(l.uri).pathname), l.range.start.line]), [['other.zone', 2]]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
