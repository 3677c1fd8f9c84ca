/**
 * zone-serial-unchanged: records saved under the serial the file was opened with. The
 * fingerprint is the records as BIND loads them, in any order and layout; the language
 * service compares the saved file with the opened one at each save, and the warning goes
 * when the serial changes (the quick-fix) or the records are back as they were.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver';
import { parseZoneText } from '../../../server/src/zone/index';
import { recordsFingerprint, zoneSerial, FINGERPRINT_MAX_RECORDS } from '../../../server/src/serial/unchanged';
import { formatMessage } from '../../../server/src/diagnostics/registry';
import { open, applyEdits } from '../features/fixture';
import { bindRecords, needsBind } from '../../helpers/bind';

const ZONE = [
  '$ORIGIN example.jp.',
  '$TTL 3600',
  '@    IN SOA ns1 hostmaster 2026120801 3600 900 604800 300',
  '     IN NS  ns1',
  'ns1  IN A   192.0.2.1',
  'www  IN A   192.0.2.80',
  '@    IN TXT "v=spf1 mx -all"',
  '',
].join('\n');

const fp = (text: string) => recordsFingerprint(parseZoneText(text, { origin: 'example.jp.' }));

test('the fingerprint: the records as loaded, in any order and layout, the SOA without its serial', () => {
  const base = fp(ZONE);
  assert.ok(base);
  const same = [
    ZONE.replace('www  IN A   192.0.2.80', 'www 3600 IN A 192.0.2.80 ; the web server'),
    ZONE.replace('www  IN A   192.0.2.80\n', '').replace('ns1  IN A   192.0.2.1\n', 'ns1  IN A   192.0.2.1\nwww  IN A   192.0.2.80\n'),
    ZONE.replace('www  IN A', 'WWW  in a'),
    ZONE.replace('2026120801', '2026120802'),
    ZONE.replace('@    IN TXT "v=spf1 mx -all"', '@ IN TXT ( "v=spf1 mx -all" )'),
    ZONE + '; a comment\n\n',
    // Out of the zone: BIND ignores it.
    ZONE + 'other.test. IN A 192.0.2.9\n',
  ];
  for (const text of same) assert.equal(fp(text), base, text);
  const other = [
    ZONE.replace('192.0.2.80', '192.0.2.81'),
    ZONE.replace('www  IN A', 'www 300 IN A'),
    ZONE.replace('-all"', '~all"'),
    ZONE + 'mail IN A 192.0.2.25\n',
    ZONE.replace('www  IN A   192.0.2.80\n', ''),
    ZONE.replace(' 3600 900 ', ' 7200 900 '),
    ZONE.replace('hostmaster', 'admin'),
  ];
  for (const text of other) assert.notEqual(fp(text), base, text);
  assert.equal(zoneSerial(parseZoneText(ZONE, { origin: 'example.jp.' })), 2026120801);
  assert.equal(zoneSerial(parseZoneText('$ORIGIN example.jp.\nwww A 192.0.2.1\n', { origin: 'example.jp.' })), undefined);
});

test('BIND loads the reformatted text as the same records: the fingerprint says what BIND says', { skip: needsBind }, () => {
  const reformatted = ZONE.replace('www  IN A   192.0.2.80', 'WWW 3600 in a 192.0.2.80 ; the web server').replace('@    IN TXT "v=spf1 mx -all"', '@ IN TXT ( "v=spf1 mx -all" )');
  assert.deepEqual(bindRecords(reformatted, 'example.jp'), bindRecords(ZONE, 'example.jp'));
  assert.equal(fp(reformatted), fp(ZONE));
});

test('a zone over the limit has no fingerprint', () => {
  const lines = Array.from({ length: FINGERPRINT_MAX_RECORDS + 1 }, (_, i) => `h${i} A 192.0.2.1`);
  assert.equal(fp(ZONE + lines.join('\n') + '\n'), undefined);
});

/** A document's successive versions in one language service, as the server sees them. */
function session(text: string) {
  const { service, document } = open(text, { uri: 'file:///work/zones/example.jp.zone' });
  let doc = document;
  service.validateSync(doc);
  const serialWarnings = (): Diagnostic[] => service.validateSync(doc).filter((d) => d.code === 'zone-serial-unchanged');
  return {
    service,
    get doc() {
      return doc;
    },
    edit(next: string) {
      doc = TextDocument.create(doc.uri, 'dns-zone', doc.version + 1, next);
      service.validateSync(doc);
    },
    save: () => service.saved(doc),
    serialWarnings,
  };
}

test('in the editor: saved with changed records under the opened serial, a warning on the serial; the quick-fix writes the next serial', () => {
  const s = session(ZONE);
  assert.equal(s.save(), false, 'saved as opened: nothing to say');
  s.edit(ZONE.replace('192.0.2.80', '192.0.2.81'));
  assert.deepEqual(s.serialWarnings(), [], 'not before the save');
  assert.equal(s.save(), true);
  const [warning] = s.serialWarnings();
  assert.ok(warning);
  assert.equal(s.doc.getText(warning.range), '2026120801');
  assert.equal(warning.severity, 2);
  assert.equal(
    warning.message,
    'The records changed since this file was opened, and it was saved with the SOA serial still 2026120801: secondary servers compare serials and keep serving the old records (BIND logs "zone serial unchanged"). Increment the serial',
  );
  const actions = s.service.getCodeActions(s.doc, { diagnostics: [{ ...warning, message: '' }] }, warning.range);
  const fix = actions.find((a) => a.title.startsWith('Increment the serial to '));
  assert.ok(fix?.edit?.changes, actions.map((a) => a.title).join(' | '));
  const next = applyEdits(s.doc, fix.edit.changes[s.doc.uri]);
  const serial = Number(/SOA ns1 hostmaster (\d+)/.exec(next)![1]);
  assert.ok(serial > 2026120801, String(serial));
  // Typed in: gone at once, before any save.
  s.edit(next);
  assert.deepEqual(s.serialWarnings(), []);
});

test('in the editor: a save that only reformats, or puts the records back, says nothing', () => {
  const s = session(ZONE);
  s.edit(ZONE.replace('www  IN A   192.0.2.80', 'www 3600 IN A 192.0.2.80 ; moved comment'));
  assert.equal(s.save(), false);
  assert.deepEqual(s.serialWarnings(), []);
  s.edit(ZONE + 'mail IN A 192.0.2.25\n');
  assert.equal(s.save(), true);
  assert.equal(s.serialWarnings().length, 1);
  s.edit(ZONE);
  assert.equal(s.serialWarnings().length, 1, 'still, until saved');
  assert.equal(s.save(), true);
  assert.deepEqual(s.serialWarnings(), []);
  assert.match(formatMessage({ code: 'zone-serial-unchanged', offset: 0, length: 0, args: { serial: 1 } }, 'ja'), /シリアル番号が 1 のまま保存されました/);
});

test('in the editor: a file without an SOA record, or closed and opened again, has no baseline to compare', () => {
  const s = session('$ORIGIN example.jp.\nwww A 192.0.2.1\n');
  s.edit('$ORIGIN example.jp.\nwww A 192.0.2.2\n');
  assert.equal(s.save(), true);
  assert.deepEqual(s.serialWarnings(), []);
  const t = session(ZONE);
  t.edit(ZONE.replace('192.0.2.80', '192.0.2.81'));
  t.service.forget(t.doc.uri);
  assert.equal(t.save(), false, 'forgotten: the next open starts afresh');
});
