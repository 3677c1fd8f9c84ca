import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { firstAtOrAbove, lastAtOrBelow } from '../../server/src/sorted';

test('binary searches over ascending keys find what a linear search finds', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), fc.nat(), (values, x, cut) => {
      const keys = Float64Array.from(values.sort((a, b) => a - b));
      const end = keys.length === 0 ? 0 : cut % (keys.length + 1);
      let last = -1;
      for (let i = 0; i < end; i++) if (keys[i] <= x) last = i;
      assert.equal(lastAtOrBelow(keys, x, end), last);
      assert.equal(firstAtOrAbove(keys, x), keys.findIndex((k) => k >= x) === -1 ? keys.length : keys.findIndex((k) => k >= x));
    }),
    { numRuns: 500, seed: 7 },
  );
});
