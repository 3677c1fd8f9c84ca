import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseZoneText, printZone } from '../../../server/src/zone/index';

/** Fragments that exercise the scanner and directives in random orders. */
const piece = fc.constantFrom(
  ' ', '\t', '\n', '\r\n', '\r', '(', ')', '"', '\\', ';', '; c\n', '@', '.', '$', '$$', '${1,2,x}',
  'www', 'a.b.', 'IN', 'CH', '3600', '1h', 'A', 'TXT', 'MX', 'SOA', 'NS', 'TYPE65', 'CNAME',
  '192.0.2.1', '10', '"x y"', '\\# 1 00', '$ORIGIN', '$TTL', '$INCLUDE', '$GENERATE', '$DATE', '1-3', 'h$', '*',
  '\u3000', '\u201c', '\uff09',
);

test('any text parses without throwing, with problems inside the text', () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      const zone = parseZoneText(text, { origin: 'example.', readFile: () => undefined });
      for (const p of zone.problems) {
        if (p.file !== undefined) continue;
        assert.ok(p.offset >= 0 && p.offset + p.length <= text.length, `${p.code} at ${p.offset}+${p.length}`);
      }
      for (const r of zone.records) assert.ok(r.span.offset >= 0 && r.span.offset + r.span.length <= text.length);
      printZone(zone);
    }),
    { numRuns: 400 },
  );
});

test('arbitrary unicode never throws', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      parseZoneText(text, { origin: 'example.', readFile: () => undefined });
    }),
    { numRuns: 300 },
  );
});
