/**
 * The short fuzz run (issue 10): every property of test/helpers/fuzz.ts for a few
 * hundred inputs. `npm run fuzz` runs the same properties over a million and more.
 * A failure prints fast-check's seed and path: replay it with FUZZ_SEED/FUZZ_PATH.
 */
import { test } from 'node:test';
import fc from 'fast-check';
import { fuzzProperties } from '../../helpers/fuzz';

const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const replayPath = process.env.FUZZ_PATH;

for (const p of fuzzProperties()) {
  test(p.name, async () => {
    await fc.assert(p.property(), { numRuns: p.shortRuns, ...(seed === undefined ? {} : { seed }), ...(replayPath ? { path: replayPath } : {}) });
  });
}
