/**
 * spfRecordOf remembers each record's parse: a record moved by an edit above it gets a
 * context with spans into its moved text (its text is not parsed again), and a record
 * whose RDATA is changed in place gets the parse of its new text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spfRecordOf } from '../../../server/src/spf/check';
import { IncrementalZone } from '../../../server/src/incremental/zone';
import { parseZoneText } from '../../../server/src/zone/index';
import type { ResourceRecord, Span, Zone } from '../../../server/src/zone/ast';
import { movedCharString } from '../../../server/src/zone/charString';

const OPTIONS = { origin: 'example.com.', defaultTtl: 3600 };
const SPF = '"v=spf1 ip4:192.0.2.1 " "include:_spf.example.net a:mail.example.com -all"';

function zoneText(extra: string): string {
  const hosts = Array.from({ length: 12 }, (_, i) => `h${i} A 192.0.2.${i + 1}\n`).join('');
  return `@ SOA ns hostmaster 1 2 3 4 5\n@ NS ns\n${extra}${hosts}mail TXT ${SPF}\n`;
}

function spfRecord(zone: Zone): ResourceRecord {
  const found = zone.records.find((r) => r.typeCode === 16);
  assert.ok(found, 'the zone has its TXT record');
  return found;
}

test('a record moved by an edit above it: spans into the moved text, the same parse', () => {
  const inc = new IncrementalZone(OPTIONS, undefined, 2);
  const before = zoneText('');
  inc.update(before);
  const record = spfRecord(inc.zone());
  const first = spfRecordOf(record);
  assert.ok(first);

  const after = zoneText('new A 192.0.2.99\nnewer A 192.0.2.98\n');
  inc.update(after);
  // The piece holding the TXT record was not parsed again, only moved: the same record.
  const moved = spfRecord(inc.zone());
  assert.equal(moved, record, 'the TXT record is the one parsed before the edit');
  const again = spfRecordOf(moved);
  assert.ok(again);
  assert.notEqual(again, first, 'a new context for the moved record');
  assert.equal(again.spf.terms, first.spf.terms, 'the parse of the text is the same one');
  assert.equal(spfRecordOf(moved), again, 'remembered for the moved RDATA');

  // Every term's span is the one a fresh parse of the new text gives, and covers the term.
  const fresh = spfRecordOf(spfRecord(parseZoneText(after, OPTIONS)));
  assert.ok(fresh);
  assert.equal(again.spf.terms.length, 4);
  for (const term of again.spf.terms) {
    const span: Span = again.spf.spanOf(term.from, term.to);
    assert.deepEqual(span, fresh.spf.spanOf(term.from, term.to));
    assert.equal(after.slice(span.offset, span.offset + span.length), again.spf.text.slice(term.from, term.to));
  }
  const shift = 'new A 192.0.2.99\nnewer A 192.0.2.98\n'.length;
  const last = first.spf.terms[3];
  assert.equal(again.spf.spanOf(last.from, last.to).offset, first.spf.spanOf(last.from, last.to).offset + shift);
});

test('a record whose RDATA changes in place: the new text is parsed', () => {
  const zone = parseZoneText(
    'a TXT "v=spf1 ip4:192.0.2.1 -all"\nb TXT "v=spf1 include:_spf.example.net ~all"\nc TXT "hello"\n',
    OPTIONS,
  );
  const [a, b, c] = zone.records;
  const record: { -readonly [K in keyof ResourceRecord]: ResourceRecord[K] } = { ...(a as unknown as { toJSON(): ResourceRecord }).toJSON() };
  assert.equal(spfRecordOf(record)?.spf.text, 'v=spf1 ip4:192.0.2.1 -all');
  record.rdata = b.rdata;
  assert.equal(spfRecordOf(record)?.spf.text, 'v=spf1 include:_spf.example.net ~all');
  // The same text in other strings (a copy of the RDATA): the same parse, spans from the copy.
  const copy = { ...b.rdata, strings: b.rdata.strings?.map((s) => movedCharString(s, 100)) };
  record.rdata = copy;
  const copied = spfRecordOf(record);
  assert.equal(copied?.spf.text, 'v=spf1 include:_spf.example.net ~all');
  assert.equal(copied?.spf.spanOf(0, 6).offset, (b.rdata.strings?.[0].span.offset ?? 0) + 100 + 1);
  record.rdata = c.rdata;
  assert.equal(spfRecordOf(record), null, 'not an SPF record any more');
});
