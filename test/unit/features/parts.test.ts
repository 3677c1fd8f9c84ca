/**
 * What features keep per part of an incremental zone (zone/parts.ts: the document's own
 * records and their places, which records get a code lens, which are written across lines)
 * must give, after every edit, exactly what the same features give on the whole text
 * parsed again. Small pieces make edits cross piece boundaries often; $GENERATE and
 * $INCLUDE records are in the zone but not the document's own.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ChunkedDocument } from '../../../server/src/document';
import { IncrementalZone } from '../../../server/src/incremental/zone';
import { parseZoneText } from '../../../server/src/zone/index';
import { zoneParts } from '../../../server/src/zone/parts';
import type { Zone } from '../../../server/src/zone/ast';
import { ownRecords, ownRecordsIn, recordAt } from '../../../server/src/fixes/records';
import { getCodeLenses } from '../../../server/src/features/codeLens';
import { getFoldingRanges } from '../../../server/src/features/folding';
import { getDocumentSymbols } from '../../../server/src/features/symbols';
import { Rng } from '../../helpers/zonegen';
import { asChange, edit, generate } from '../incremental/gen';

const INCLUDED = 'inc1\tA 192.0.2.9\ninc1\tTXT "v=spf1 -all"\n';
const OPTIONS = {
  origin: 'example.com.',
  path: '/zones/example.com.zone',
  readFile: (p: string) => (p === '/zones/included.zone' ? INCLUDED : undefined),
};
const EXTRA = [
  '$GENERATE 1-4 gen$ A 192.0.2.$',
  '$INCLUDE included.zone',
  'multi\tIN\tTXT ( "v=spf1 a"',
  '\t"-all" )',
  '$GENERATE 5-6 gen$ TXT v=spf1',
];

/** What the features give for this zone of the document: each compared as a whole. */
function features(document: ChunkedDocument, zone: Zone) {
  const parsed = { document, path: OPTIONS.path, zone };
  const own = ownRecords(zone);
  const places = own.map((r) => [r.span.offset, r.span.length]);
  const length = document.getText().length;
  // Around every record's start and end (where a search decides between neighbours), and elsewhere.
  const probes = [0, 1, Math.floor(length / 3), Math.floor(length / 2), length - 1, length].flatMap((o) => [o, o + 7]);
  for (const r of zone.records) for (const o of [r.span.offset, r.span.offset + r.span.length]) probes.push(o - 1, o, o + 1);
  return {
    places,
    at: probes.map((o) => recordAt(zone, o)?.span.offset ?? null),
    within: probes.map((o) => ownRecordsIn(zone, o, o + 40).map((r) => r.span.offset)),
    lenses: getCodeLenses({ ...parsed, locale: 'en' }, 0),
    folding: getFoldingRanges(parsed),
    symbols: getDocumentSymbols(parsed),
    capped: getDocumentSymbols(parsed, 7),
  };
}

describe('features kept per part of an incremental zone', () => {
  for (let seed = 1; seed <= 30; seed++) {
    it(`seed ${seed}: 20 random edits`, () => {
      const rng = new Rng(seed * 104729);
      const lines = generate(seed, rng.int(15, 50)).split('\n');
      for (const extra of EXTRA) lines.splice(rng.int(3, lines.length - 1), 0, ...extra.split('\n'));
      let text = lines.join('\n');
      const inc = new IncrementalZone(OPTIONS, () => new Date('2026-11-24T00:00:00Z'), rng.int(1, 5));
      const doc = new ChunkedDocument('file:///zones/example.com.zone', 'dns-zone', 1, text, rng.int(8, 64));
      inc.update(doc, doc.takeChange());
      let parts = 0;
      let kept = 0;
      let previous = new Set<unknown>();
      for (let i = 0; i <= 20; i++) {
        if (i > 0) {
          const before = text;
          text = edit(rng, text);
          // The edit as an editor sends it: the range that changed (the parts around it stay).
          doc.update([asChange(doc, before, text)], i + 1);
          assert.equal(doc.getText(), text);
          inc.update(doc, doc.takeChange());
        }
        const zone = inc.zone();
        const now = zoneParts(zone);
        parts = Math.max(parts, now.length);
        kept += now.filter((p) => previous.has(p.records)).length;
        previous = new Set(now.map((p) => p.records));
        const got = features(doc, zone);
        assert.deepEqual(got, features(doc, parseZoneText(text, OPTIONS)), `seed ${seed}, edit ${i}`);
        // Lenses only on the document's own TXT records ($GENERATE and $INCLUDE make SPF records too).
        const ownTxt = new Set(ownRecords(zone).filter((r) => r.type === 'TXT').map((r) => r.span.offset));
        for (const lens of got.lenses) assert.ok(ownTxt.has(doc.offsetAt(lens.range.start)), `seed ${seed}, edit ${i}: lens on ${JSON.stringify(lens.range)}`);
      }
      assert.ok(parts > 3, `only ${parts} parts`);
      assert.ok(kept > 20, `only ${kept} parts kept across edits`);
    });
  }
});
