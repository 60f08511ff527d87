import * as assert from 'node:assert/strict';
import { CLOCK_CONFIRM_MS, judgeClock, type ClockState } from '../../../src/core/history/clockGuard';
import { HistoryStore, type HistoryOptions, type StoreWarning } from '../../../src/core/history/historyStore';
import type { MementoLike } from '../../../src/core/history/ports';
import { addDays } from '../../../src/core/sessions/localDay';
import { MAINTENANCE_KEY } from '../../../src/core/storageKeys';
import { FakeTime, SpyMemento, attr } from './fakes';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 5, 30, 9); // 2025-06-30 09:00Z
const TODAY = '2025-06-30';

describe('the clock rule for compaction and retention', () => {
  const trusted: ClockState = { anchor: TODAY, pending: undefined };

  it('counts from today while today is at most two days past the trusted day, and trusts it', () => {
    const judged = judgeClock(trusted, T0 + 2 * DAY, '2025-07-02');
    assert.equal(judged.day, '2025-07-02');
    assert.deepEqual(judged.state, { anchor: '2025-07-02', pending: undefined });
    assert.equal(judged.change, undefined);
  });

  it('holds at the trusted day when the clock is further ahead, until it has stayed ahead for a day', () => {
    const jump = T0 + 3650 * DAY;
    const ahead = judgeClock(trusted, jump, '2035-06-28');
    assert.equal(ahead.day, TODAY);
    assert.equal(ahead.change, 'ahead');
    const later = judgeClock(ahead.state, jump + CLOCK_CONFIRM_MS - 1, '2035-06-29');
    assert.equal(later.day, TODAY, 'a minute short of a day: still held');
    const believed = judgeClock(later.state, jump + CLOCK_CONFIRM_MS, '2035-06-29');
    assert.equal(believed.day, '2035-06-29');
    assert.equal(believed.change, 'confirmed');
    assert.deepEqual(believed.state, { anchor: '2035-06-29', pending: undefined });
  });

  it('forgets a held jump when the clock comes back, and starts the wait over on a second jump', () => {
    const ahead = judgeClock(trusted, T0 + 10 * DAY, '2025-07-10');
    const back = judgeClock(ahead.state, T0 + 3600_000, TODAY);
    assert.equal(back.change, 'back');
    assert.deepEqual(back.state, trusted);
    const again = judgeClock(ahead.state, T0 + 20 * DAY, '2025-07-20');
    assert.equal(again.day, TODAY);
    assert.equal(again.state.pending?.since, T0 + 20 * DAY, 'jumped again: the day of waiting starts anew');
    const earlier = judgeClock(ahead.state, T0 + 9 * DAY, '2025-07-09');
    assert.equal(earlier.state.pending?.since, T0 + 9 * DAY, 'went back before it was first seen: starts anew');
  });

  it('trusts the first day when nothing is stored yet', () => {
    assert.deepEqual(judgeClock({ anchor: undefined, pending: undefined }, T0, TODAY).state, trusted);
  });
});

function makeStore(memento: MementoLike, time: FakeTime, windowId = 'winA', options: Partial<HistoryOptions> = {}) {
  const warnings: StoreWarning[] = [];
  const store = new HistoryStore({ memento, calendar: time.calendar(), scheduler: time, windowId, report: (w) => warnings.push(w) }, options);
  return { store, warnings };
}

/** 60 days of edits ending today, one session a day, stored by a window that closed (and compacted by `options`). */
async function sixtyDays(memento: MementoLike, options: Partial<HistoryOptions>): Promise<void> {
  const time = new FakeTime(T0);
  const { store } = makeStore(memento, time, 'old', options);
  await store.load();
  for (let i = 59; i >= 0; i--) {
    store.record(attr(T0 - i * DAY, 'typed', 10));
  }
  await store.dispose();
}

function stored(memento: MementoLike, key: string): { d: Record<string, unknown>; s: Record<string, unknown> } {
  return memento.get(key) as { d: Record<string, unknown>; s: Record<string, unknown> };
}

describe('HistoryStore when the clock jumps forward', () => {
  const options: Partial<HistoryOptions> = { retentionDays: 30, sessionDetailDays: 14 };

  it('a jump of ten years deletes no day and no session detail, also after a restart; the counts go to the clock\'s day', async () => {
    const memento = new SpyMemento();
    await sixtyDays(memento, options);
    const time = new FakeTime(T0 + 3650 * DAY);
    const { store, warnings } = makeStore(memento, time, 'winA', options);
    await store.load();
    assert.equal(store.days('2000-01-01', '2099-12-31').length, 30, 'loaded: nothing compacted away');
    store.record(attr(time.now(), 'typed', 5));
    await store.flush();
    assert.equal(Object.keys(stored(memento, store.key).d).length, 31);
    assert.equal(Object.keys(stored(memento, store.key).s).length, 15);
    assert.ok(warnings.some((w) => w.code === 'clockAhead'));
    assert.equal(Object.keys(store.exportBackup()?.d ?? {}).length, 31, 'the backup keeps every day too');
    await store.dispose();
    // A restart an hour later with the clock still ahead: still held (the jump is remembered).
    await time.advance(3600_000);
    const restarted = makeStore(memento, time, 'winB', options);
    await restarted.store.load();
    restarted.store.record(attr(time.now(), 'typed', 5));
    await restarted.store.flush();
    assert.equal(Object.keys(stored(memento, restarted.store.key).d).length, 31);
    assert.equal(Object.keys(stored(memento, restarted.store.key).s).length, 15);
  });

  it('once the clock has stayed ahead for a day, compaction and retention count from it', async () => {
    const memento = new SpyMemento();
    await sixtyDays(memento, options);
    const time = new FakeTime(T0 + 10 * DAY);
    const { store, warnings } = makeStore(memento, time, 'winA', options);
    await store.load();
    store.record(attr(time.now(), 'typed', 5));
    await store.flush();
    assert.equal(Object.keys(stored(memento, store.key).d).length, 31);
    await time.advance(DAY);
    store.record(attr(time.now(), 'typed', 5));
    await store.flush();
    assert.ok(warnings.some((w) => w.code === 'clockConfirmed'));
    const days = Object.keys(stored(memento, store.key).d).sort();
    assert.equal(days[0], addDays('2025-07-11', -29), 'retention of 30 days from the believed today');
    assert.equal(days.length, 21);
    assert.deepEqual(Object.keys(stored(memento, store.key).s).sort(), ['2025-06-28', '2025-06-29', TODAY, '2025-07-10', '2025-07-11'], 'sessions in detail for 14 days');
    assert.equal((memento.get(MAINTENANCE_KEY) as { clock?: unknown }).clock, undefined, 'nothing held any more');
  });

  it('a clock that comes back removes nothing; the day counted while it was ahead stays', async () => {
    const memento = new SpyMemento();
    await sixtyDays(memento, options);
    const time = new FakeTime(T0 + 400 * DAY);
    const { store, warnings } = makeStore(memento, time, 'winA', options);
    await store.load();
    store.record(attr(time.now(), 'typed', 5));
    await store.flush();
    time.nowMs = T0 + 3600_000;
    store.record(attr(time.now(), 'typed', 5));
    await store.flush();
    assert.ok(warnings.some((w) => w.code === 'clockBack'));
    const days = Object.keys(stored(memento, store.key).d);
    assert.equal(days.length, 31, 'back to normal: the 30 days of retention, plus the day counted ahead');
    assert.ok(days.includes(addDays(TODAY, 400)));
  });
});
