import * as assert from 'node:assert/strict';
import { HistoryStore } from '../../../src/core/history/historyStore';
import { InMemoryMemento } from '../../../src/core/history/ports';
import { SNAPSHOT_VERSION, requestedSnapshotVersion, snapshotV1 } from '../../../src/core/history/snapshot';
import { FakeTime, attr, utc } from './fakes';

const T0 = Date.UTC(2026, 11, 3, 9, 0, 0);

async function storeWithTyping() {
  const time = new FakeTime(T0);
  const store = new HistoryStore({ memento: new InMemoryMemento(), calendar: time.calendar(utc), scheduler: time, windowId: 'winA' });
  await store.load();
  store.record(attr(T0, 'typed', 12));
  store.record(attr(T0 + 1_000, 'aiInline', 8));
  return store;
}

describe('the snapshot served to other extensions', () => {
  it('version 2: each span has aiFate and lead, zeros when nothing was measured', async () => {
    const snapshot = (await storeWithTyping()).snapshot();
    assert.equal(snapshot.version, SNAPSHOT_VERSION);
    assert.equal(SNAPSHOT_VERSION, 2);
    for (const span of [snapshot.today, snapshot.session]) {
      assert.deepEqual(span.aiFate, { kept: 0, reworked: 0, removed: 0, pending: 0 });
      assert.deepEqual(span.lead, { you: 0, ai: 0, mixed: 0 });
      assert.equal(span.chars.typed, 12);
    }
    const json = JSON.parse(JSON.stringify(snapshot)) as typeof snapshot;
    assert.deepEqual(json, snapshot, 'plain JSON');
  });

  it('version 1 (deprecated) on request: the same totals without the outcome', async () => {
    const snapshot = (await storeWithTyping()).snapshot();
    const old = snapshotV1(snapshot);
    assert.equal(old.version, 1);
    for (const span of [old.today, old.session]) {
      assert.equal('aiFate' in span || 'lead' in span, false);
    }
    assert.deepEqual(old.today.chars, snapshot.today.chars);
    assert.equal(old.today.date, snapshot.today.date);
    assert.equal(old.session.id, snapshot.session.id);
    assert.deepEqual(old.recent, snapshot.recent);
  });

  it('serves version 1 only when asked for it exactly', () => {
    assert.equal(requestedSnapshotVersion({ version: 1 }), 1);
    for (const other of [undefined, null, {}, { version: 2 }, { version: '1' }, 1, 'version 1']) {
      assert.equal(requestedSnapshotVersion(other), SNAPSHOT_VERSION, JSON.stringify(other));
    }
  });
});
