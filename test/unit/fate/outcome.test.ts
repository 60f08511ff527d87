import * as assert from 'node:assert/strict';
import { dailyRow, DAILY_COLUMNS, SESSION_COLUMNS, sessionRow } from '../../../src/core/export/csv';
import { decodeDay, encodeDay, encodeSession } from '../../../src/core/history/codec';
import { HistoryStore } from '../../../src/core/history/historyStore';
import { parseWindowRecord } from '../../../src/core/history/schema';
import { SessionTracker } from '../../../src/core/sessions/sessionTracker';
import { emptyAiChatBy } from '../../../src/core/terminal/aiChatBy';
import { FakeTime, SpyMemento, attr, settle, utc } from '../history/fakes';

const MIN = 60_000;
const T0 = Date.UTC(2025, 5, 2, 9);
const TODAY = '2025-06-02';

function tracker(): SessionTracker {
  return new SessionTracker({ tz: utc, idleGapMs: 20 * MIN, windowTag: 'winA' });
}

describe('the fate of AI text and who led, in sessions, days, storage and export', function () {
  it('a settled fate counts in the day and the session of the insert', function () {
    const t = tracker();
    t.record(attr(T0, 'aiInline', 40));
    t.recordFate(T0, { kept: 30, reworked: 6, removed: 4 });
    const day = t.live.days.get(TODAY);
    assert.deepEqual(day?.outcome.fate, { kept: 30, reworked: 6, removed: 4 });
    assert.deepEqual(t.live.sessions.get(TODAY)?.[0].outcome.fate, { kept: 30, reworked: 6, removed: 4 });
  });

  it('who led each file counts once the session ends: a new session, idle at a tick, or the window closing', function () {
    const t = tracker();
    const note = (at: number, key: string, category: 'typed' | 'aiChat', chars: number): void => {
      const a = attr(at, category, chars);
      t.record(a);
      t.noteLead(key, a);
    };
    note(T0, 'a.ts', 'aiChat', 300);
    note(T0 + MIN, 'a.ts', 'typed', 50);
    note(T0 + MIN, 'b.ts', 'typed', 80);
    note(T0 + MIN, 'c.ts', 'typed', 3); // too little work: no lead
    assert.equal(t.settleLeads(T0 + 2 * MIN), false, 'the session is still open');
    assert.equal(t.live.days.get(TODAY)?.outcome.lead, undefined);
    // The next session starts after the idle gap: the first one's files count.
    note(T0 + 30 * MIN, 'a.ts', 'typed', 100);
    const [first, second] = t.live.sessions.get(TODAY) ?? [];
    assert.deepEqual(first.outcome.lead, { you: 1, ai: 1, mixed: 0 });
    assert.equal(second.outcome.lead, undefined);
    assert.equal(t.settleLeads(T0 + 60 * MIN), true, 'idle by then');
    assert.deepEqual(second.outcome.lead, { you: 1, ai: 0, mixed: 0 });
    assert.deepEqual(t.live.days.get(TODAY)?.outcome.lead, { you: 2, ai: 1, mixed: 0 });
    // The first session's AI-led file holds most of its characters: the session was AI-led.
    assert.deepEqual(first.outcome.leadSessions, { you: 0, ai: 1, mixed: 0 });
    assert.deepEqual(first.outcome.leadChars, { you: 80, ai: 350, mixed: 0 });
    assert.deepEqual(t.live.days.get(TODAY)?.outcome.leadSessions, { you: 1, ai: 1, mixed: 0 });
    assert.deepEqual(t.live.days.get(TODAY)?.outcome.leadChars, { you: 180, ai: 350, mixed: 0 });
    assert.equal(t.settleLeads(), false, 'nothing followed any more');
  });

  it('stores the figures only where measured, and reads days from before as having none', function () {
    const t = tracker();
    t.record(attr(T0, 'aiInline', 10));
    const session = t.live.sessions.get(TODAY)?.[0];
    const day = t.live.days.get(TODAY);
    assert.ok(day !== undefined && session !== undefined);
    assert.equal(encodeDay(day, 4).o, undefined);
    assert.equal(decodeDay(encodeDay(day, 4)).outcome.fate, undefined, 'never invented as zeros');
    t.recordFate(T0, { kept: 7, reworked: 2, removed: 1 });
    day.outcome.addLead('ai');
    day.outcome.addLead('ai', 1, 'leadSessions');
    day.outcome.addLead('ai', 120, 'leadChars');
    day.outcome.addLead('you', 30, 'leadChars');
    const rec = encodeDay(day, 4);
    assert.deepEqual(rec.o, [7, 2, 1]);
    assert.deepEqual(rec.ld, [0, 1, 0]);
    assert.deepEqual([rec.ls, rec.lc], [[0, 1, 0], [30, 120, 0]]);
    assert.deepEqual([decodeDay(rec).outcome.leadSessions, decodeDay(rec).outcome.leadChars], [{ you: 0, ai: 1, mixed: 0 }, { you: 30, ai: 120, mixed: 0 }]);
    assert.deepEqual(decodeDay(rec).outcome.fate, { kept: 7, reworked: 2, removed: 1 });
    assert.deepEqual(decodeDay(rec).outcome.lead, { you: 0, ai: 1, mixed: 0 });
    assert.deepEqual(encodeSession(session, 2).o, [7, 2, 1]);
  });

  it('validates the stored figures: a bad one is repaired or left out, the rest of the day kept', function () {
    const record = (o: unknown) => ({ v: 1, w: 'winA', t: T0, d: { [TODAY]: { c: [5, 10], o } }, s: {} });
    const ok = parseWindowRecord(record([7, 2, 1]));
    assert.equal(ok.kind, 'ok');
    const repaired = parseWindowRecord(record([7, -2]));
    assert.equal(repaired.kind, 'repaired');
    assert.ok(repaired.kind === 'repaired');
    assert.deepEqual(repaired.value.history.d[TODAY].o, [7, 0, 0]);
    assert.deepEqual(repaired.value.history.d[TODAY].c, [5, 10]);
    const dropped = parseWindowRecord(record('lots'));
    assert.ok(dropped.kind === 'repaired');
    assert.equal(dropped.value.history.d[TODAY].o, undefined);
    assert.deepEqual(dropped.value.history.d[TODAY].c, [5, 10]);
  });

  it('the snapshot shows the fate with what is pending, and the lead: zeros until there is some', async function () {
    const time = new FakeTime(T0);
    const store = new HistoryStore({ memento: new SpyMemento(), calendar: time.calendar(utc), scheduler: time, windowId: 'winA' });
    await store.load();
    store.record(attr(T0, 'aiInline', 20));
    const before = store.snapshot();
    assert.deepEqual(before.today.aiFate, { kept: 0, reworked: 0, removed: 0, pending: 0 });
    assert.deepEqual(before.today.lead, { you: 0, ai: 0, mixed: 0 });
    assert.deepEqual(store.snapshot(() => 20).today.aiFate, { kept: 0, reworked: 0, removed: 0, pending: 20 });
    store.recordLater((t) => t.recordFate(T0, { kept: 15, reworked: 3, removed: 2 }));
    const after = store.snapshot(() => 0);
    assert.deepEqual(after.today.aiFate, { kept: 15, reworked: 3, removed: 2, pending: 0 });
    assert.deepEqual(after.session.aiFate, { kept: 15, reworked: 3, removed: 2, pending: 0 });
    assert.deepEqual(store.days(TODAY, TODAY)[0].aiFate, { kept: 15, reworked: 3, removed: 2, pending: 0 });
    await store.dispose();
    await settle();
  });

  it('the CSV has the columns at the end, empty where not measured', function () {
    const columns = ['ai_kept', 'ai_reworked', 'ai_removed', 'led_you', 'led_ai', 'led_mixed',
      'led_sessions_you', 'led_sessions_ai', 'led_sessions_mixed', 'led_chars_you', 'led_chars_ai', 'led_chars_mixed'];
    assert.deepEqual(DAILY_COLUMNS.slice(-12), columns);
    assert.deepEqual(SESSION_COLUMNS.slice(-12), columns);
    const base = {
      date: TODAY, chars: { typed: 1, aiInline: 0, aiChat: 0, paste: 0, tool: 0, undoRedo: 0, external: 0 }, estimatedAiChars: 0, aiChatBy: emptyAiChatBy(), ownershipRatio: 1,
      deletedChars: 0, accepts: { inline: 0, chat: 0 }, activeMinutes: 1, languages: {}, sessions: 1,
    };
    assert.deepEqual(dailyRow(base).slice(-12), new Array(12).fill(undefined));
    const measured = {
      ...base, aiFate: { kept: 5, reworked: 1, removed: 0, pending: 0 }, lead: { you: 2, ai: 0, mixed: 1 }, leadSessions: { you: 1, ai: 0, mixed: 0 }, leadChars: { you: 90, ai: 0, mixed: 40 },
    };
    assert.deepEqual(dailyRow(measured).slice(-12), [5, 1, 0, 2, 0, 1, 1, 0, 0, 90, 0, 40]);
    const session = { ...measured, id: 's', start: '2025-06-02T09:00:00Z', end: '2025-06-02T09:10:00Z' };
    assert.equal(sessionRow(session).length, SESSION_COLUMNS.length);
    assert.equal(dailyRow(measured).length, DAILY_COLUMNS.length);
  });
});
