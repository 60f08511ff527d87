import * as assert from 'node:assert/strict';
import { compareByOwnership, computeInsights, MIN_REFLECTED_DAYS, soloBlocks } from '../../../src/core/reflection/insights';
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
});
