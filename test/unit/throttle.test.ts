import * as assert from 'node:assert/strict';
import { Throttle } from '../../src/core/throttle';
import { FakeTime } from './history/fakes';

describe('Throttle (status bar and dashboard updates)', function () {
  it('runs at once when idle, then at most once per interval, always ending with the last state', async function () {
    const time = new FakeTime(1_000_000);
    const runs: number[] = [];
    const throttle = new Throttle(() => runs.push(time.now()), 250, () => time.now(), time);
    throttle.request();
    assert.deepEqual(runs, [1_000_000]);
    for (let i = 0; i < 100; i++) {
      throttle.request();
      await time.advance(5);
    }
    await time.advance(500);
    assert.ok(runs.length >= 2 && runs.length <= 4, `${runs.length} runs in 0.5 s`);
    for (let i = 1; i < runs.length; i++) {
      assert.ok(runs[i] - runs[i - 1] >= 250, 'runs are at least an interval apart');
    }
    assert.ok(runs[runs.length - 1] >= 1_000_000 + 495, 'the trailing run shows the last request');
  });

  it('does not stall when the clock goes backwards', function () {
    const time = new FakeTime(1_000_000);
    let runs = 0;
    const throttle = new Throttle(() => runs++, 250, () => time.now(), time);
    throttle.request();
    time.nowMs -= 60_000;
    throttle.request();
    assert.equal(runs, 2);
  });

  it('runs nothing after dispose', async function () {
    const time = new FakeTime(0);
    let runs = 0;
    const throttle = new Throttle(() => runs++, 250, () => time.now(), time);
    throttle.request();
    throttle.request();
    throttle.dispose();
    await time.advance(1_000);
    assert.equal(runs, 1);
  });
});
