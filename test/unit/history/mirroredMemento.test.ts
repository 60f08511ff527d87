import * as assert from 'node:assert/strict';
import { HistoryStore } from '../../../src/core/history/historyStore';
import { HISTORY_KEY_PREFIX } from '../../../src/core/storageKeys';
import { MirroredMemento, type MirrorFiles } from '../../../src/core/history/mirroredMemento';
import { InMemoryMemento } from '../../../src/core/history/ports';
import { attr, FakeTime, SpyMemento, utc, type FailMode } from './fakes';

/** A folder shared by windows: JSON copies, modification times from the shared clock. */
class FakeFolder implements MirrorFiles {
  readonly files = new Map<string, { mtime: number; json: string }>();
  constructor(private readonly time: FakeTime) {}
  async list() {
    return [...this.files].map(([name, file]) => ({ name, mtime: file.mtime }));
  }
  async read(name: string) {
    const file = this.files.get(name);
    if (!file) {
      throw new Error(`ENOENT ${name}`);
    }
    return JSON.parse(file.json);
  }
  async write(name: string, value: unknown) {
    this.files.set(name, { mtime: this.time.now(), json: JSON.stringify(value) });
  }
  async remove(name: string) {
    this.files.delete(name);
  }
  readonly setAsideFiles: { name: string; reason: string; json: string }[] = [];
  async setAside(name: string, reason: string) {
    this.setAsideFiles.push({ name, reason, json: this.files.get(name)?.json ?? '' });
    this.files.delete(name);
  }
}

/** Each window has its own copy of workspace state, taken when it opened (as VS Code does). */
function windowMemento(shared: InMemoryMemento): InMemoryMemento {
  const copy = new InMemoryMemento();
  for (const key of shared.keys()) {
    void copy.update(key, shared.get(key));
  }
  return copy;
}

const isHistoryKey = (key: string) => key.startsWith(HISTORY_KEY_PREFIX);

describe('MirroredMemento: two windows on one folder', function () {
  it('counts 1,000 edits in each of two windows as 2,000, although each window\'s state overwrites the other\'s', async function () {
    const time = new FakeTime(Date.UTC(2026, 10, 24, 9, 0, 0));
    const folder = new FakeFolder(time);
    const persisted = new InMemoryMemento();
    const open = async (id: string) => {
      const local = windowMemento(persisted);
      const memento = new MirroredMemento(local, folder, isHistoryKey, time);
      await memento.refresh();
      const store = new HistoryStore({ memento, calendar: time.calendar(utc), scheduler: time, windowId: id });
      await store.load();
      return { store, memento, local };
    };
    const a = await open('windowA');
    const b = await open('windowB');
    for (let i = 0; i < 1000; i++) {
      a.store.record(attr(time.now(), 'typed', 1));
      b.store.record(attr(time.now(), 'typed', 1));
      await time.advance(50);
    }
    await a.store.dispose();
    await b.store.dispose();
    // The window that closed last wins VS Code's single value per extension: A's counts are not in it.
    for (const key of persisted.keys()) {
      await persisted.update(key, undefined);
    }
    for (const key of b.local.keys()) {
      await persisted.update(key, b.local.get(key));
    }
    const next = await open('windowC');
    assert.equal(next.store.snapshot().today.chars.typed, 2000);
  });

  it('sees what another window wrote after a refresh', async function () {
    const time = new FakeTime(Date.UTC(2026, 10, 24, 9, 0, 0));
    const folder = new FakeFolder(time);
    const a = new MirroredMemento(new InMemoryMemento(), folder, isHistoryKey, time);
    const b = new MirroredMemento(new InMemoryMemento(), folder, isHistoryKey, time);
    await a.update('history.w.a', { v: 1, w: 'a', t: time.now(), d: {}, s: {} });
    assert.equal(b.get('history.w.a'), undefined);
    assert.equal(await b.refresh(), true);
    assert.deepEqual(b.keys(), ['history.w.a']);
    assert.equal(await b.refresh(), false, 'nothing new on a second refresh');
  });

  it('prefers the newer copy, and never resurrects a deleted record from a stale copy', async function () {
    const time = new FakeTime(Date.UTC(2026, 10, 24, 9, 0, 0));
    const folder = new FakeFolder(time);
    const staleLocal = new InMemoryMemento();
    await staleLocal.update('history.w.a', { v: 1, w: 'a', t: 1, d: {}, s: {} });
    const b = new MirroredMemento(staleLocal, folder, isHistoryKey, time);
    const a = new MirroredMemento(new InMemoryMemento(), folder, isHistoryKey, time);
    await a.update('history.w.a', { v: 1, w: 'a', t: 5, d: {}, s: {} });
    await b.refresh();
    assert.equal((b.get('history.w.a') as { t: number }).t, 5);
    await time.advance(10);
    await a.update('history.w.a', undefined);
    await b.refresh();
    assert.equal(b.get('history.w.a'), undefined);
    assert.deepEqual(b.keys(), []);
  });

  it('leaves keys that are not mirrored to the Memento alone', async function () {
    const time = new FakeTime(0);
    const folder = new FakeFolder(time);
    const memento = new MirroredMemento(new InMemoryMemento(), folder, isHistoryKey, time);
    await memento.update('reflections', { x: 1 });
    assert.equal(folder.files.size, 0);
    assert.deepEqual(memento.get('reflections'), { x: 1 });
  });

  it('keeps the Memento write when the shared file cannot be written, and reports it', async function () {
    const time = new FakeTime(0);
    const errors: unknown[] = [];
    const failing: MirrorFiles = { list: async () => [], read: async () => undefined, write: async () => { throw new Error('EACCES'); }, remove: async () => undefined, setAside: async () => undefined };
    const local = new InMemoryMemento();
    const writes: (boolean | undefined)[] = [];
    const memento = new MirroredMemento(local, failing, isHistoryKey, time, (error, writing) => {
      errors.push(error);
      writes.push(writing);
    });
    await memento.update('history.w.a', { v: 1, w: 'a', t: 1, d: {}, s: {} });
    assert.deepEqual((local.get('history.w.a') as { t: number }).t, 1);
    assert.equal(errors.length, 1);
    assert.deepEqual(writes, [true], 'reported as a failed write (the user is told), not a read');
  });

  it('sets a damaged record file aside (with the reason) once it is still unreadable at the next refresh', async function () {
    const time = new FakeTime(0);
    const folder = new FakeFolder(time);
    const errors: unknown[] = [];
    const memento = new MirroredMemento(new InMemoryMemento(), folder, isHistoryKey, time, (error) => errors.push(error));
    folder.files.set('history.w.crashed.json', { mtime: 5, json: '' });
    folder.files.set('history.w.busy.json', { mtime: 5, json: '{"v":1,' });
    await memento.refresh();
    assert.equal(folder.setAsideFiles.length, 0, 'the first failure may be a file being replaced');
    assert.equal(errors.length, 2);
    folder.files.set('history.w.busy.json', { mtime: 6, json: JSON.stringify({ v: 1, w: 'busy', t: 6, d: {}, s: {} }) });
    await memento.refresh();
    assert.deepEqual(folder.setAsideFiles.map((f) => f.name), ['history.w.crashed.json']);
    assert.match(folder.setAsideFiles[0].reason, /JSON/);
    assert.equal((memento.get('history.w.busy') as { t: number }).t, 6, 'replaced in the meantime: read, not set aside');
    await memento.refresh();
    assert.equal(folder.setAsideFiles.length, 1, 'set aside once, not skipped at every refresh');
  });

  it('passes a failing Memento write on to the store unchanged, for its retries; the shared file still has the record', async function () {
    const time = new FakeTime(0);
    const folder = new FakeFolder(time);
    const broken = new InMemoryMemento();
    broken.update = () => Promise.reject(new Error('storage full'));
    const memento = new MirroredMemento(broken, folder, isHistoryKey, time);
    await assert.rejects(memento.update('history.w.a', { t: 1 }), /storage full/);
    assert.deepEqual([...folder.files.keys()], ['history.w.a.json'], 'the counts are kept where the next window reads them');
    assert.equal((memento.get('history.w.a') as { t: number }).t, 1);
  });

  it('writes the shared file although the Memento never answers (a window going away): the next window has the counts', async function () {
    const time = new FakeTime(0);
    const folder = new FakeFolder(time);
    const gone = new InMemoryMemento();
    gone.update = () => new Promise<void>(() => undefined);
    void new MirroredMemento(gone, folder, isHistoryKey, time).update('history.w.a', { v: 2, w: 'a', t: 7, d: {}, s: {} });
    await new Promise((resolve) => setImmediate(resolve));
    const next = new MirroredMemento(new InMemoryMemento(), folder, isHistoryKey, time);
    await next.refresh();
    assert.equal((next.get('history.w.a') as { t: number }).t, 7);
  });
  for (const failMode of ['throw', 'reject'] as FailMode[]) {
    it(`keeps the final write of a window going away whose workspace state ${failMode === 'throw' ? 'throws' : 'rejects'} at once (a reload): the next window has every count`, async function () {
      const time = new FakeTime(Date.UTC(2026, 10, 24, 9, 0, 0));
      const folder = new FakeFolder(time);
      const local = new SpyMemento();
      const store = new HistoryStore({ memento: new MirroredMemento(local, folder, isHistoryKey, time), calendar: time.calendar(utc), scheduler: time, windowId: 'windowA' });
      await store.load();
      store.record(attr(time.now(), 'typed', 16));
      // Nothing written yet: the first write also stores the maintenance state (the trusted day).
      assert.equal(local.log.length, 0);
      local.failMode = failMode;
      await store.dispose();
      const next = new MirroredMemento(new InMemoryMemento(), folder, isHistoryKey, time);
      await next.refresh();
      const reader = new HistoryStore({ memento: next, calendar: time.calendar(utc), scheduler: time, windowId: 'windowB' });
      await reader.load();
      assert.equal(reader.snapshot().today.chars.typed, 16);
    });
  }
});
