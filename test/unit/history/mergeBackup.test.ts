import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeHistory, encodeHistory } from '../../../src/core/history/codec';
import { planBackupMerge, sameFigures } from '../../../src/core/history/mergeBackup';
import { SpanAgg, emptyHistory, mergeHistory, type HistoryData } from '../../../src/core/history/model';
import { generateSampleHistory } from '../../../src/core/history/sampleHistory';

function sample(days = 40, seed = 3): HistoryData {
  const { record } = generateSampleHistory({ seed, days, retention: { sessionDetailDays: 20 } });
  return decodeHistory(record);
}

function copy(data: HistoryData): HistoryData {
  const out = emptyHistory();
  mergeHistory(out, data);
  return out;
}

function encoded(data: HistoryData) {
  return encodeHistory(data, { languagesPerDay: 4, languagesPerSession: 2 });
}

/** What `restoreBackup` would do with the plan. */
function restore(current: HistoryData, backup: HistoryData): ReturnType<typeof planBackupMerge> {
  const plan = planBackupMerge(current, backup);
  mergeHistory(current, plan.additions);
  return plan;
}

describe('planBackupMerge (idempotent restore)', () => {
  it('into an empty history: adds every day and session of the backup', () => {
    const backup = sample();
    const current = emptyHistory();
    const plan = restore(current, backup);
    assert.equal(plan.addedDays.length, backup.days.size);
    assert.equal(plan.addedSessions, [...backup.sessions.values()].reduce((n, l) => n + l.length, 0));
    assert.deepEqual(encoded(current), encoded(backup));
  });

  it('restoring the same backup twice changes nothing the second time', () => {
    const backup = sample();
    const current = emptyHistory();
    restore(current, backup);
    const before = JSON.stringify(encoded(current));
    const second = restore(current, backup);
    assert.deepEqual(second.addedDays, []);
    assert.equal(second.addedSessions, 0);
    assert.equal(second.sameDays.length, backup.days.size);
    assert.equal(JSON.stringify(encoded(current)), before);
  });

  it('restoring a backup of the current history is a no-op; later work on a day is kept, never doubled', () => {
    const current = sample();
    const backup = copy(current);
    const today = [...current.days.keys()].sort().at(-1) as string;
    (current.days.get(today) as SpanAgg).chars.typed += 100; // worked on after the backup
    const before = JSON.stringify(encoded(current));
    const plan = restore(current, backup);
    assert.deepEqual(plan.addedDays, []);
    assert.deepEqual(plan.keptDays, [today]);
    assert.equal(JSON.stringify(encoded(current)), before);
  });

  it('into a non-empty history: adds only the days it lacks and reports them', () => {
    const backup = sample(30);
    const days = [...backup.days.keys()].sort();
    const current = copy(backup);
    for (const day of days.slice(0, 10)) {
      current.days.delete(day);
      current.sessions.delete(day);
    }
    const plan = restore(current, backup);
    assert.deepEqual(plan.addedDays, days.slice(0, 10));
    assert.equal(plan.sameDays.length, 20);
    assert.deepEqual(encoded(current), encoded(backup));
  });

  it('never changes its inputs and shares no objects with the result', () => {
    const backup = sample(10);
    const snapshot = JSON.stringify(encoded(backup));
    const plan = planBackupMerge(emptyHistory(), backup);
    const [day] = plan.addedDays;
    (plan.additions.days.get(day) as SpanAgg).chars.typed += 1;
    for (const session of plan.additions.sessions.get(day) ?? []) {
      session.chars.typed += 1;
    }
    assert.equal(JSON.stringify(encoded(backup)), snapshot);
  });

  it('skips empty backup days', () => {
    const backup = emptyHistory();
    backup.days.set('2025-01-01', new SpanAgg());
    assert.deepEqual(planBackupMerge(emptyHistory(), backup).addedDays, []);
  });

  it('property: any split of a history, restored from a full backup, any number of times, gives the full history', () => {
    const full = sample(60, 11);
    const days = [...full.days.keys()].sort();
    fc.assert(fc.property(fc.subarray(days), fc.integer({ min: 1, max: 3 }), (kept, times) => {
      const current = emptyHistory();
      for (const day of kept) {
        const span = new SpanAgg();
        span.addSpan(full.days.get(day) as SpanAgg);
        current.days.set(day, span);
        const sessions = full.sessions.get(day);
        if (sessions !== undefined) {
          mergeHistory(current, { days: new Map(), sessions: new Map([[day, sessions]]) });
        }
      }
      for (let i = 0; i < times; i++) {
        const plan = restore(current, full);
        assert.equal(plan.addedDays.length, i === 0 ? days.length - kept.length : 0);
        assert.equal(plan.keptDays.length, 0);
      }
      assert.deepEqual(encoded(current), encoded(full));
      for (const day of days) {
        assert.ok(sameFigures(current.days.get(day) as SpanAgg, full.days.get(day) as SpanAgg));
      }
    }), { numRuns: 50 });
  });
});
