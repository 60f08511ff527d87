import * as assert from 'node:assert/strict';
import { compactHistory, firstKeptDay } from '../../../src/core/history/compaction';
import { SessionTracker } from '../../../src/core/sessions/sessionTracker';
import { addDays } from '../../../src/core/sessions/localDay';
import type { HistoryData } from '../../../src/core/history/model';
import { attr, utc } from './fakes';

/** One session per day for `days` days ending 2025-06-30. */
function history(days: number): HistoryData {
  const tracker = new SessionTracker({ tz: utc, idleGapMs: 20 * 60_000, windowTag: 'w' });
  for (let i = days - 1; i >= 0; i--) {
    const day = addDays('2025-06-30', -i);
    tracker.record(attr(Date.parse(`${day}T10:00:00Z`), 'typed', 10));
    tracker.record(attr(Date.parse(`${day}T10:05:00Z`), 'aiInline', 5));
  }
  return tracker.live;
}

describe('history compaction', () => {
  it('computes the first kept day, today included; 0 keeps all', () => {
    assert.equal(firstKeptDay('2025-06-30', 1), '2025-06-30');
    assert.equal(firstKeptDay('2025-06-30', 30), '2025-06-01');
    assert.equal(firstKeptDay('2025-06-30', 0), undefined);
  });

  it('drops session detail older than N days but keeps every day aggregate and its session count', () => {
    const data = history(60);
    const before = [...data.days.values()].map((d) => ({ typed: d.chars.typed, ai: d.chars.aiInline, n: d.sessions, m: d.activeMinutes }));
    assert.ok(compactHistory(data, '2025-06-30', { retentionDays: 0, sessionDetailDays: 14, languageDetailDays: 366 }));
    assert.deepEqual([...data.sessions.keys()].sort()[0], '2025-06-17');
    assert.equal(data.sessions.size, 14);
    assert.equal(data.days.size, 60);
    assert.deepEqual([...data.days.values()].map((d) => ({ typed: d.chars.typed, ai: d.chars.aiInline, n: d.sessions, m: d.activeMinutes })), before);
  });

  it('applies retention to whole days, and is idempotent', () => {
    const data = history(60);
    const policy = { retentionDays: 30, sessionDetailDays: 14, languageDetailDays: 366 };
    assert.ok(compactHistory(data, '2025-06-30', policy));
    assert.equal(data.days.size, 30);
    assert.equal([...data.days.keys()].sort()[0], '2025-06-01');
    assert.equal(compactHistory(data, '2025-06-30', policy), false);
    assert.equal(data.days.size, 30);
  });

  it('keeps today\'s sessions even with a detail window of 0', () => {
    const data = history(3);
    compactHistory(data, '2025-06-30', { retentionDays: 0, sessionDetailDays: 0, languageDetailDays: 0 });
    assert.deepEqual([...data.sessions.keys()], ['2025-06-30']);
  });
});
