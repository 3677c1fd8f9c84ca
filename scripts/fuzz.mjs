// The long fuzz run (issue 10): the properties of test/helpers/fuzz.ts over
// FUZZ_RUNS inputs in total (default 1,000,000), split by each property's weight,
// in batches with fresh seeds; progress and totals on stderr/stdout.
//
//   npm run fuzz                         # 1,000,000 inputs
//   FUZZ_RUNS=20000 npm run fuzz         # a quick run
//   FUZZ_ONLY=SPF FUZZ_SEED=42 npm run fuzz
//
// Run with tsx (`node --import tsx scripts/fuzz.mjs`): the helper is TypeScript.
// Exit status 1 on the first counterexample, printed with its seed and path.
import fc from 'fast-check';
import helper from '../test/helpers/fuzz.ts';

const total = Number(process.env.FUZZ_RUNS ?? 1_000_000);
const batch = Number(process.env.FUZZ_BATCH ?? 2000);
const only = process.env.FUZZ_ONLY;
let seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

if (!(Number.isInteger(total) && total > 0)) {
  console.error(`FUZZ_RUNS must be a positive integer, not ${process.env.FUZZ_RUNS}`);
  process.exit(2);
}

const properties = helper.fuzzProperties().filter((p) => !only || p.name.toLowerCase().includes(only.toLowerCase()));
if (properties.length === 0) {
  console.error(`no property matches FUZZ_ONLY=${only}`);
  process.exit(2);
}
const weights = properties.reduce((s, p) => s + p.weight, 0);
console.log(`fuzz: ${total.toLocaleString('en')} inputs over ${properties.length} properties, first seed ${seed}`);

const started = Date.now();
let done = 0;
let lastReport = 0;
let weightSoFar = 0;
for (const p of properties) {
  // Cumulative rounding: the shares add up to exactly FUZZ_RUNS.
  const share = Math.round((total * (weightSoFar + p.weight)) / weights) - Math.round((total * weightSoFar) / weights);
  weightSoFar += p.weight;
  const t0 = Date.now();
  let ran = 0;
  while (ran < share) {
    const numRuns = Math.min(batch, share - ran);
    const result = await fc.check(p.property(), { numRuns, seed });
    if (result.failed) {
      console.error(`\nFAILED: ${p.name}\n${fc.defaultReportMessage(result)}`);
      if (result.errorInstance) console.error(String(result.errorInstance?.stack ?? result.errorInstance));
      console.error(`replay: FUZZ_SEED=${seed} FUZZ_PATH=${result.counterexamplePath} node --import tsx --test test/unit/fuzz/properties.test.ts`);
      process.exit(1);
    }
    ran += numRuns;
    done += numRuns;
    seed = (seed + 1) % 2 ** 31;
    const now = Date.now();
    if (now - lastReport > 5000) {
      lastReport = now;
      const rate = done / ((now - started) / 1000);
      const eta = (total - done) / rate;
      process.stderr.write(`  ${done.toLocaleString('en')}/${total.toLocaleString('en')} inputs, ${Math.round(rate)}/s, ~${Math.round(eta)} s left (${p.name})\n`);
    }
  }
  const secs = (Date.now() - t0) / 1000;
  console.log(`ok  ${p.name}: ${ran.toLocaleString('en')} inputs in ${secs.toFixed(1)} s (${Math.round(ran / Math.max(secs, 0.001))}/s)`);
}
const secs = (Date.now() - started) / 1000;
console.log(`fuzz: ${done.toLocaleString('en')} inputs, no failure, ${secs.toFixed(1)} s (${Math.round(done / Math.max(secs, 0.001))}/s)`);
