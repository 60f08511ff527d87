import * as assert from 'node:assert/strict';
import { gateRetention, keepsAtLeast } from '../../../src/core/history/retentionGate';
import { HistoryStore, type HistoryOptions, type StoreWarning } from '../../../src/core/history/historyStore';
import type { MementoLike } from '../../../src/core/history/ports';
import { FakeTime, SpyMemento, attr } from './fakes';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 5, 30, 9);

describe('the retention rule', () => {
  it('0 keeps everything; more days keep more', () => {
    assert.ok(keepsAtLeast(0, 30));
    assert.ok(keepsAtLeast(60, 30));
    assert.ok(!keepsAtLeast(30, 60));
    assert.ok(!keepsAtLeast(30, 0));
  });

  it('applies a higher retention, or a lower one that removes nothing, and agrees to it', () => {
    assert.deepEqual(gateRetention({ approved: 30, declined: undefined }, 60, () => 5), { effective: 60, state: { approved: 60, declined: undefined } });
    assert.deepEqual(gateRetention({ approved: 60, declined: undefined }, 30, () => 0), { effective: 30, state: { approved: 30, declined: undefined } });
  });

  it('keeps the agreed retention (or everything) and asks, when a lower one would remove days', () => {
    assert.deepEqual(gateRetention({ approved: 60, declined: undefined }, 30, () => 12), {
      effective: 60, state: { approved: 60, declined: undefined }, ask: { days: 30, olderDays: 12 },
    });
    assert.equal(gateRetention({ approved: undefined, declined: undefined }, 30, () => 12).effective, 0);
    assert.equal(gateRetention({ approved: 60, declined: 30 }, 30, () => 12).ask, undefined, 'declined: not asked again');
  });
});

function makeStore(memento: MementoLike, time: FakeTime, windowId: string, options: Partial<HistoryOptions>) {
  const warnings: StoreWarning[] = [];
  const store = new HistoryStore({ memento, calendar: time.calendar(), scheduler: time, windowId, report: (w) => warnings.push(w) }, options);
  return { store, warnings };
}

function storedDays(memento: MementoLike, key: string): number {
  return Object.keys((memento.get(key) as { d: Record<string, unknown> }).d).length;
}

describe('HistoryStore when the retention is lowered', () => {
  async function ninetyDays(memento: MementoLike, time: FakeTime): Promise<void> {
    const { store } = makeStore(memento, time, 'old', { retentionDays: 365 });
    await store.load();
    for (let i = 89; i >= 0; i--) {
      store.record(attr(T0 - i * DAY, 'typed', 10));
    }
    await store.dispose();
  }

  it('lowered (by hand or by sync, before a restart) it removes nothing and asks once, with how many days would go', async () => {
    const memento = new SpyMemento();
    const time = new FakeTime(T0);
    await ninetyDays(memento, time);
    const { store, warnings } = makeStore(memento, time, 'winA', { retentionDays: 30 });
    await store.load();
    store.record(attr(time.now(), 'typed', 1));
    await store.flush();
    assert.equal(storedDays(memento, store.key), 90);
    await time.advance(60_000);
    store.record(attr(time.now(), 'typed', 1));
    await store.flush();
    assert.deepEqual(warnings.filter((w) => w.code === 'retentionLowered'), [{ code: 'retentionLowered', days: 30, olderDays: 60, keeping: 365 }], 'asked once');
    assert.equal(storedDays(memento, store.key), 90);
  });

  it('lowered while open, it waits for Delete; then the older days go', async () => {
    const memento = new SpyMemento();
    const time = new FakeTime(T0);
    await ninetyDays(memento, time);
    const { store, warnings } = makeStore(memento, time, 'winA', { retentionDays: 365 });
    await store.load();
    store.configure({ retentionDays: 30 });
    store.record(attr(time.now(), 'typed', 1));
    await store.flush();
    assert.equal(storedDays(memento, store.key), 90);
    assert.equal(warnings.filter((w) => w.code === 'retentionLowered').length, 1);
    await store.answerRetention(30, true);
    assert.equal(storedDays(memento, store.key), 30);
    // The agreement is kept: a restart applies it without asking.
    await store.dispose();
    const next = makeStore(memento, time, 'winB', { retentionDays: 30 });
    await next.store.load();
    assert.equal(next.warnings.filter((w) => w.code === 'retentionLowered').length, 0);
  });

  it('"Keep everything" keeps the days and is remembered: not asked again for that value', async () => {
    const memento = new SpyMemento();
    const time = new FakeTime(T0);
    await ninetyDays(memento, time);
    const { store } = makeStore(memento, time, 'winA', { retentionDays: 30 });
    await store.load();
    await store.answerRetention(30, false);
    store.record(attr(time.now(), 'typed', 1));
    await store.flush();
    assert.equal(storedDays(memento, store.key), 90);
    await store.dispose();
    const next = makeStore(memento, time, 'winB', { retentionDays: 30 });
    await next.store.load();
    assert.equal(next.warnings.filter((w) => w.code === 'retentionLowered').length, 0);
    assert.equal(next.store.days('2000-01-01', '2099-12-31').length, 90);
  });

  it('after "Keep everything" the setting goes back; set to that value again later, it is asked again', async () => {
    const memento = new SpyMemento();
    const time = new FakeTime(T0);
    await ninetyDays(memento, time);
    const { store, warnings } = makeStore(memento, time, 'winA', { retentionDays: 365 });
    await store.load();
    store.configure({ retentionDays: 30 });
    store.record(attr(time.now(), 'typed', 1));
    await store.flush();
    await store.answerRetention(30, false);
    store.configure({ retentionDays: 365 }); // "Keep everything" puts the setting back
    await store.flush(); // no typing in between: the cleared answer is saved all the same
    await store.dispose();
    const next = makeStore(memento, time, 'winB', { retentionDays: 30 }); // lowered again, after a restart
    await next.store.load();
    next.store.record(attr(time.now() + 1_000, 'typed', 1));
    await next.store.flush();
    assert.equal(warnings.filter((w) => w.code === 'retentionLowered').length, 1);
    assert.equal(next.warnings.filter((w) => w.code === 'retentionLowered').length, 1, 'a new request, asked again');
    assert.equal(next.store.days('2000-01-01', '2099-12-31').length, 90, 'nothing removed without an answer');
  });

  it('a raised retention, or days aging out under the agreed one, need no question', async () => {
    const memento = new SpyMemento();
    const time = new FakeTime(T0);
    await ninetyDays(memento, time);
    const { store, warnings } = makeStore(memento, time, 'winA', { retentionDays: 90 });
    await store.load();
    store.record(attr(time.now(), 'typed', 1));
    await store.flush();
    for (let day = 0; day < 10; day++) {
      await time.advance(DAY);
      store.refresh(); // as the window does every 30 s
    }
    store.record(attr(time.now(), 'typed', 1));
    await store.flush();
    assert.equal(warnings.filter((w) => w.code === 'retentionLowered').length, 0);
    assert.equal(storedDays(memento, store.key), 81, 'ten days aged out of the 90 kept');
  });
});
