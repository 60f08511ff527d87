import * as assert from 'node:assert/strict';
import { HistoryStore } from '../../../src/core/history/historyStore';
import { SessionTracker } from '../../../src/core/sessions/sessionTracker';
import { RecentRing } from '../../../src/core/sessions/recentRing';
import { FakeTime, SpyMemento, attr, utc } from './fakes';

const T0 = Date.UTC(2025, 5, 2, 9);
const TODAY = '2025-06-02';

/*
 * An action decided otherwise moves its earlier pieces: the store counts the new category in place
 * of the old, in the day, the session, the languages and the recent list, and nothing else moves.
 */
describe('moving a counted attribution to another category', () => {
  it('the day, the session and the language move; sessions and active minutes stay', () => {
    const tracker = new SessionTracker({ tz: utc, idleGapMs: 20 * 60_000, windowTag: 'w' });
    const first = attr(T0, 'tool', 16, { languageId: 'typescript', confidence: 'estimated' });
    tracker.record(first);
    tracker.record(attr(T0 + 1000, 'typed', 3));
    const day = tracker.live.days.get(TODAY);
    assert.ok(day);
    const minutes = day.activeMinutes;
    assert.equal(tracker.replace(first, { ...first, category: 'aiChat' }), true);
    assert.equal(day.chars.tool, 0);
    assert.equal(day.chars.aiChat, 16);
    assert.equal(day.estimatedAiChars, 16);
    assert.equal(day.chatAccepts, 1);
    assert.equal(day.languages.get('typescript')?.aiChat, 16);
    assert.equal(day.languages.get('typescript')?.tool, 0);
    assert.equal(day.activeMinutes, minutes);
    assert.equal(day.sessions, 1);
    const [session] = tracker.live.sessions.get(TODAY) ?? [];
    assert.equal(session.chars.aiChat, 16);
    assert.equal(session.chars.tool, 0);
  });

  it('a later piece of an action adds characters, not another applied edit', () => {
    const tracker = new SessionTracker({ tz: utc, idleGapMs: 20 * 60_000, windowTag: 'w' });
    tracker.record(attr(T0, 'aiChat', 10));
    tracker.record(attr(T0 + 40, 'aiChat', 10, { continues: true }));
    assert.equal(tracker.live.days.get(TODAY)?.chatAccepts, 1);
    assert.equal(tracker.live.days.get(TODAY)?.chars.aiChat, 20);
  });

  it('refuses what it cannot have counted (a day it does not hold, impossible numbers, external)', () => {
    const tracker = new SessionTracker({ tz: utc, idleGapMs: 20 * 60_000, windowTag: 'w' });
    const counted = attr(T0, 'tool', 4);
    tracker.record(counted);
    assert.equal(tracker.replace(attr(T0 + 86_400_000, 'tool', 4), attr(T0 + 86_400_000, 'aiChat', 4)), false);
    assert.equal(tracker.replace(counted, { ...counted, chars: -1 }), false);
    assert.equal(tracker.replace(counted, { ...counted, category: 'external' }), false);
    assert.equal(tracker.live.days.get(TODAY)?.chars.tool, 4);
  });

  it('the recent list shows the new verdict in the old one\'s place', () => {
    const ring = new RecentRing<{ n: number }>(3);
    const a = { n: 1 };
    const b = { n: 2 };
    ring.push(a);
    ring.push(b);
    ring.replace(a, { n: 10 });
    ring.replace({ n: 99 }, { n: 100 });
    assert.deepEqual(ring.toArray(), [{ n: 10 }, { n: 2 }]);
  });

  it('the history store moves counted pieces, also those queued while history loads', async () => {
    const time = new FakeTime(T0);
    const store = new HistoryStore({ memento: new SpyMemento(), calendar: time.calendar(utc), scheduler: time, windowId: 'winA' });
    const queued = attr(T0, 'tool', 5, { confidence: 'estimated' });
    store.record(queued);
    store.replace(queued, { ...queued, category: 'aiChat' });
    await store.load();
    const counted = attr(T0 + 10, 'tool', 7, { confidence: 'estimated' });
    store.record(counted);
    store.replace(counted, { ...counted, category: 'aiChat' });
    const snapshot = store.snapshot();
    assert.equal(snapshot.today.chars.aiChat, 12);
    assert.equal(snapshot.today.chars.tool, 0);
    assert.deepEqual(snapshot.recent.map((a) => a.category), ['aiChat', 'aiChat']);
  });
});
