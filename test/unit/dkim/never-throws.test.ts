import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTagList } from '../../../server/src/dkim/taglist';
import { checkDkim, decodeDkimKey, parseDkimKey } from '../../../server/src/dkim/index';
import { checkDmarc, parseDmarc, reportUris } from '../../../server/src/dmarc/index';
import { BIMI, MTASTS, TLSRPT, checkMailPolicy, parsePolicyRecord } from '../../../server/src/mailpolicy/index';
import { fixtureZoneLoose } from '../../fixtures/mail/zone';

// Octet strings biased towards the characters these grammars care about.
const octets = fc
  .array(fc.oneof(fc.constantFrom('v', '=', ';', ':', ',', ' ', '\t', 'p', 'D', 'M', 'A', 'R', 'C', '1', 'a', '@', '/', '+'), fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c))), { maxLength: 60 })
  .map((chars) => chars.join(''));

test('the tag-list parsers never throw and keep every range inside the text', () => {
  fc.assert(
    fc.property(octets, (text) => {
      const list = parseTagList(text);
      for (const t of list.tags) assert.ok(0 <= t.start && t.start <= t.valueStart && t.valueEnd <= t.end && t.end <= text.length);
      for (const e of list.errors) assert.ok(0 <= e.from && e.from <= e.to && e.to <= text.length);
      const dmarc = parseDmarc(text);
      for (const name of ['rua', 'ruf']) {
        const tag = dmarc.tag(name);
        if (tag) for (const u of reportUris(tag)) assert.ok(u.from <= u.to && u.to <= text.length);
      }
      const key = parseDkimKey(text);
      if (key.publicKey !== undefined) decodeDkimKey(key.keyType, key.publicKey);
      for (const kind of [MTASTS, TLSRPT, BIMI]) parsePolicyRecord(kind, text);
    }),
    { numRuns: 300 },
  );
});

test('the zone checks never throw and report inside the record they are about', () => {
  const quote = (s: string) =>
    '"' + [...s].map((c) => (c === '"' || c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) > 0x7e ? '\\' + String(c.charCodeAt(0)).padStart(3, '0') : c)).join('') + '"';
  const owners = fc.constantFrom('_dmarc', 'sel._domainkey', '_mta-sts', '_smtp._tls', 'default._bimi', '@', 'www', 'a._report._dmarc');
  // No strings at all too: a TXT record whose RDATA is missing (a syntax error of its own).
  const records = fc.array(fc.tuple(owners, fc.array(octets, { minLength: 0, maxLength: 3 })), { maxLength: 6 });
  fc.assert(
    fc.property(records, (list) => {
      const text = '; a comment first: offset 0 is in no record\n' + list.map(([owner, strings]) => `${owner} TXT ( ${strings.map(quote).join(' ')} )`).join('\n') + '\n@ MX 10 mail\n';
      const zone = fixtureZoneLoose(text);
      // Inside a record, not just the document: the incremental zone keeps each problem with
      // the record it lies in (a problem at offset 0 about a record further down was lost).
      const inside = (p: { offset: number; length: number }) =>
        zone.records.some((r) => r.span.offset <= p.offset && p.offset + p.length <= r.span.offset + r.span.length);
      for (const p of [...checkDmarc(zone), ...checkDkim(zone), ...checkMailPolicy(zone)]) {
        assert.ok(p.offset >= 0 && p.offset + p.length <= text.length, `${p.code} at ${p.offset}+${p.length}`);
        assert.ok(inside(p), `${p.code} at ${p.offset}+${p.length} lies in a record of ${JSON.stringify(text)}`);
      }
    }),
    { numRuns: 300 },
  );
});
