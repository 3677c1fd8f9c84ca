// steps.ts: work written as a generator runs at once, or in slices of the event loop that
// other work gets between; a cancelled run stops at its next wait.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runSteps, runStepsIn, runStepsSliced, Slices, SLICE_MS, type Steps } from '../../server/src/steps';
import { countTurns } from '../helpers/turns';

/** `n` steps of about `ms` each, counting them; returns how many ran. */
function* busy(n: number, ms: number, ran: { steps: number }): Steps<number> {
  for (let i = 0; i < n; i++) {
    yield;
    const until = performance.now() + ms;
    while (performance.now() < until);
    ran.steps++;
  }
  return ran.steps;
}

test('runSteps runs every step at once and gives the result', () => {
  const ran = { steps: 0 };
  assert.equal(runSteps(busy(5, 0, ran)), 5);
  assert.equal(runStepsIn(busy(3, 0, { steps: 0 }), undefined), 3, 'without slices: at once, not a promise');
});

test('runStepsSliced lets the event loop turn once a slice is used up', async () => {
  const stopCounting = countTurns();
  const steps = 40;
  const result = await runStepsSliced(busy(steps, 1, { steps: 0 }), new Slices());
  const turns = stopCounting();
  assert.equal(result, steps);
  // 40 ms of steps in slices of SLICE_MS: a turn every few steps, not one at the end.
  assert.ok(turns >= Math.floor(steps / (SLICE_MS * 2)), `${turns} turns`);
});

test('a run in slices stops at its next wait once cancelled, with the abort reason', async () => {
  const abort = new AbortController();
  const ran = { steps: 0 };
  const run = runStepsSliced(busy(1000, 1, ran), new Slices(abort.signal));
  setImmediate(() => abort.abort());
  await assert.rejects(run, (e: Error) => e.name === 'AbortError');
  assert.ok(ran.steps < 1000 && ran.steps >= 1, `${ran.steps} steps ran`);
});

test('the parts of one run that wait share one turn', async () => {
  const slices = new Slices();
  const until = performance.now() + SLICE_MS + 2;
  while (performance.now() < until);
  const a = slices.due();
  const b = slices.due();
  assert.ok(a !== undefined && a === b, 'one pause for every caller');
  await a;
  assert.equal(slices.due(), undefined, 'a new slice after the turn');
});
