import * as assert from 'node:assert/strict';
import { compareByLead, compareByOwnership, computeInsights, dayLeader, MIN_LED_DAYS, MIN_REFLECTED_DAYS, soloBlocks } from '../../../src/core/reflection/insights';
import type { ReflectionEntry } from '../../../src/core/reflection/model';
import { addDays } from '../../../src/core/sessions/localDay';

function entry(date: string, ratings: ReflectionEntry['ratings']): ReflectionEntry {
  return { date, ratings, answers: {}, updated: 0 };
}

describe('Insights', function () {
  it('waits for enough reflected days with a ratio', function () {
    const days = Array.from({ length: 10 }, (_, i) => ({ date: addDays('2026-03-01', i), ratio: i === 0 ? null : 0.5 }));
    const reflections = Array.from({ length: MIN_REFLECTED_DAYS }, (_, i) => entry(addDays('2026-03-01', i), { enjoyment: 3 }));
    // Day 0 has no ratio: only 6 pairs.
    assert.deepEqual(compareByOwnership(days, reflections), { status: 'notEnough', reflectedDays: MIN_REFLECTED_DAYS - 1, needed: MIN_REFLECTED_DAYS });
    assert.deepEqual(compareByOwnership([], []), { status: 'notEnough', reflectedDays: 0, needed: MIN_REFLECTED_DAYS });
  });

  it('compares the higher- and lower-ownership halves of the user\'s own days', function () {
    const days = Array.from({ length: 9 }, (_, i) => ({ date: addDays('2026-03-01', i), ratio: i / 8 }));
    const reflections = days.map((day, i) => entry(day.date, { enjoyment: i < 4 ? 2 : 4, boredom: i < 4 ? 4 : 2, energy: 3 }));
    const result = compareByOwnership(days, reflections);
    assert.equal(result.status, 'ready');
    if (result.status === 'ready') {
      assert.equal(result.reflectedDays, 9);
      assert.equal(result.lower.days, 4);
      assert.equal(result.higher.days, 4);
      assert.equal(result.lower.means.enjoyment, 2);
      assert.equal(result.higher.means.enjoyment, 4);
      assert.equal(result.higher.means.boredom, 2);
      assert.equal(result.higher.means.autonomy, null);
      assert.equal(result.lower.minRatio, 0);
      assert.equal(result.higher.maxRatio, 1);
      for (const group of [result.lower, result.higher]) {
        for (const value of Object.values(group.means)) {
          assert.ok(value === null || Number.isFinite(value));
        }
      }
    }
  });

  it('ignores reflections with only text and days without a ratio', function () {
    const days = Array.from({ length: 8 }, (_, i) => ({ date: addDays('2026-03-01', i), ratio: 0.5 }));
    const reflections = days.map((day) => ({ ...entry(day.date, {}), answers: { proud: 'x' } }));
    assert.equal(compareByOwnership(days, reflections).status, 'notEnough');
  });

  it('counts solo blocks (≥ 90% own) and the longest run of days with one', function () {
    const solo = soloBlocks([
      { date: '2026-03-01', own: 95, ai: 5, minutes: 40 },
      { date: '2026-03-01', own: 50, ai: 50, minutes: 30 },
      { date: '2026-03-02', own: 90, ai: 10, minutes: 25 },
      { date: '2026-03-03', own: 100, ai: 0, minutes: 70 },
      { date: '2026-03-05', own: 100, ai: 0, minutes: 5 },
      { date: '2026-03-06', own: 0, ai: 0, minutes: 3 },
    ]);
    assert.deepEqual(solo, { blocks: 4, sessions: 5, minutes: 140, longestMinutes: 70, longestDayStreak: 3 });
    assert.deepEqual(soloBlocks([]), { blocks: 0, sessions: 0, minutes: 0, longestMinutes: 0, longestDayStreak: 0 });
  });

  it('combines both', function () {
    const insights = computeInsights([], [], []);
    assert.equal(insights.comparison.status, 'notEnough');
    assert.equal(insights.solo.blocks, 0);
  });

  describe('days you led against days AI led', function () {
    const lead = (you: number, ai: number, mixed = 0) => ({ you, ai, mixed });

    it('a day is led by the side that led more of its files; a tie, only mixed files or no measure is neither', function () {
      assert.equal(dayLeader(lead(3, 1)), 'you');
      assert.equal(dayLeader(lead(1, 2, 5)), 'ai');
      assert.equal(dayLeader(lead(2, 2)), undefined);
      assert.equal(dayLeader(lead(0, 0, 4)), undefined);
      assert.equal(dayLeader(undefined), undefined);
    });

    it('waits for enough reflected days on each side, and counts only days with a rating', function () {
      const days = Array.from({ length: 8 }, (_, i) => ({ date: addDays('2026-03-01', i), ratio: 0.5, lead: i < 5 ? lead(2, 0) : lead(0, 2) }));
      const reflections = days.map((day, i) => entry(day.date, i === 7 ? {} : { enjoyment: 3 }));
      // Five days you led, three AI led, of which one has no rating: two.
      assert.deepEqual(compareByLead(days, reflections), { status: 'notEnough', youLedDays: 5, aiLedDays: 2, needed: MIN_LED_DAYS });
      assert.deepEqual(compareByLead(days, []), { status: 'notEnough', youLedDays: 0, aiLedDays: 0, needed: MIN_LED_DAYS });
    });

    it('compares the mean ratings of the two groups, leaving out days nobody led', function () {
      const days = [
        ...Array.from({ length: 3 }, (_, i) => ({ date: addDays('2026-03-01', i), ratio: 0.9, lead: lead(2, 1) })),
        ...Array.from({ length: 4 }, (_, i) => ({ date: addDays('2026-03-10', i), ratio: 0.2, lead: lead(0, 3, 1) })),
        { date: '2026-03-20', ratio: 0.5, lead: lead(1, 1) },
        { date: '2026-03-21', ratio: 0.5 },
      ];
      const reflections = days.map((day) => entry(day.date, day.date < '2026-03-10' ? { enjoyment: 5, energy: 4 } : day.date < '2026-03-20' ? { enjoyment: 2 } : { enjoyment: 1 }));
      const result = compareByLead(days, reflections);
      assert.deepEqual(result.status === 'ready' ? [result.you.days, result.you.means.enjoyment, result.you.means.energy, result.ai.days, result.ai.means.enjoyment, result.ai.means.energy] : result,
        [3, 5, 4, 4, 2, null]);
      assert.deepEqual(computeInsights(days, reflections, []).byLead, result);
    });
  });
});
