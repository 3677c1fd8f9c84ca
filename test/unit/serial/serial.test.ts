import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bumpSerialEdit, detectSerialFormat, nextSerial, todaySerial } from '../../../server/src/serial/index';
import { parseZoneText } from '../../../server/src/zone/index';

/** 15 January 2024, 10:30 local time: today's first date serial is 2024011500. */
const NOW = new Date(2024, 0, 15, 10, 30);
const NOW_UNIX = Math.floor(NOW.getTime() / 1000);

test('the style is read from the current value', () => {
  assert.equal(detectSerialFormat(2024011503), 'date');
  assert.equal(detectSerialFormat('1999123100'), 'date');
  assert.equal(detectSerialFormat(1705314600), 'unix');
  assert.equal(detectSerialFormat(42), 'increment');
  assert.equal(detectSerialFormat(20240115), 'increment', 'eight digits is not YYYYMMDDnn');
  assert.equal(detectSerialFormat(2024133100), 'unix', 'month 13 is not a date');
  assert.equal(detectSerialFormat(0), 'increment');
});

test("today's date serial uses the local calendar day", () => {
  assert.equal(todaySerial(NOW), 2024011500);
  assert.equal(todaySerial(new Date(1999, 11, 31, 23, 59)), 1999123100);
});

test('date: an older date moves to today nn=00', () => {
  assert.deepEqual(nextSerial(2023123107, 'date', NOW), { serial: 2024011500 });
  assert.deepEqual(nextSerial(1, 'date', NOW), { serial: 2024011500 });
});

test("date: today's serial counts up by one", () => {
  assert.deepEqual(nextSerial(2024011500, 'date', NOW), { serial: 2024011501 });
  assert.deepEqual(nextSerial(2024011598, 'date', NOW), { serial: 2024011599 });
});

test('date: nn overflow runs into the next day with a warning', () => {
  assert.deepEqual(nextSerial(2024011599, 'date', NOW), { serial: 2024011600, warning: 'nn-overflow' });
});

test('date: a serial dated in the future is never set back', () => {
  assert.deepEqual(nextSerial(2024020100, 'date', NOW), { serial: 2024020101, warning: 'date-in-future' });
});

test('unix: the clock, or one more when the serial is ahead of it', () => {
  assert.deepEqual(nextSerial(1700000000, 'unix', NOW), { serial: NOW_UNIX });
  assert.deepEqual(nextSerial(NOW_UNIX + 50, 'unix', NOW), { serial: NOW_UNIX + 51 });
});

test('increment: +1, wrapping past 2^32-1 with a warning', () => {
  assert.deepEqual(nextSerial(41, 'increment', NOW), { serial: 42 });
  assert.deepEqual(nextSerial(4294967295, 'increment', NOW), { serial: 0, warning: 'wrapped' });
});

test('a jump of 2^31 or more is flagged (RFC 1982 §3.2)', () => {
  // Forcing the date style on a small serial is fine: the step is below 2^31.
  assert.equal(nextSerial(7, 'date', NOW).warning, undefined);
  // Forcing unix time on a serial just below the clock minus 2^31 is not.
  const old = NOW_UNIX - 2 ** 31 - 5;
  assert.deepEqual(nextSerial(old, 'unix', NOW), { serial: NOW_UNIX, warning: 'step-too-large' });
});

const ZONE = `$ORIGIN example.com.
$TTL 3600
@   IN SOA ns1.example.com. hostmaster.example.com. (
        2024010302 ; serial
        7200 3600 1209600 300 )
    IN NS ns1
ns1 IN A 192.0.2.1
`;

function apply(text: string, e: { offset: number; length: number; newText: string }): string {
  return text.slice(0, e.offset) + e.newText + text.slice(e.offset + e.length);
}

test('bumpSerialEdit replaces the SOA serial token only', () => {
  const zone = parseZoneText(ZONE);
  const edit = bumpSerialEdit(ZONE, zone, NOW);
  assert.ok(edit);
  assert.equal(ZONE.slice(edit.offset, edit.offset + edit.length), '2024010302');
  assert.equal(apply(ZONE, edit), ZONE.replace('2024010302', '2024011500'));
});

test('bumpSerialEdit honours a forced style and single-line SOAs', () => {
  const text = 'example.com. 3600 IN SOA ns1.example.com. h.example.com. 17 7200 3600 1209600 300\n';
  const zone = parseZoneText(text);
  assert.equal(bumpSerialEdit(text, zone, NOW)?.newText, '18');
  assert.equal(bumpSerialEdit(text, zone, NOW, 'date')?.newText, '2024011500');
  assert.equal(bumpSerialEdit(text, zone, NOW, 'unix')?.newText, String(NOW_UNIX));
});

test('bumpSerialEdit finds nothing without an SOA', () => {
  const text = '$ORIGIN example.com.\nwww 300 IN A 192.0.2.1\n';
  assert.equal(bumpSerialEdit(text, parseZoneText(text), NOW), undefined);
});

test('bumping twice keeps counting up within the day', () => {
  let text = ZONE;
  for (const want of ['2024011500', '2024011501', '2024011502']) {
    const edit = bumpSerialEdit(text, parseZoneText(text), NOW);
    assert.ok(edit);
    text = apply(text, edit);
    assert.match(text, new RegExp(`\\b${want} ; serial`));
  }
});
