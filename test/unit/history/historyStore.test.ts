import * as assert from 'node:assert/strict';
import { CATEGORIES } from '../../../src/core/categories';
import { HistoryStore, type HistoryOptions, type StoreWarning } from '../../../src/core/history/historyStore';
import { DEFAULT_HISTORY_OPTIONS } from '../../../src/core/history/storeTypes';
import { HISTORY_KEY_PREFIX, MAINTENANCE_KEY } from '../../../src/core/storageKeys';
import { AI_CHAT_SOURCES } from '../../../src/core/terminal/aiChatBy';
import type { MementoLike, QuarantineSink } from '../../../src/core/history/ports';
import { parseWindowRecord } from '../../../src/core/history/schema';
import type { TzOffset } from '../../../src/core/sessions/localDay';
import { FakeTime, MemorySink, SpyMemento, attr, berlin2025, settle, utc } from './fakes';

const MIN = 60_000;
const T0 = Date.UTC(2025, 5, 2, 9); // Monday 2025-06-02 09:00Z
const TODAY = '2025-06-02';

interface Setup {
  readonly memento?: MementoLike;
  readonly time?: FakeTime;
  readonly windowId?: string;
  readonly quarantine?: QuarantineSink;
  readonly tz?: TzOffset;
  readonly options?: Partial<HistoryOptions>;
}

function makeStore(setup: Setup = {}) {
  const memento = setup.memento ?? new SpyMemento();
  const time = setup.time ?? new FakeTime(T0);
  const warnings: StoreWarning[] = [];
  const store = new HistoryStore({
    memento, calendar: time.calendar(setup.tz ?? utc), scheduler: time, windowId: setup.windowId ?? 'winA', quarantine: setup.quarantine, report: (w) => warnings.push(w),
  }, setup.options);
  return { store, memento, time, warnings };
}

function totalChars(store: HistoryStore, day = TODAY): number {
  const [summary] = store.days(day, day);
  return summary === undefined ? 0 : CATEGORIES.reduce((sum, c) => sum + summary.chars[c], 0);
}

function historyKeys(memento: MementoLike): string[] {
  return memento.keys().filter((k) => k.startsWith(HISTORY_KEY_PREFIX)).sort();
}

describe('HistoryStore', () => {
  describe('lifecycle and batching', () => {
    it('a fresh install loads defaults and writes nothing until something is counted', async () => {
      const { store, memento, time } = makeStore();
      const result = await store.load({ dataExpected: false });
      assert.equal(result.mode, 'ready');
      assert.deepEqual(result.warnings, []);
      await time.advance(10 * MIN);
      assert.deepEqual((memento as SpyMemento).log, []);
      const snap = store.snapshot();
      assert.equal(snap.today.ownershipRatio, null);
      assert.equal(snap.session.id, '');
      assert.deepEqual(snap.recent, []);
    });

    it('record() never touches storage synchronously; 10,000 edits make one write after the write interval (10 s)', async () => {
      const { store, memento, time } = makeStore();
      await store.load();
      for (let i = 0; i < 10_000; i++) {
        store.record(attr(T0 + i, 'typed', 1));
      }
      assert.deepEqual((memento as SpyMemento).log, []);
      assert.equal(DEFAULT_HISTORY_OPTIONS.writeIntervalMs, 10_000, 'a killed extension host loses at most this much typing (the README says so)');
      await time.advance(9_999);
      assert.equal((memento as SpyMemento).writesTo(store.key), 0);
      await time.advance(1);
      assert.equal((memento as SpyMemento).writesTo(store.key), 1);
      assert.equal(totalChars(store), 10_000);
    });

    it('edits before load() are queued and counted after it; nothing is written while loading', async () => {
      const memento = new SpyMemento();
      memento.seed('history.w.broken', 'oops'); // makes load wait for the quarantine sink
      const sink = new MemorySink();
      sink.hold();
      const { store, time } = makeStore({ memento, quarantine: sink });
      store.record(attr(T0, 'typed', 5)); // before load() is even called
      const loading = store.load();
      assert.equal(store.mode, 'loading');
      store.record(attr(T0 + 1000, 'aiInline', 7));
      await time.advance(5 * MIN);
      assert.deepEqual(memento.log, [], 'no write of a half-initialised state');
      assert.equal(store.snapshot().today.chars.typed, 0);
      sink.release();
      await loading;
      assert.equal(store.mode, 'ready');
      const snap = store.snapshot();
      assert.equal(snap.today.chars.typed, 5);
      assert.equal(snap.today.chars.aiInline, 7);
      assert.equal(snap.recent.length, 2);
    });

    it('edits after dispose() are ignored and nothing is written after it', async () => {
      const { store, memento, time } = makeStore();
      await store.load();
      store.record(attr(T0, 'typed', 3));
      await store.dispose();
      const stored = memento.get(store.key);
      const writes = (memento as SpyMemento).log.length;
      store.record(attr(T0 + 1000, 'typed', 100));
      await time.advance(10 * MIN);
      assert.equal((memento as SpyMemento).log.length, writes);
      assert.deepEqual(memento.get(store.key), stored);
      assert.equal(store.snapshot().today.chars.typed, 3);
      assert.equal(store.mode, 'disposed');
    });

    it('dispose() during load() wins: nothing is taken over or written', async () => {
      const memento = new SpyMemento();
      memento.seed('history.w.broken', 'oops');
      memento.seed('history.w.closed', { v: 1, w: 'closed', t: 1, z: 1, d: { [TODAY]: { c: [1] } }, s: {} });
      const sink = new MemorySink();
      sink.hold();
      const { store } = makeStore({ memento, quarantine: sink });
      const loading = store.load();
      store.record(attr(T0, 'typed', 1));
      await store.dispose();
      sink.release();
      const result = await loading;
      assert.equal(result.mode, 'disposed');
      assert.deepEqual(memento.log, []);
      assert.deepEqual(historyKeys(memento), ['history.w.broken', 'history.w.closed']);
      assert.equal((await store.load()).mode, 'disposed');
    });

    it('dispose() writes the last counts and marks the key closed', async () => {
      const { store, memento } = makeStore();
      await store.load();
      store.record(attr(T0, 'typed', 3));
      await store.dispose();
      const record = memento.get(store.key) as { z?: number; d: Record<string, { c: number[] }> };
      assert.equal(record.z, 1);
      assert.deepEqual(record.d[TODAY].c, [3]);
    });

    it('a kill without flush (no deactivate) loses at most the last write interval', async () => {
      const time = new FakeTime(T0);
      const memento = new SpyMemento();
      const { store } = makeStore({ memento, time });
      await store.load();
      const recorded: number[] = [];
      for (let i = 0; i < 600; i++) { // one edit per second for 10 minutes, then the process dies
        store.record(attr(time.now(), 'typed', 1));
        recorded.push(time.now());
        await time.advance(1000);
      }
      const killedAt = time.now();
      // no flush, no dispose: a new window reads what is stored
      const after = makeStore({ memento, time, windowId: 'winB' });
      await after.store.load();
      const stored = totalChars(after.store);
      const lost = recorded.length - stored;
      const inLastInterval = recorded.filter((t) => t > killedAt - 30_000).length;
      assert.ok(stored > 0);
      assert.ok(lost >= 0 && lost <= inLastInterval, `lost ${lost}, bound ${inLastInterval}`);
      // The killed window's key is not closed: merged for reading, folded only after the lease.
      assert.equal(historyKeys(memento).length, 1);
    });

    it('flush() stores everything now', async () => {
      const { store, memento } = makeStore();
      await store.load();
      store.record(attr(T0, 'paste', 9));
      assert.equal(await store.flush(), true);
      const parsed = parseWindowRecord(memento.get(store.key));
      assert.equal(parsed.kind, 'ok');
    });
  });

  describe('several windows on one Memento, counting at once', () => {
    async function twoWindows() {
      const memento = new SpyMemento();
      const time = new FakeTime(T0);
      const a = makeStore({ memento, time, windowId: 'winA' });
      const b = makeStore({ memento, time, windowId: 'winB' });
      await a.store.load();
      await b.store.load();
      for (let i = 0; i < 1000; i++) {
        a.store.record(attr(time.now(), 'typed', 1));
        b.store.record(attr(time.now(), 'aiInline', 1));
        await time.advance(700);
      }
      return { memento, time, a, b };
    }

    it('two windows × 1,000 edits each → 2,000, each writing only its own record (and the small maintenance state)', async () => {
      const { memento, time, a, b } = await twoWindows();
      await a.store.flush();
      await b.store.flush();
      const writtenKeys = new Set(memento.log.map((e) => e.key));
      assert.deepEqual([...writtenKeys].sort(), [MAINTENANCE_KEY, 'history.w.winA', 'history.w.winB']);
      const c = makeStore({ memento, time, windowId: 'winC' });
      await c.store.load();
      assert.equal(totalChars(c.store), 2000);
      assert.equal(c.store.snapshot().today.chars.typed, 1000);
      assert.equal(c.store.snapshot().today.chars.aiInline, 1000);
      a.store.refresh();
      assert.equal(totalChars(a.store), 2000);
      assert.equal(a.store.snapshot().today.ownershipRatio, 0.5);
    });

    it('folds closed windows into the next one without counting anything twice', async () => {
      const { memento, time, a, b } = await twoWindows();
      await a.store.dispose();
      await b.store.dispose();
      const c = makeStore({ memento, time, windowId: 'winC' });
      const result = await c.store.load();
      assert.equal(result.foldedWindows, 2);
      assert.deepEqual(historyKeys(memento), ['history.w.winC']);
      assert.equal(totalChars(c.store), 2000);
      const d = makeStore({ memento, time, windowId: 'winD' });
      await d.store.load();
      assert.equal(totalChars(d.store), 2000);
    });

    it('a fold interrupted before the old keys are deleted still counts them once', async () => {
      const { memento, time, a, b } = await twoWindows();
      await a.store.dispose();
      await b.store.dispose();
      memento.failMode = 'throw';
      memento.failWhen = (_key, value) => value === undefined; // deletions fail (crash after our write)
      const c = makeStore({ memento, time, windowId: 'winC' });
      await c.store.load();
      assert.equal(historyKeys(memento).length, 3);
      memento.failMode = 'none';
      const d = makeStore({ memento, time, windowId: 'winD' });
      await d.store.load();
      assert.equal(totalChars(d.store), 2000);
      await d.store.flush();
      const e = makeStore({ memento, time, windowId: 'winE' });
      await e.store.load();
      assert.equal(totalChars(e.store), 2000);
    });

    it('a refresh while its own record is being written does not take that record for another window\'s', async () => {
      // The Memento answers with the new record at once, and confirms the write later.
      let release: () => void = () => undefined;
      class SlowMemento extends SpyMemento {
        slow = false;
        override update(key: string, value: unknown): Promise<void> {
          const written = super.update(key, value);
          return this.slow ? new Promise<void>((resolve) => (release = () => void written.then(resolve))) : written;
        }
      }
      const memento = new SlowMemento();
      const time = new FakeTime(T0);
      const a = makeStore({ memento, time, windowId: 'winA' });
      await a.store.load();
      a.store.record(attr(time.now(), 'typed', 10));
      await a.store.flush();
      memento.slow = true;
      await time.advance(1000);
      a.store.record(attr(time.now(), 'typed', 5));
      const writing = a.store.flush();
      await settle();
      a.store.refresh(); // another window's change seen meanwhile
      release();
      await writing;
      assert.deepEqual(a.warnings.map((w) => w.code), []);
      assert.deepEqual(historyKeys(memento), ['history.w.winA']);
    });

    it('folds a window whose lease expired; that window, if alive, moves to a new key without double counting', async () => {
      const memento = new SpyMemento();
      const time = new FakeTime(T0);
      const a = makeStore({ memento, time, windowId: 'winA' });
      await a.store.load();
      a.store.record(attr(time.now(), 'typed', 10));
      await a.store.flush();
      await time.advance(2 * 60 * MIN); // A idle beyond the lease
      const b = makeStore({ memento, time, windowId: 'winB' });
      assert.equal((await b.store.load()).foldedWindows, 1);
      assert.deepEqual(historyKeys(memento), ['history.w.winB']);
      a.store.record(attr(time.now(), 'typed', 5)); // A wakes up
      await a.store.flush(); // finds its key gone: starts over under a new key
      assert.ok(a.warnings.some((w) => w.code === 'ownKeyLost'));
      a.store.record(attr(time.now() + 1000, 'typed', 3));
      await a.store.flush();
      const c = makeStore({ memento, time, windowId: 'winC' });
      await c.store.load();
      assert.equal(totalChars(c.store), 13, 'the 10 once, the 5 of the unwritten interval lost, the 3 after');
    });
  });

  describe('Delete All Data in another window', () => {
    it('reads the other windows\' records before each write of its own, so that it never writes back what they deleted', async () => {
      const memento = new SpyMemento();
      const time = new FakeTime(T0);
      const order: string[] = [];
      const store = new HistoryStore({
        memento, calendar: time.calendar(utc), scheduler: time, windowId: 'winA',
        readOthers: async () => {
          order.push(`read before ${memento.writesTo('history.w.winA')} writes`);
        },
      });
      await store.load();
      store.record(attr(time.now(), 'typed', 3));
      await store.flush();
      store.record(attr(time.now() + 1, 'typed', 3));
      await store.flush();
      assert.deepEqual(order, ['read before 0 writes', 'read before 1 writes']);
    });

    it('a refresh finds our key deleted: what was counted before is forgotten, what is typed after counts', async () => {
      const memento = new SpyMemento();
      const time = new FakeTime(T0);
      const a = makeStore({ memento, time, windowId: 'winA' });
      await a.store.load();
      a.store.record(attr(time.now(), 'typed', 10));
      await a.store.flush();
      const b = makeStore({ memento, time, windowId: 'winB' });
      await b.store.load();
      await b.store.deleteAll();
      a.store.refresh(); // the window got the focus back
      assert.equal(totalChars(a.store), 0, 'the deleted counts are gone at once');
      a.store.record(attr(time.now() + 1000, 'typed', 5));
      await a.store.flush();
      const c = makeStore({ memento, time, windowId: 'winC' });
      await c.store.load();
      assert.equal(totalChars(c.store), 5, 'only what was typed after the deletion');
    });
  });

  describe('damaged and foreign values', () => {
    for (const bad of ['oops', [], null, 42]) {
      it(`${JSON.stringify(bad)} in a history key is quarantined before it is removed, with one warning`, async () => {
        const order: string[] = [];
        const memento = new SpyMemento();
        memento.seed('history.w.old', bad);
        const sink = new MemorySink(order);
        const origUpdate = memento.update.bind(memento);
        memento.update = (key, value) => {
          order.push(`${value === undefined ? 'delete' : 'write'}:${key}`);
          return origUpdate(key, value);
        };
        const { store, warnings } = makeStore({ memento, quarantine: sink });
        await store.load();
        assert.deepEqual(sink.entries.map((e) => [e.key, e.raw]), [['history.w.old', bad]]);
        assert.equal(warnings.filter((w) => w.code === 'corrupt').length, 1);
        assert.ok(order.indexOf('quarantine:history.w.old') < order.indexOf('delete:history.w.old'));
        assert.ok(order.indexOf('quarantine:history.w.old') >= 0);
        store.record(attr(T0, 'typed', 2));
        await store.flush();
        assert.equal(totalChars(store), 2);
      });
    }

    it('without a sink the raw value is kept under a quarantine.* Memento key', async () => {
      const memento = new SpyMemento();
      memento.seed('history.w.old', 'oops');
      const { store, warnings } = makeStore({ memento });
      await store.load();
      const keptAs = warnings[0].code === 'corrupt' ? warnings[0].keptAs : undefined;
      assert.equal(keptAs, `quarantine.history.w.old.${T0}`);
      assert.equal(memento.get(keptAs as string), 'oops');
      assert.equal(memento.get('history.w.old'), undefined);
    });

    it('when a damaged value cannot be set aside it is left untouched and reported', async () => {
      const memento = new SpyMemento();
      const damaged = { v: 1, w: 'old', t: 1, d: { [TODAY]: { c: [4] }, '2025-06-01': { c: [-1] } }, s: {} };
      memento.seed('history.w.old', damaged);
      const sink = new MemorySink();
      sink.fail = true;
      const { store, warnings, time } = makeStore({ memento, quarantine: sink });
      await store.load();
      assert.equal(warnings[0].code, 'quarantineFailed');
      store.record(attr(T0, 'typed', 1));
      await store.flush();
      await time.advance(5 * MIN);
      assert.deepEqual(memento.get('history.w.old'), damaged, 'never overwritten');
      assert.equal(totalChars(store), 5, 'its readable parts still shown');
    });

    it('one bad day of another window is repaired, its other days intact, the raw value kept aside', async () => {
      const memento = new SpyMemento();
      const raw = {
        v: 1, w: 'old', t: 1, z: 1,
        d: { '2025-06-01': { c: [10, 5] }, [TODAY]: { c: ['7', null] }, '2025-05-31': { c: [1], e: 'x' } },
        s: {},
      };
      memento.seed('history.w.old', raw);
      const sink = new MemorySink();
      const { store, warnings } = makeStore({ memento, quarantine: sink });
      await store.load();
      assert.deepEqual(sink.entries[0].raw, raw);
      const days = store.days('2025-05-01', '2025-06-30');
      assert.deepEqual(days.map((d) => [d.date, d.chars.typed, d.chars.aiInline]), [
        ['2025-05-31', 1, 0], ['2025-06-01', 10, 5], [TODAY, 7, 0],
      ]);
      const warning = warnings.find((w) => w.code === 'corrupt');
      assert.ok(warning && warning.code === 'corrupt');
      assert.ok(warning.issues.some((i) => i.includes(TODAY)));
      assert.ok(warning.issues.some((i) => i.includes('2025-05-31')));
      await store.flush();
      assert.equal(memento.get('history.w.old'), undefined, 'the repaired parts now live in our key');
      assert.equal(parseWindowRecord(memento.get(store.key)).kind, 'ok');
    });

    it('a newer schema (after a downgrade) makes the store read-only with a notice; nothing is rewritten', async () => {
      const memento = new SpyMemento();
      const future = { v: 3, anything: { goes: [1, 2, 3] } };
      const older = { v: 1, w: 'old', t: 1, d: { [TODAY]: { c: [4] } }, s: {} };
      memento.seed('history.w.next', future);
      memento.seed('history.w.old', older);
      memento.seed('history.w.bad', 'oops');
      const before = memento.dump();
      const { store, warnings, time } = makeStore({ memento });
      const result = await store.load();
      assert.equal(result.mode, 'readOnly');
      assert.equal(store.countsOnlyInMemory, true);
      assert.deepEqual(warnings.filter((w) => w.code === 'futureVersion'), [{ code: 'futureVersion', key: 'history.w.next', version: 3 }]);
      store.record(attr(T0, 'typed', 1));
      await time.advance(10 * MIN);
      assert.equal(await store.flush(), false);
      await store.dispose();
      assert.deepEqual(memento.log, []);
      assert.deepEqual(memento.dump(), before);
      assert.equal(store.snapshot().today.chars.typed, 5, 'still counts in memory and reads v1 keys');
    });

    it('history written by release 0.1 (version 1) is read as it was and written back as version 2, nothing lost', async () => {
      const memento = new SpyMemento();
      const older = { v: 1, w: 'old', t: T0 - 2 * MIN, z: 1, d: { '2025-06-01': { c: [40, 5, 10], m: 3 }, [TODAY]: { c: [4] } }, s: {} };
      memento.seed('history.w.old', older);
      const { store, time } = makeStore({ memento });
      assert.equal((await store.load()).mode, 'ready');
      store.record(attr(T0, 'typed', 1));
      await time.advance(10 * MIN);
      assert.equal(await store.flush(), true);
      const written = memento.get(store.key) as { v: number };
      assert.equal(written.v, 2);
      const reader = makeStore({ memento, time, windowId: 'winB' });
      await reader.store.load();
      assert.equal(totalChars(reader.store, '2025-06-01'), 55);
      assert.equal(totalChars(reader.store), 5);
    });

    it('read-only or blocked, the backup file is never rewritten, also not when the window closes', async () => {
      const readOnly = new SpyMemento();
      readOnly.seed('history.w.next', { v: 3 });
      const a = makeStore({ memento: readOnly });
      await a.store.load();
      a.store.record(attr(T0, 'typed', 1));
      assert.equal(a.store.exportBackup(true), undefined);
      assert.ok(a.store.exportBackup() !== undefined, 'Back Up History… still exports what can be read');
      await a.store.dispose();
      assert.equal(a.store.exportBackup(true), undefined, 'ended from read-only');
      const b = makeStore();
      await b.store.load({ dataExpected: true });
      b.store.record(attr(T0, 'typed', 1));
      await b.store.dispose();
      assert.equal(b.store.exportBackup(true), undefined, 'ended from blocked: the good backup on disk stays');
      const c = makeStore();
      await c.store.load();
      c.store.record(attr(T0, 'typed', 1));
      assert.ok(c.store.exportBackup(true) !== undefined);
      await c.store.dispose();
      assert.ok(c.store.exportBackup(true) !== undefined, 'ended from ready: the last backup is written');
    });

    it('history expected (the backup marker) but missing → blocked, nothing written, restore from backup offered', async () => {
      const time = new FakeTime(T0);
      const source = makeStore({ time, windowId: 'winA' });
      await source.store.load();
      source.store.record(attr(T0 - 24 * 60 * MIN, 'typed', 40));
      source.store.record(attr(T0 - 24 * 60 * MIN + 1000, 'aiChat', 60));
      const backup = JSON.parse(JSON.stringify(source.store.exportBackup()));

      const { store, memento, warnings } = makeStore({ time, windowId: 'winB' });
      const result = await store.load({ dataExpected: true });
      assert.equal(result.mode, 'blocked');
      assert.deepEqual(warnings, [{ code: 'missingData' }]);
      store.record(attr(T0, 'typed', 2));
      await time.advance(10 * MIN);
      assert.deepEqual((memento as SpyMemento).log, []);
      assert.equal(store.exportBackup(), undefined, 'never overwrite the good backup while blocked');

      const restored = await store.restoreBackup(backup);
      assert.deepEqual(restored, { ok: true, days: 1, sameDays: 0, keptDays: 0, issues: [] });
      assert.equal(store.mode, 'ready');
      assert.deepEqual(store.days('2025-06-01', '2025-06-02').map((d) => [d.date, d.chars.typed, d.chars.aiChat]), [
        ['2025-06-01', 40, 60], [TODAY, 2, 0],
      ]);
      const reread = makeStore({ memento, time, windowId: 'winC' });
      await reread.store.load({ dataExpected: true });
      assert.equal(reread.store.mode, 'ready');
      assert.equal(totalChars(reread.store, '2025-06-01'), 100);
    });

    it('startFresh() leaves blocked mode and keeps what was counted since', async () => {
      const { store, memento, time } = makeStore();
      await store.load({ dataExpected: true });
      store.record(attr(T0, 'typed', 2));
      store.startFresh();
      await time.advance(30_000);
      assert.equal((memento as SpyMemento).writesTo(store.key), 1);
    });

    it('refuses backups that are invalid or from the future', async () => {
      const { store } = makeStore();
      await store.load();
      assert.equal((await store.restoreBackup('nope')).ok, false);
      const future = await store.restoreBackup({ v: 9 });
      assert.ok(!future.ok && future.reason === 'futureVersion');
    });

    it('merges a backup into a non-empty history by day, never counting a day twice', async () => {
      const memento = new SpyMemento();
      memento.seed('history.w.other', { v: 1, w: 'other', t: T0, d: { [TODAY]: { c: [1] } }, s: {} });
      const busy = makeStore({ memento });
      await busy.store.load();
      const backup = { v: 1, k: 'ownership-ratio-backup', t: 0, d: { [TODAY]: { c: [7] }, '2024-01-01': { c: [5] } }, s: {} };
      const first = await busy.store.restoreBackup(backup);
      assert.deepEqual(first, { ok: true, days: 1, sameDays: 0, keptDays: 1, issues: [] });
      assert.equal(busy.store.snapshot().today.chars.typed, 1, 'today already had counts: kept as they are');
      assert.equal(busy.store.rangeTotals('2024-01-01', '2024-01-01').chars.typed, 5);
      const again = await busy.store.restoreBackup(backup);
      assert.ok(again.ok && again.days === 0, 'restoring twice adds nothing');
      assert.equal(busy.store.rangeTotals('2024-01-01', '2024-01-01').chars.typed, 5);
    });
  });

  describe('failing storage (update throws or rejects)', () => {
    for (const failMode of ['throw', 'reject'] as const) {
      it(`keeps counting when update() ${failMode === 'throw' ? 'throws' : 'rejects'}, retries with backoff, reports once, recovers`, async () => {
        const { store, memento, time, warnings } = makeStore();
        await store.load();
        const spy = memento as SpyMemento;
        spy.failMode = failMode;
        assert.equal(store.countsOnlyInMemory, false);
        store.record(attr(T0, 'typed', 10));
        await time.advance(30_000 + 2_000 + 4_000);
        assert.deepEqual(warnings.map((w) => w.code), ['writeFailed']);
        assert.equal(store.snapshot().today.chars.typed, 10, 'in-memory state kept');
        assert.equal(store.countsOnlyInMemory, true, 'while saving fails');
        store.record(attr(time.now(), 'typed', 5));
        spy.failMode = 'none';
        await time.advance(8_000);
        assert.deepEqual(warnings.map((w) => w.code), ['writeFailed', 'writeRecovered']);
        assert.equal(store.countsOnlyInMemory, false, 'saving works again');
        const stored = memento.get(store.key) as { d: Record<string, { c: number[] }> };
        assert.deepEqual(stored.d[TODAY].c, [15]);
      });
    }
  });

  describe('save and load through the Memento (a JSON round trip)', () => {
    it('a new window reads back exactly what another stored (days, sessions, languages)', async () => {
      const time = new FakeTime(T0);
      const { store, memento } = makeStore({ time, tz: berlin2025 });
      await store.load();
      const langs = ['typescript', 'json'];
      for (let i = 0; i < 300; i++) {
        const category = CATEGORIES[i % CATEGORIES.length];
        store.record(attr(T0 + i * 97_000 + Math.floor(i / 50) * 30 * MIN, category, (i * 37) % 200, {
          deleted: i % 5, confidence: i % 3 === 0 ? 'estimated' : 'exact', languageId: langs[i % 2],
        }));
      }
      await store.dispose();
      const reader = makeStore({ memento, time, tz: berlin2025, windowId: 'winB' });
      await reader.store.load();
      const range = ['2025-06-01', '2025-06-05'] as const;
      assert.deepEqual(reader.store.days(...range), store.days(...range));
      for (const day of store.days(...range).map((d) => d.date)) {
        assert.deepEqual(reader.store.sessionsOf(day), store.sessionsOf(day));
      }
      assert.ok(store.sessionsOf(TODAY).length >= 2);
    });
  });

  describe('compaction and retention', () => {
    it('stores session detail for recent days only, aggregates for all, and drops days past retention', async () => {
      const time = new FakeTime(T0);
      const { store, memento } = makeStore({ time, options: { sessionDetailDays: 3, retentionDays: 10 } });
      await store.load();
      for (let i = 12; i >= 0; i--) {
        store.record(attr(T0 - i * 24 * 60 * MIN, 'typed', 1));
      }
      await store.flush();
      const stored = memento.get(store.key) as { d: Record<string, unknown>; s: Record<string, unknown> };
      assert.equal(Object.keys(stored.d).length, 10);
      assert.deepEqual(Object.keys(stored.s).sort(), ['2025-05-31', '2025-06-01', TODAY]);
      assert.equal(store.days('2025-01-01', '2025-12-31').length, 10);
      assert.equal(store.sessionsOf('2025-05-25').length, 0);
      assert.equal(store.days('2025-05-25', '2025-05-25')[0].sessions, 1, 'the session count survives compaction');
    });

    it('compacts again when the day changes while the window stays open', async () => {
      const time = new FakeTime(T0);
      const { store, memento } = makeStore({ time, options: { sessionDetailDays: 1 } });
      await store.load();
      store.record(attr(time.now(), 'typed', 1));
      await store.flush();
      await time.advance(24 * 60 * MIN);
      store.record(attr(time.now(), 'typed', 1));
      await store.flush();
      const stored = memento.get(store.key) as { s: Record<string, unknown> };
      assert.deepEqual(Object.keys(stored.s), ['2025-06-03']);
    });
  });

  describe('snapshot and queries', () => {
    it('has exactly the public JSON shape', async () => {
      const { store, time } = makeStore({ tz: () => 120 });
      await store.load();
      store.record(attr(T0, 'typed', 10));
      store.record(attr(T0 + 1000, 'aiInline', 30, { confidence: 'estimated' }));
      await time.advance(5 * MIN);
      const snap = store.snapshot();
      assert.deepEqual(JSON.parse(JSON.stringify(snap)), snap);
      assert.deepEqual(Object.keys(snap).sort(), ['recent', 'session', 'today', 'version']);
      assert.deepEqual(Object.keys(snap.session).sort(), ['aiChatBy', 'aiFate', 'chars', 'end', 'estimatedAiChars', 'id', 'lead', 'leadChars', 'leadSessions', 'ownershipRatio', 'start']);
      assert.deepEqual(Object.keys(snap.today).sort(), ['aiChatBy', 'aiFate', 'chars', 'date', 'estimatedAiChars', 'lead', 'leadChars', 'leadSessions', 'ownershipRatio']);
      assert.deepEqual(Object.keys(snap.today.aiFate).sort(), ['kept', 'pending', 'removed', 'reworked']);
      assert.deepEqual(Object.keys(snap.today.lead).sort(), ['ai', 'mixed', 'you']);
      assert.deepEqual(Object.keys(snap.session.chars), [...CATEGORIES]);
      assert.deepEqual(Object.keys(snap.session.aiChatBy), [...AI_CHAT_SOURCES]);
      assert.deepEqual(Object.keys(snap.today.aiChatBy), [...AI_CHAT_SOURCES]);
      assert.equal(snap.version, 2);
      assert.equal(snap.session.start, '2025-06-02T11:00:00.000+02:00');
      assert.equal(snap.session.end, '2025-06-02T11:00:01.000+02:00');
      assert.equal(snap.session.estimatedAiChars, 30);
      assert.equal(snap.session.ownershipRatio, 0.25);
      assert.equal(snap.today.date, TODAY);
      assert.deepEqual(snap.recent.map((a) => a.category), ['typed', 'aiInline']);
    });

    it('keeps the last 50 attributions, oldest first', async () => {
      const { store } = makeStore();
      await store.load();
      for (let i = 0; i < 120; i++) {
        store.record(attr(T0 + i, 'typed', i));
      }
      const recent = store.snapshot().recent;
      assert.equal(recent.length, 50);
      assert.deepEqual([recent[0].chars, recent[49].chars], [70, 119]);
    });

    it('weights the ratio by volume, never averaging session ratios', async () => {
      const { store } = makeStore();
      await store.load();
      store.record(attr(T0, 'typed', 10)); // session 1: ratio 1
      store.record(attr(T0 + 60 * MIN, 'typed', 10)); // session 2: 10 own, 90 AI → 0.1
      store.record(attr(T0 + 60 * MIN + 1000, 'aiChat', 90));
      assert.equal(store.sessionsOf(TODAY).length, 2);
      assert.equal(store.snapshot().today.ownershipRatio, 20 / 110);
      assert.equal(store.rangeTotals(TODAY, TODAY).ownershipRatio, 20 / 110);
    });

    it('counts paste as the pasteCountsAs option says', async () => {
      const { store } = makeStore();
      await store.load();
      store.record(attr(T0, 'typed', 30));
      store.record(attr(T0 + 1, 'aiInline', 10));
      store.record(attr(T0 + 2, 'paste', 60));
      assert.equal(store.snapshot().today.ownershipRatio, 30 / 40);
      store.configure({ pasteCountsAs: 'own' });
      assert.equal(store.snapshot().today.ownershipRatio, 90 / 100);
      store.configure({ pasteCountsAs: 'ai' });
      assert.equal(store.snapshot().today.ownershipRatio, 30 / 100);
    });

    it('shows the open session, then the last one of today, then an empty one the next day', async () => {
      const { store, time } = makeStore();
      await store.load();
      store.record(attr(T0, 'typed', 1));
      await time.advance(30 * MIN);
      const ended = store.snapshot().session;
      assert.equal(ended.chars.typed, 1);
      await time.advance(24 * 60 * MIN);
      const next = store.snapshot();
      assert.equal(next.session.id, '');
      assert.equal(next.session.start, next.session.end);
      assert.equal(next.today.date, '2025-06-03');
      assert.equal(next.today.ownershipRatio, null);
    });

    it('answers range queries: days with data, sessions of a day, first and last day', async () => {
      const { store } = makeStore();
      await store.load();
      store.record(attr(Date.UTC(2025, 4, 30, 10), 'typed', 1, { languageId: 'python' }));
      store.record(attr(T0, 'typed', 2));
      store.record(attr(T0 + 1000, 'aiInline', 2));
      assert.deepEqual(store.days('2025-05-31', TODAY).map((d) => d.date), [TODAY]);
      assert.deepEqual(store.days('2025-05-01', '2025-06-30').map((d) => d.date), ['2025-05-30', TODAY]);
      const [day] = store.days(TODAY, TODAY);
      assert.deepEqual(day.accepts, { inline: 1, chat: 0 });
      assert.equal(day.activeMinutes, 1);
      assert.equal(day.sessions, 1);
      assert.deepEqual(Object.keys(day.languages), ['typescript']);
      assert.equal(store.sessionsOf('2025-05-30')[0].languages.python.typed, 1);
      assert.deepEqual(store.dayRange(), { first: '2025-05-30', last: TODAY });
    });

    it('deleteAll() removes every history and quarantine key and forgets everything', async () => {
      const memento = new SpyMemento();
      memento.seed('history.w.old', 'oops');
      memento.seed('other.setting', 1);
      const { store, time } = makeStore({ memento });
      await store.load();
      store.record(attr(T0, 'typed', 5));
      await store.flush();
      await store.deleteAll();
      assert.deepEqual(memento.keys(), ['other.setting']);
      assert.equal(store.snapshot().today.ownershipRatio, null);
      assert.deepEqual(store.snapshot().recent, []);
      store.record(attr(time.now(), 'typed', 1));
      await store.flush();
      assert.equal(totalChars(store), 1);
    });
  });

  it('deleteAll() with counts not yet written: nothing is written afterwards (no empty record, no maintenance key)', async () => {
    const { store, memento, time } = makeStore();
    await store.load();
    store.record(attr(T0, 'typed', 5));
    await store.flush();
    store.record(attr(T0 + 1, 'typed', 5)); // waiting for the next timed write
    await store.deleteAll();
    await time.advance(10 * MIN);
    assert.deepEqual(memento.keys(), []);
  });

  it('deleteAll() in read-only mode removes the newer data too (the user asked) and resumes writing', async () => {
    const memento = new SpyMemento();
    memento.seed('history.w.next', { v: 3 });
    const { store } = makeStore({ memento });
    assert.equal((await store.load()).mode, 'readOnly');
    await store.deleteAll();
    assert.equal(store.mode, 'ready');
    store.record(attr(T0, 'typed', 1));
    assert.equal(await store.flush(), true);
    assert.deepEqual(historyKeys(memento), [store.key]);
  });

  it('rejects a window id that would make a strange key', () => {
    assert.throws(() => makeStore({ windowId: 'a.b/c' }));
    assert.throws(() => makeStore({ windowId: '' }));
  });

  it('a reporter that throws does not break storage', async () => {
    const memento = new SpyMemento();
    memento.seed('history.w.old', 'oops');
    const time = new FakeTime(T0);
    const store = new HistoryStore({
      memento, calendar: time.calendar(utc), scheduler: time, windowId: 'w', report: () => {
        throw new Error('boom');
      },
    });
    await store.load();
    await settle();
    assert.equal(store.mode, 'ready');
  });
});
