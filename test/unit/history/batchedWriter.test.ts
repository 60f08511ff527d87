import * as assert from 'node:assert/strict';
import { BatchedWriter, type BatchedWriterOptions } from '../../../src/core/history/batchedWriter';
import { FakeTime, settle } from './fakes';

const OPTIONS: BatchedWriterOptions = { intervalMs: 30_000, retryBaseMs: 2_000, retryMaxMs: 60_000, reportAfterFailures: 3 };

function setup(fail: () => 'ok' | 'throw' | 'reject' = () => 'ok') {
  const time = new FakeTime(0);
  const writes: number[] = [];
  const events: string[] = [];
  const writer = new BatchedWriter(time, () => {
    const mode = fail();
    if (mode === 'throw') {
      throw new Error('cyclic value');
    }
    if (mode === 'reject') {
      return Promise.reject(new Error('storage closed'));
    }
    writes.push(time.now());
    return Promise.resolve();
  }, {
    onFailing: (attempts) => events.push(`failing:${attempts}`),
    onRecovered: (attempts) => events.push(`recovered:${attempts}`),
  }, OPTIONS);
  return { time, writes, events, writer };
}

describe('BatchedWriter', () => {
  it('coalesces a burst into one write, one interval after the first change', async () => {
    const { time, writes, writer } = setup();
    for (let i = 0; i < 1000; i++) {
      writer.markDirty();
    }
    await time.advance(29_999);
    assert.deepEqual(writes, []);
    await time.advance(1);
    assert.deepEqual(writes, [30_000]);
    await time.advance(120_000);
    assert.deepEqual(writes, [30_000], 'nothing new, no write');
  });

  it('writes at most once per interval while typing continuously', async () => {
    const { time, writes, writer } = setup();
    for (let t = 0; t < 300_000; t += 100) {
      writer.markDirty();
      await time.advance(100);
    }
    assert.ok(writes.length >= 9 && writes.length <= 10, `${writes.length} writes`);
    for (let i = 1; i < writes.length; i++) {
      assert.ok(writes[i] - writes[i - 1] >= 30_000);
    }
  });

  it('flush() writes at once when dirty and not at all otherwise', async () => {
    const { time, writes, writer } = setup();
    assert.equal(await writer.flush(), true);
    assert.deepEqual(writes, []);
    writer.markDirty();
    await time.advance(1_000);
    assert.equal(await writer.flush(), true);
    assert.deepEqual(writes, [1_000]);
    assert.equal(time.pendingTimers, 0);
  });

  for (const mode of ['throw', 'reject'] as const) {
    it(`a write that ${mode === 'throw' ? 'throws synchronously' : 'rejects'} stays dirty, is retried with backoff and reported once`, async () => {
      let failing = true;
      const { time, writes, events, writer } = setup(() => (failing ? mode : 'ok'));
      writer.markDirty();
      await time.advance(30_000); // fail 1
      assert.equal(writer.consecutiveFailures, 1);
      assert.ok(writer.isDirty);
      await time.advance(2_000); // fail 2 (after 2 s)
      assert.equal(writer.consecutiveFailures, 2);
      await time.advance(4_000); // fail 3 (after 4 s): reported
      assert.deepEqual(events, ['failing:3']);
      await time.advance(8_000); // fail 4: not reported again
      assert.deepEqual(events, ['failing:3']);
      assert.equal(writer.consecutiveFailures, 4);
      failing = false;
      await time.advance(16_000);
      assert.deepEqual(writes, [60_000]);
      assert.deepEqual(events, ['failing:3', 'recovered:4']);
      assert.equal(writer.isDirty, false);
      assert.equal(writer.consecutiveFailures, 0);
    });
  }

  it('caps the backoff', async () => {
    const { time, writer } = setup(() => 'reject');
    writer.markDirty();
    await time.advance(30_000 + 2_000 + 4_000 + 8_000 + 16_000 + 32_000); // 6 failures; next delays hit the cap
    assert.equal(writer.consecutiveFailures, 6);
    await time.advance(59_999);
    assert.equal(writer.consecutiveFailures, 6);
    await time.advance(1 + 4 * 60_000);
    assert.equal(writer.consecutiveFailures, 11);
  });

  it('never writes while disabled, and arms once enabled', async () => {
    const { time, writes, writer } = setup();
    writer.setEnabled(false);
    writer.markDirty();
    await time.advance(100_000);
    assert.equal(await writer.flush(), false);
    assert.deepEqual(writes, []);
    writer.setEnabled(true);
    await time.advance(30_000);
    assert.deepEqual(writes, [130_000]);
  });

  it('runs one write at a time: a flush during a write waits for it', async () => {
    const time = new FakeTime(0);
    let running = 0;
    let maxRunning = 0;
    let release: () => void = () => undefined;
    const writer = new BatchedWriter(time, async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      running--;
    }, { onFailing: () => undefined, onRecovered: () => undefined }, OPTIONS);
    writer.markDirty();
    const first = writer.flush();
    await settle();
    writer.markDirty();
    const second = writer.flush();
    await settle();
    assert.equal(running, 1);
    release();
    await settle();
    release();
    assert.equal(await first, false); // dirtied again during the write
    assert.equal(await second, true);
    assert.equal(maxRunning, 1);
  });
});
