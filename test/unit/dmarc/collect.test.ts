/**
 * collectDmarc parses each record's text once while the text stays the same: a record
 * moved by an edit above it keeps its parse, a record whose text changes gets a new one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectDmarc } from '../../../server/src/dmarc/collect';
import { IncrementalZone } from '../../../server/src/incremental/zone';
import { parseZoneText } from '../../../server/src/zone/index';
import type { ResourceRecord, Zone } from '../../../server/src/zone/ast';

const OPTIONS = { origin: 'example.com.', defaultTtl: 3600 };

/** The next macrotask: the views shared within one run are dropped by then. */
const nextRun = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function zoneText(extra: string): string {
  const hosts = Array.from({ length: 12 }, (_, i) => `h${i} A 192.0.2.${i + 1}\n`).join('');
  return `@ SOA ns hostmaster 1 2 3 4 5\n@ NS ns\n${extra}${hosts}_dmarc TXT "v=DMARC1; p=reject; rua=mailto:d@example.com"\n`;
}

test('a DMARC record moved by an edit above it keeps its parse', async () => {
  const inc = new IncrementalZone(OPTIONS, undefined, 2);
  inc.update(zoneText(''));
  const first = collectDmarc(inc.zone()).contexts;
  assert.equal(first.length, 1);
  await nextRun();
  inc.update(zoneText('new A 192.0.2.99\n'));
  const after = collectDmarc(inc.zone()).contexts;
  assert.equal(after.length, 1);
  assert.equal(after[0].txt.record, first[0].txt.record, 'the same record, moved');
  assert.equal(after[0].dmarc, first[0].dmarc, 'its text is not parsed again');
  assert.equal(after[0].dmarc.tag('p')?.value, 'reject');
});

test('a record whose text changes in place is parsed again', async () => {
  const parsed = parseZoneText('_dmarc TXT "v=DMARC1; p=reject"\nother TXT "v=DMARC1; p=none"\n', OPTIONS);
  const [a, b] = parsed.records;
  const record: { -readonly [K in keyof ResourceRecord]: ResourceRecord[K] } = { ...(a as unknown as { toJSON(): ResourceRecord }).toJSON() };
  const zone: Zone = { ...parsed, records: [record] };
  assert.equal(collectDmarc(zone).contexts[0].dmarc.tag('p')?.value, 'reject');
  await nextRun();
  record.rdata = b.rdata;
  assert.equal(collectDmarc(zone).contexts[0].dmarc.tag('p')?.value, 'none');
});
