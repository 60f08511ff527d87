import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { CATEGORIES, type Category } from '../../../src/core/categories';
import { SessionTracker } from '../../../src/core/sessions/sessionTracker';
import { localDayKey, type TzOffset } from '../../../src/core/sessions/localDay';
import type { SessionAgg, SpanAgg } from '../../../src/core/history/model';
import { attr, berlin2025, utc } from '../history/fakes';

const MIN = 60_000;

function tracker(tz: TzOffset = utc, idleGapMs = 20 * MIN): SessionTracker {
  return new SessionTracker({ tz, idleGapMs, windowTag: 'w1' });
}

function allSessions(t: SessionTracker): SessionAgg[] {
  return [...t.live.sessions.values()].flat();
}

function day(t: SessionTracker, key: string): SpanAgg {
  const span = t.live.days.get(key);
  assert.ok(span, `day ${key} missing`);
  return span;
}

describe('SessionTracker', () => {
  const t0 = Date.UTC(2025, 5, 2, 9, 0); // Monday 09:00Z

  it('starts a session with the first edit and keeps it while gaps stay within the idle gap', () => {
    const t = tracker();
    t.record(attr(t0, 'typed', 5));
    t.record(attr(t0 + 20 * MIN, 'typed', 5)); // exactly the gap: same session
    t.record(attr(t0 + 40 * MIN + 1, 'typed', 5)); // just over: a new one
    const sessions = allSessions(t);
    assert.equal(sessions.length, 2);
    assert.equal(sessions[0].start, t0);
    assert.equal(sessions[0].end, t0 + 20 * MIN);
    assert.equal(sessions[0].chars.typed, 10);
    assert.equal(sessions[1].start, t0 + 40 * MIN + 1);
    assert.equal(day(t, '2025-06-02').sessions, 2);
    assert.equal(day(t, '2025-06-02').chars.typed, 15);
  });

  it('honours a changed idle gap', () => {
    const t = tracker();
    t.setIdleGap(5 * MIN);
    t.record(attr(t0));
    t.record(attr(t0 + 6 * MIN));
    assert.equal(allSessions(t).length, 2);
  });

  it('counts accepts per aiInline/aiChat event, the estimated AI part, deletions and active minutes', () => {
    const t = tracker();
    t.record(attr(t0 + 10_000, 'aiInline', 30, { confidence: 'estimated' }));
    t.record(attr(t0 + 50_000, 'aiInline', 20));
    t.record(attr(t0 + 65_000, 'aiChat', 100, { confidence: 'estimated', deleted: 7 }));
    t.record(attr(t0 + 5 * MIN, 'typed', 3, { deleted: 2 }));
    t.record(attr(t0 + 5 * MIN + 1, 'aiInline', 0)); // an accept with nothing inserted still counts once
    const s = allSessions(t)[0];
    assert.equal(s.inlineAccepts, 3);
    assert.equal(s.chatAccepts, 1);
    assert.equal(s.estimatedAiChars, 130);
    assert.equal(s.deletedChars, 9);
    assert.equal(s.activeMinutes, 3); // minutes 09:00, 09:01, 09:05
    assert.equal(day(t, '2025-06-02').activeMinutes, 3);
  });

  it('counts external edits in the day but never starts or extends a session with them', () => {
    const t = tracker();
    t.record(attr(t0, 'external', 500));
    assert.equal(allSessions(t).length, 0);
    assert.equal(day(t, '2025-06-02').chars.external, 500);
    assert.equal(day(t, '2025-06-02').activeMinutes, 0);
    t.record(attr(t0 + MIN, 'typed', 1));
    t.record(attr(t0 + 15 * MIN, 'external', 10));
    t.record(attr(t0 + 30 * MIN, 'typed', 1)); // 29 min after the last user edit: new session
    const sessions = allSessions(t);
    assert.equal(sessions.length, 2);
    assert.equal(sessions[0].chars.external, 10);
    assert.equal(sessions[0].end, t0 + MIN);
  });

  it('rejects impossible attributions without counting them', () => {
    const t = tracker();
    t.record(attr(t0, 'typed', 1));
    assert.equal(t.record(attr(t0, 'typed', Number.NaN)), false);
    assert.equal(t.record(attr(t0, 'typed', -3)), false);
    assert.equal(t.record(attr(t0, 'typed', 1.5)), false);
    assert.equal(t.record(attr(t0, 'typed', 1, { deleted: -1 })), false);
    assert.equal(t.record(attr(Number.NaN, 'typed', 1)), false);
    assert.equal(t.record(attr(t0, 'bogus' as Category, 1)), false);
    assert.equal(day(t, '2025-06-02').chars.typed, 1);
    assert.ok(CATEGORIES.every((c) => !Number.isNaN(day(t, '2025-06-02').chars[c])));
  });

  it('bounds the languages kept in memory, the overflow going to "other" with totals preserved', () => {
    const t = tracker();
    for (let i = 0; i < 40; i++) {
      t.record(attr(t0 + i * 1000, 'typed', 1, { languageId: `lang${i}` }));
    }
    const d = day(t, '2025-06-02');
    assert.ok(d.languages.size <= 33);
    assert.equal([...d.languages.values()].reduce((sum, c) => sum + c.typed, 0), 40);
    assert.equal(d.languages.get('other')?.typed, 8);
  });

  describe('local days, DST, time-zone changes, clocks moving backwards', () => {
    it('splits a session at local midnight: each piece in its own day', () => {
      const tz: TzOffset = () => 120; // UTC+2
      const t = tracker(tz);
      const beforeMidnight = Date.UTC(2025, 5, 2, 21, 58); // 23:58 local
      t.record(attr(beforeMidnight, 'typed', 4));
      t.record(attr(beforeMidnight + MIN, 'aiInline', 10)); // 23:59
      t.record(attr(beforeMidnight + 3 * MIN, 'typed', 6)); // 00:01 next day
      const [a, b] = [t.live.sessions.get('2025-06-02') ?? [], t.live.sessions.get('2025-06-03') ?? []];
      assert.equal(a.length, 1);
      assert.equal(b.length, 1);
      assert.equal(a[0].chars.typed + a[0].chars.aiInline, 14);
      assert.equal(b[0].chars.typed, 6);
      assert.ok(a[0].end < b[0].start);
      assert.equal(day(t, '2025-06-02').chars.typed, 4);
      assert.equal(day(t, '2025-06-03').chars.typed, 6);
      assert.equal(day(t, '2025-06-03').sessions, 1);
    });

    it('keeps a session across a spring-forward change (23-hour day) with its real duration', () => {
      const t = tracker(berlin2025);
      const at0159 = Date.UTC(2025, 2, 30, 0, 59); // 01:59 CET
      t.record(attr(at0159, 'typed', 1));
      t.record(attr(at0159 + 2 * MIN, 'typed', 1)); // 03:01 CEST
      const sessions = allSessions(t);
      assert.equal(sessions.length, 1);
      assert.equal(sessions[0].day, '2025-03-30');
      assert.equal(sessions[0].end - sessions[0].start, 2 * MIN);
      assert.equal(sessions[0].activeMinutes, 2);
    });

    it('counts the repeated hour of a fall-back change (25-hour day) in one day, durations ≥ 0', () => {
      const t = tracker(berlin2025);
      const first0230 = Date.UTC(2025, 9, 26, 0, 30); // 02:30 CEST
      for (let m = 0; m <= 60; m += 10) {
        t.record(attr(first0230 + m * MIN, 'typed', 1)); // through 02:30 CET
      }
      assert.deepEqual([...t.live.days.keys()], ['2025-10-26']);
      const [s] = allSessions(t);
      assert.equal(s.end - s.start, 60 * MIN);
      assert.equal(s.activeMinutes, 7);
    });

    it('walks three days across a DST change hour by hour with no day missing or doubled', () => {
      for (const start of [Date.UTC(2025, 2, 28, 23), Date.UTC(2025, 9, 24, 22)]) {
        const t = tracker(berlin2025);
        const expected = new Map<string, number>();
        for (let at = start; at < start + 3 * 24 * 60 * MIN; at += 5 * MIN) {
          t.record(attr(at, 'typed', 1));
          const key = localDayKey(at, berlin2025);
          expected.set(key, (expected.get(key) ?? 0) + 1);
        }
        assert.deepEqual([...t.live.days.keys()].sort(), [...expected.keys()].sort());
        for (const [key, count] of expected) {
          assert.equal(day(t, key).chars.typed, count, key);
        }
        const long = [...expected.values()].sort((a, b) => a - b);
        assert.ok(long.includes(23 * 12) || long.includes(25 * 12), 'a 23- or 25-hour day');
      }
    });

    it('follows a time-zone change within a minute, to the day of the new zone', () => {
      let offset = 60;
      const tz: TzOffset = () => offset;
      const t = tracker(tz);
      const at = Date.UTC(2025, 5, 1, 23, 30); // 00:30 on June 2 at UTC+1
      t.record(attr(at, 'typed', 1));
      offset = -300; // flew west: it is 18:30 on June 1 now
      t.record(attr(at + MIN, 'typed', 2));
      assert.equal(day(t, '2025-06-02').chars.typed, 1);
      assert.equal(day(t, '2025-06-01').chars.typed, 2);
      const sessions = allSessions(t);
      assert.deepEqual(sessions.map((s) => s.day), ['2025-06-02', '2025-06-01']);
      assert.ok(sessions.every((s) => s.end >= s.start));
    });

    it('never makes a duration negative when the clock moves backwards, and uses the edit\'s own day', () => {
      const t = tracker();
      const noon = Date.UTC(2025, 5, 2, 12);
      t.record(attr(noon, 'typed', 1));
      t.record(attr(noon - 2 * 60 * MIN, 'typed', 1)); // clock set back two hours
      let sessions = allSessions(t);
      assert.equal(sessions.length, 1);
      assert.equal(sessions[0].start, noon);
      assert.equal(sessions[0].end, noon);
      t.record(attr(noon - 13 * 60 * MIN, 'typed', 1)); // back across midnight: yesterday
      t.record(attr(noon + MIN, 'typed', 1)); // and forward again
      sessions = allSessions(t);
      assert.ok(sessions.every((s) => s.end >= s.start));
      assert.equal(day(t, '2025-06-01').chars.typed, 1);
      assert.equal(day(t, '2025-06-02').chars.typed, 3);
      assert.equal(t.live.days.size, 2);
    });

    it('keeps its invariants under any sequence of edits and clock jumps (property)', () => {
      const step = fc.record({
        jump: fc.oneof(fc.integer({ min: 0, max: 90_000 }), fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 })),
        category: fc.constantFrom(...CATEGORIES),
        chars: fc.nat(500),
      });
      fc.assert(fc.property(fc.array(step, { maxLength: 200 }), fc.integer({ min: -720, max: 840 }), (steps, offset) => {
        const tz: TzOffset = () => offset;
        const t = tracker(tz);
        let at = Date.UTC(2025, 0, 1);
        let total = 0;
        let userTotal = 0;
        for (const s of steps) {
          at += s.jump;
          t.record(attr(at, s.category, s.chars));
          total += s.chars;
          userTotal += s.category === 'external' ? 0 : s.chars;
        }
        const days = [...t.live.days.values()];
        assert.equal(days.reduce((sum, d) => sum + CATEGORIES.reduce((x, c) => x + d.chars[c], 0), 0), total);
        const sessions = allSessions(t);
        const sessionUser = sessions.reduce((sum, s) => sum + CATEGORIES.reduce((x, c) => x + (c === 'external' ? 0 : s.chars[c]), 0), 0);
        assert.equal(sessionUser, userTotal);
        for (const s of sessions) {
          assert.ok(s.end >= s.start);
          assert.equal(s.day, localDayKey(s.start, tz));
        }
        for (const [key, d] of t.live.days) {
          assert.equal(d.sessions, t.live.sessions.get(key)?.length ?? 0);
        }
      }));
    });
  });

  it('reports the open session only within the idle gap and on the same day', () => {
    const t = tracker();
    t.record(attr(t0));
    assert.ok(t.openSession(t0 + 10 * MIN));
    assert.equal(t.openSession(t0 + 21 * MIN), undefined);
    assert.equal(t.latestSession()?.start, t0);
  });
});
