/**
 * The shared record indexes of one analysis run (zone/checks/owners.ts): owner groups
 * compare names without ASCII case and keep zone order, type lists and their merges keep
 * zone order, and nothing is served once the list changed or the run ended.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseZoneText } from '../../../server/src/zone/index';
import type { ResourceRecord } from '../../../server/src/zone/ast';
import { ownerGroups, recordsOfType, recordsOfTypes } from '../../../server/src/zone/checks/owners';

const TEXT = [
  '$ORIGIN example.com.',
  '$TTL 300',
  '@ SOA ns1 hostmaster 1 7200 900 1209600 300',
  '  NS ns1',
  '  MX 10 mail',
  'www A 192.0.2.1',
  'Mail A 192.0.2.2',
  '  TXT "v=spf1 -all"',
  'www AAAA 2001:db8::1',
  'mail MX 10 mail',
  'WWW TXT "hello"',
  '',
].join('\n');

const describe = (rs: readonly ResourceRecord[]) => rs.map((r) => `${r.owner} ${r.type}`);

test('owner groups: one per name whatever its case, records in zone order, keys in order of first appearance', () => {
  const zone = parseZoneText(TEXT);
  const groups = ownerGroups(zone.records);
  assert.deepEqual([...groups.keys()], ['example.com.', 'www.example.com.', 'mail.example.com.']);
  assert.deepEqual(describe(groups.get('www.example.com.')!), [
    'www.example.com. A',
    'www.example.com. AAAA',
    'WWW.example.com. TXT',
  ]);
  assert.deepEqual(describe(groups.get('mail.example.com.')!), [
    'Mail.example.com. A',
    'Mail.example.com. TXT',
    'mail.example.com. MX',
  ]);
});

test('records of one or several types come in zone order, as a filter of the zone gives them', () => {
  const zone = parseZoneText(TEXT);
  const filter = (codes: number[]) => zone.records.filter((r) => codes.includes(r.typeCode));
  assert.deepEqual(recordsOfType(zone.records, 15), filter([15]));
  assert.deepEqual(recordsOfType(zone.records, 99), []);
  assert.deepEqual(recordsOfTypes(zone.records, [16, 15]), filter([16, 15]));
  assert.deepEqual(recordsOfTypes(zone.records, [1, 28, 15, 15]), filter([1, 28, 15]));
  assert.deepEqual(recordsOfTypes(zone.records, [99, 6]), filter([6]));
});

test('a list that grew within the run, or a run that ended, is indexed again', async () => {
  const zone = parseZoneText(TEXT);
  const records = [...zone.records];
  assert.equal(recordsOfType(records, 16).length, 2);
  records.push(records[records.length - 1]);
  assert.equal(recordsOfType(records, 16).length, 3, 'the longer list is read again');
  const first = ownerGroups(records);
  assert.equal(ownerGroups(records), first, 'shared within the run');
  await Promise.resolve();
  assert.notEqual(ownerGroups(records), first, 'made anew in a later run');
});

test("a parsed zone's records are frozen: their groups are made once and kept across runs", async () => {
  const zone = parseZoneText(TEXT);
  assert.ok(Object.isFrozen(zone.records), 'parseZoneText freezes the list');
  const first = ownerGroups(zone.records);
  const types = recordsOfType(zone.records, 16);
  await Promise.resolve();
  assert.equal(ownerGroups(zone.records), first, 'the same groups in a later run');
  assert.equal(recordsOfType(zone.records, 16), types, 'the same type list in a later run');
  assert.notEqual(ownerGroups(parseZoneText(TEXT).records), first, 'another list has groups of its own');
});
