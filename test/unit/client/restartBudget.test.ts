import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RestartBudget } from '../../../client/src/restartBudget';

const MIN = 60_000;

test('five restarts in three minutes, then none until the oldest leaves the window', () => {
  const budget = new RestartBudget();
  const t0 = 1_000_000;
  for (let i = 0; i < 5; i++) assert.equal(budget.allow(t0 + i * 1000), true, `restart ${i + 1}`);
  assert.equal(budget.allow(t0 + 10_000), false, 'the sixth crash within three minutes');
  assert.equal(budget.allow(t0 + 3 * MIN - 1), false, 'still inside the window of the first');
  assert.equal(budget.allow(t0 + 3 * MIN), true, 'the first restart left the window');
  assert.equal(budget.allow(t0 + 3 * MIN + 1), false, 'the other four are still in it');
});

test('a denied crash does not count; reset starts afresh; the bound is configurable', () => {
  const budget = new RestartBudget({ max: 2, windowMs: 1000 });
  assert.equal(budget.allow(0), true);
  assert.equal(budget.allow(1), true);
  assert.equal(budget.allow(2), false);
  assert.equal(budget.allow(1000), true, 'the crash at 0 left the window; the denied one at 2 never counted');
  budget.reset();
  assert.equal(budget.allow(1001), true);
  assert.equal(budget.allow(1002), true);
  assert.equal(budget.allow(1003), false);
});
