import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ownRecordsIn, recordAt, touches } from '../../../server/src/features/spans';
import { parseZoneText } from '../../../server/src/zone/index';
import { Rng } from '../../helpers/zonegen';
import { generate } from '../incremental/gen';

// recordAt and ownRecordsIn search the zone's own records by their places: the same answers
// as reading every record, in generated zones ($GENERATE and $INCLUDE'd records among them).
test('the record under an offset and the records in a range, by search, are those found by reading every record', () => {
  const files: Record<string, string> = { '/z/inc.zone': 'inc1 IN A 192.0.2.7\ninc2 IN TXT "x"\n' };
  for (let seed = 1; seed <= 40; seed++) {
    const rng = new Rng(seed * 31);
    const text = generate(seed, 40) + '$GENERATE 1-3 gen$ IN A 192.0.2.$\n$INCLUDE inc.zone\nlast IN A 192.0.2.9\n';
    const zone = parseZoneText(text, { origin: 'example.com.', path: '/z/db.example', readFile: (p) => files[p] });
    const own = zone.records.filter((r) => r.file === undefined && !r.generated);
    assert.ok(zone.records.some((r) => r.generated) && zone.records.some((r) => r.file !== undefined));
    for (let k = 0; k < 200; k++) {
      const offset = rng.int(0, text.length);
      assert.equal(recordAt(zone, offset), own.find((r) => touches(r.span, offset)), `seed ${seed}, offset ${offset}`);
      const to = Math.min(text.length, offset + rng.int(0, 200));
      const expected = own.filter((r) => r.span.offset <= to && r.span.offset + r.span.length >= offset);
      assert.deepEqual(ownRecordsIn(zone, offset, to), expected, `seed ${seed}, ${offset}-${to}`);
    }
  }
});
