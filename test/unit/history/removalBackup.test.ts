import * as assert from 'node:assert/strict';
import { HistoryStore, type HistoryOptions } from '../../../src/core/history/historyStore';
import { parseBackup, type StoredBackup } from '../../../src/core/history/schema';
import { FakeTime, SpyMemento, attr, utc } from './fakes';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T0 = Date.UTC(2025, 5, 2, 9); // 2025-06-02 09:00Z

/** A store whose copies before removal go to `kept` (or fail while `failing`). */
function setup(options: Partial<HistoryOptions>) {
  const memento = new SpyMemento();
  const time = new FakeTime(T0);
  const kept: StoredBackup[] = [];
  /** How many history records had been written when each copy was kept. */
  const recordsWrittenBefore: number[] = [];
  const state = { failing: false };
  const store = new HistoryStore({
    memento, calendar: time.calendar(utc), scheduler: time, windowId: 'winA',
    keepBeforeRemoval: async (backup) => {
      if (state.failing) {
        throw new Error('disk full');
      }
      recordsWrittenBefore.push(memento.log.filter((entry) => entry.key.startsWith('history.w.')).length);
      kept.push(JSON.parse(JSON.stringify(backup)) as StoredBackup);
    },
  }, options);
  return { memento, time, kept, recordsWrittenBefore, state, store };
}

describe('history maintenance removes stored history only after a copy of it was written', () => {
  it('days past retention and old session detail: the copy holds them and is written before the record that drops them', async () => {
    const { store, memento, kept, recordsWrittenBefore } = setup({ sessionDetailDays: 3, retentionDays: 10 });
    await store.load();
    for (let i = 12; i >= 0; i--) {
      store.record(attr(T0 - i * DAY, 'typed', 1));
    }
    assert.equal(await store.flush(), true);
    assert.equal(kept.length, 1);
    const copy = parseBackup(kept[0]);
    assert.ok(copy.kind === 'ok', copy.kind);
    assert.equal(Object.keys(copy.value.history.d).length, 13, 'every day, those past retention too');
    assert.equal(Object.keys(copy.value.history.s).length, 13, 'every session, the old ones too');
    assert.deepEqual(recordsWrittenBefore, [0], 'the copy first, then the record');
    const stored = memento.get(store.key) as { d: Record<string, unknown> };
    assert.equal(Object.keys(stored.d).length, 10);
  });

  it('session detail alone (retention keeps everything): the copy holds the sessions', async () => {
    const { store, kept } = setup({ sessionDetailDays: 3, retentionDays: 0 });
    await store.load();
    store.record(attr(T0 - 12 * DAY, 'typed', 1));
    store.record(attr(T0, 'typed', 1));
    assert.equal(await store.flush(), true);
    assert.equal(kept.length, 1);
    assert.deepEqual(Object.keys(kept[0].s).sort(), ['2025-05-21', '2025-06-02']);
  });

  it('nothing to remove: no copy', async () => {
    const { store, kept } = setup({ sessionDetailDays: 14, retentionDays: 0 });
    await store.load();
    store.record(attr(T0, 'typed', 5));
    assert.equal(await store.flush(), true);
    assert.deepEqual(kept, []);
  });

  it('while the copy cannot be written, the stored history keeps what would be removed; the write is retried', async () => {
    const { store, memento, kept, state, time } = setup({ sessionDetailDays: 3, retentionDays: 10 });
    await store.load();
    store.record(attr(T0 - 12 * DAY, 'typed', 1));
    store.record(attr(T0, 'typed', 1));
    state.failing = true;
    assert.equal(await store.flush(), false);
    assert.equal(memento.get(store.key), undefined, 'nothing stored without the copy');
    assert.equal(store.snapshot().today.chars.typed, 1, 'still counted in memory');
    state.failing = false;
    await time.advance(10 * MIN);
    assert.equal(kept.length, 1);
    assert.equal(Object.keys((memento.get(store.key) as { d: Record<string, unknown> }).d).length, 1);
  });
});
