import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { open, ZONE } from './fixture';
import { ChunkedDocument } from '../../../server/src/document';
import { getLanguageService } from '../../../server/src/languageService';
import { defaultSettings } from '../../../server/src/settings';
import { providedIndex } from '../../../server/src/dns/zoneData';
import { namesEqual } from '../../../server/src/zone/names';
import { edit, generate } from '../incremental/gen';
import { Rng } from '../../helpers/zonegen';

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

test('definition through the open zone\'s owner index finds what reading every record finds, after edits', () => {
  let indexed = 0;
  let found = 0;
  for (let seed = 1; seed <= 15; seed++) {
    const rng = new Rng(seed * 31337);
    const service = getLanguageService({ locale: 'en', settings: () => defaultSettings, folders: () => [], trusted: true, readFile: () => undefined });
    let text = generate(seed, 40);
    const document = ChunkedDocument.create('file:///zones/example.com.zone', 'dns-zone', 1, text);
    for (let i = 0; i < 8; i++) {
      const zone = service.parse(document).zone;
      if (providedIndex(zone)) indexed++;
      for (const rr of zone.records) {
        const fields = rr.rdata.fields as Record<string, unknown>;
        const target = (rr.type === 'MX' ? fields.exchange : ['CNAME', 'NS', 'SRV', 'DNAME'].includes(rr.type) ? fields.target : undefined) as string | undefined;
        const token = rr.tokens[rr.tokens.length - 1];
        if (!target || !token) continue;
        const got = service.findDefinition(document, document.positionAt(token.offset + 1));
        const expected = zone.records.filter((r) => namesEqual(r.owner, target) && !r.generated).map((r) => ({ uri: document.uri, range: { start: document.positionAt(r.span.offset), end: document.positionAt(r.span.offset + r.span.length) } }));
        assert.deepEqual(got, expected, `seed ${seed}, edit ${i}: ${rr.owner} ${rr.type} ${target}`);
        found += expected.length;
      }
      text = edit(rng, text);
      document.update([{ text }], i + 2);
    }
  }
  assert.ok(indexed > 60, `the owner index served ${indexed} zones`);
  assert.ok(found > 100, `only ${found} definitions`);
});
