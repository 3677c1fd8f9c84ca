/** The fast paths must agree exactly with the full text → wire → text path. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseRdata, parseRdataFull } from '../../../server/src/zone/rdata/index';
import { fastRdata, isPlainAddress } from '../../../server/src/zone/rdata/fast';
import { tokens } from './helpers';

function same(code: number, text: string): void {
  const toks = tokens(text);
  const fast = parseRdata(code, toks, { origin: 'example.' });
  const full = parseRdataFull(code, toks, { origin: 'example.' });
  assert.deepEqual(fast, full, text);
  // Offsets made when read (zone/charString.ts) are not own properties: compared as JSON.
  assert.equal(JSON.stringify(fast), JSON.stringify(full), text);
  // The parser only checks an address isPlainAddress accepts, and makes its RDATA by fastRdata later.
  if (code === 1 || code === 28) assert.equal(isPlainAddress(code, toks), fastRdata(code, toks, '.') !== undefined, text);
}

const hexGroup = fc.integer({ min: 0, max: 0xffff }).map((v) => v.toString(16));
const ipv6 = fc
  .tuple(fc.array(hexGroup, { minLength: 8, maxLength: 8 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }))
  .map(([groups, from, len]) => {
    const to = Math.min(8, from + len);
    if (len < 1) return groups.join(':');
    return `${groups.slice(0, from).join(':')}::${groups.slice(to).join(':')}`;
  });

describe('fast paths agree with the full path', () => {
  it('AAAA, including malformed ones', () => {
    fc.assert(fc.property(ipv6, (a) => same(28, a)), { numRuns: 2000 });
    for (const a of ['::', '::1', '1::', ':::', '1:::2', '1::2::3', '12345::', 'g::', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', ':1::', '1::2:']) {
      same(28, a);
    }
  });
  it('A', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('0', '1', '9', '.', '00', '255', '256', 'a'), { maxLength: 9 }), (parts) => same(1, parts.join('') || '.')), {
      numRuns: 2000,
    });
  });
  it('names, MX and TXT', () => {
    const word = fc.stringMatching(/^[a-z0-9@.*\\"-]{1,12}$/);
    fc.assert(
      fc.property(word, fc.integer({ min: 0, max: 70000 }), (w, pref) => {
        same(2, w);
        same(5, w);
        same(15, `${pref} ${w}`);
        same(16, `"${w.replace(/"/g, '')}" ${w}`);
      }),
      { numRuns: 2000 },
    );
  });
  it('SRV, including out-of-range, signed, padded and quoted numbers', () => {
    const number = fc.oneof(
      fc.integer({ min: 0, max: 70000 }).map(String),
      fc.constantFrom('0', '00', '010', '65535', '65536', '99999', '100000', '-1', '+1', '1e3', '0x10', '"5"', ''),
    );
    const target = fc.stringMatching(/^[a-zA-Z0-9@.*\\"_-]{1,12}$/);
    fc.assert(
      fc.property(number, number, number, target, (pri, weight, port, t) => {
        same(33, [pri, weight, port, t].filter((x) => x !== '').join(' '));
      }),
      { numRuns: 3000 },
    );
    for (const text of ['10 60 5060 sip.example.', '0 0 0 .', '1 2 3 @', '1 2 3', '1 2 3 a b', '1 2 3 "a"']) same(33, text);
  });
});
