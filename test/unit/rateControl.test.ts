import * as assert from 'node:assert/strict';
import { RateControl } from '../../src/core/rateControl';
import { FakeTime } from './history/fakes';

describe('RateControl', function () {
  describe('as a throttle (trailing: status bar, live dashboard, reflection saves)', function () {
    it('runs at once when idle, then at most once per interval, always ending with the last state', async function () {
      const time = new FakeTime(1_000_000);
      const runs: number[] = [];
      const control = new RateControl(() => runs.push(time.now()), { intervalMs: 250, trailing: true }, () => time.now(), time);
      assert.equal(control.request(), true);
      assert.deepEqual(runs, [1_000_000]);
      for (let i = 0; i < 100; i++) {
        control.request();
        await time.advance(5);
      }
      await time.advance(500);
      assert.ok(runs.length >= 2 && runs.length <= 4, `${runs.length} runs in 0.5 s`);
      for (let i = 1; i < runs.length; i++) {
        assert.ok(runs[i] - runs[i - 1] >= 250, 'runs are at least an interval apart');
      }
      assert.ok(runs[runs.length - 1] >= 1_000_000 + 495, 'the trailing run shows the last request');
      assert.equal(control.pending, false);
      assert.equal(control.dropped, 0);
    });

    it('does not stall when the clock goes backwards', function () {
      const time = new FakeTime(1_000_000);
      let runs = 0;
      const control = new RateControl(() => runs++, { intervalMs: 250, trailing: true }, () => time.now(), time);
      control.request();
      time.nowMs -= 60_000;
      control.request();
      assert.equal(runs, 2);
    });

    it('flushes a waiting request at once, and has nothing left to run after', async function () {
      const time = new FakeTime(0);
      let runs = 0;
      const control = new RateControl(() => runs++, { intervalMs: 250, trailing: true }, () => time.now(), time);
      control.request();
      control.request();
      assert.equal(control.pending, true);
      control.flush();
      assert.equal(runs, 2);
      assert.equal(control.pending, false);
      assert.equal(time.pendingTimers, 0);
      control.flush();
      await time.advance(1_000);
      assert.equal(runs, 2);
    });

    it('runs nothing after dispose', async function () {
      const time = new FakeTime(0);
      let runs = 0;
      const control = new RateControl(() => runs++, { intervalMs: 250, trailing: true }, () => time.now(), time);
      control.request();
      control.request();
      control.dispose();
      await time.advance(1_000);
      assert.equal(runs, 1);
      assert.equal(time.pendingTimers, 0);
    });
  });

  describe('as a limiter (dropping: webview messages, repeated log lines)', function () {
    it('lets a burst through, then the rate, and counts what it drops', function () {
      let now = 0;
      let runs = 0;
      const control = new RateControl(() => runs++, { intervalMs: 50, burst: 60, trailing: false }, () => now);
      for (let i = 0; i < 10_000; i++) {
        control.request();
      }
      assert.equal(runs, 60);
      assert.equal(control.dropped, 10_000 - 60);
      now += 1_000;
      runs = 0;
      for (let i = 0; i < 100; i++) {
        control.request();
      }
      assert.equal(runs, 20, 'twenty a second after the burst');
      assert.equal(control.pending, false);
    });
  });

  describe('after a quiet period (the idle save)', function () {
    it('runs once typing pauses, at most once per interval, and drops what comes sooner', async function () {
      const time = new FakeTime(0);
      const runs: number[] = [];
      const control = new RateControl(() => runs.push(time.now()), { intervalMs: 10_000, quietMs: 3_000, trailing: false }, () => time.now(), time);
      for (let i = 0; i < 50; i++) {
        control.request();
        await time.advance(100);
      }
      assert.deepEqual(runs, [], 'nothing while typing goes on');
      await time.advance(3_000);
      assert.deepEqual(runs, [7_900], 'three seconds after the last request');
      control.request();
      await time.advance(3_000);
      assert.deepEqual(runs, [7_900], 'a second pause within ten seconds saves nothing');
      assert.equal(control.dropped, 1);
      await time.advance(10_000);
      control.request();
      await time.advance(3_000);
      assert.equal(runs.length, 2);
      assert.ok(time.pendingTimers <= 1);
    });

    it('keeps one timer however many requests come', function () {
      const time = new FakeTime(0);
      const control = new RateControl(() => undefined, { intervalMs: 10_000, quietMs: 3_000, trailing: false }, () => time.now(), time);
      for (let i = 0; i < 1_000; i++) {
        control.request();
      }
      assert.equal(time.pendingTimers, 1);
      control.dispose();
      assert.equal(time.pendingTimers, 0);
    });
  });
});
