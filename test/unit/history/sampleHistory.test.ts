import * as assert from 'node:assert/strict';
import { HistoryStore } from '../../../src/core/history/historyStore';
import { InMemoryMemento } from '../../../src/core/history/ports';
import { generateSampleHistory, sampleDayAttributions, sampleMemento, seededRandom } from '../../../src/core/history/sampleHistory';
import { parseWindowRecord } from '../../../src/core/history/schema';
import { addDays } from '../../../src/core/sessions/localDay';
import { FakeTime } from './fakes';

const KB = 1024;

function bytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

describe('sample history and the size budget', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = JSON.stringify(generateSampleHistory({ seed: 7, days: 30 }));
    const b = JSON.stringify(generateSampleHistory({ seed: 7, days: 30 }));
    const c = JSON.stringify(generateSampleHistory({ seed: 8, days: 30 }));
    assert.equal(a, b);
    assert.notEqual(a, c);
  });

  it('a heavy year stays ≤ 150 KB, validates, and keeps every day with sessions only for recent days', function () {
    this.timeout(60_000);
    const { key, record } = generateSampleHistory({ seed: 2025, days: 365, profile: 'heavy' });
    const size = bytes({ [key]: record });
    assert.ok(size <= 150 * KB, `${(size / KB).toFixed(1)} KB`);
    assert.ok(size > 60 * KB, 'the sample is really heavy, not trivially small');
    assert.equal(parseWindowRecord(JSON.parse(JSON.stringify(record))).kind, 'ok');
    assert.equal(Object.keys(record.d).length, 365);
    assert.ok(Object.keys(record.s).length <= 14);
    const days = Object.values(record.d);
    const busyDays = days.filter((d) => (d.n ?? 0) >= 5).length;
    assert.ok(busyDays > 250, `${busyDays} days with 5+ sessions`);
    const meanActiveMinutes = days.reduce((sum, d) => sum + (d.m ?? 0), 0) / days.length;
    assert.ok(meanActiveMinutes > 300, `${meanActiveMinutes} active minutes a day`);
    assert.ok(days.every((d) => Object.keys(d.l ?? {}).length === 4), 'every day uses more languages than are kept');
  });

  it('five heavy years stay under the 512 KB Memento warning', function () {
    // A size bound, not a timing test: generous time for a loaded machine.
    this.timeout(60_000);
    const { record } = generateSampleHistory({ seed: 5, days: 5 * 365, profile: 'heavy' });
    const size = bytes(record);
    assert.ok(size < 512 * KB, `${(size / KB).toFixed(1)} KB`);
  });

  it('a year of real store use (a window a week, some crashes) stays ≤ 150 KB in the Memento', async function () {
    this.timeout(60_000);
    const memento = new InMemoryMemento();
    const random = seededRandom(99);
    const tz = () => 60;
    const first = '2025-01-01';
    let week = 0;
    for (let day = 0; day < 365; day += 7, week++) {
      const time = new FakeTime(Date.parse(`${addDays(first, day)}T06:00:00Z`));
      const store = new HistoryStore({ memento, calendar: time.calendar(tz), scheduler: time, windowId: `w${week}` });
      await store.load();
      for (let d = day; d < Math.min(day + 7, 365); d++) {
        for (const a of sampleDayAttributions(random, addDays(first, d), tz, 'heavy')) {
          store.record(a);
        }
        time.nowMs = Date.parse(`${addDays(first, d)}T23:00:00Z`);
        await store.flush();
      }
      if (week % 5 !== 4) {
        await store.dispose(); // every fifth week the window crashes instead (key left open)
      }
    }
    const size = memento.byteSize();
    assert.ok(size <= 150 * KB, `${(size / KB).toFixed(1)} KB in ${memento.keys().length} keys`);
    assert.ok(memento.keys().length <= 2, `${memento.keys().length} keys`);
    const reader = new HistoryStore({ memento, calendar: new FakeTime(Date.parse('2025-12-31T23:30:00Z')).calendar(tz), scheduler: new FakeTime(0), windowId: 'reader' });
    await reader.load();
    assert.equal(reader.days('2025-01-01', '2025-12-31').length, 365);
  });

  it('sampleMemento() gives a Memento a store can load (demo mode)', async () => {
    const memento = sampleMemento({ seed: 1, days: 30, endDay: '2025-06-30', profile: 'typical' });
    const time = new FakeTime(Date.parse('2025-06-30T20:00:00Z'));
    const store = new HistoryStore({ memento, calendar: time.calendar(() => 60), scheduler: time, windowId: 'demo' });
    const result = await store.load();
    assert.equal(result.mode, 'ready');
    assert.deepEqual(result.warnings, []);
    assert.ok(store.days('2025-06-01', '2025-06-30').length >= 20);
  });
});
