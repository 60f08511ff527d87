import * as assert from 'node:assert/strict';
import type { DaySummary } from '../../../src/core/history/snapshot';
import { addDays } from '../../../src/core/sessions/localDay';
import { buildGlance } from '../../../src/host/dashboardGlance';
import { totals } from './sources';

const TODAY = '2026-03-10';

function reader(days: Record<string, { typed: number; aiInline: number }>) {
  const summaries: DaySummary[] = Object.entries(days).map(([date, chars]) => ({ date, ...totals(chars), deletedChars: 0, accepts: { inline: 0, chat: 0 }, activeMinutes: 10, sessions: 1, languages: {} }));
  return {
    days: (from: string, to: string) => summaries.filter((day) => day.date >= from && day.date <= to),
    sessionsOf: () => [],
    dayRange: () => undefined,
  };
}

describe('Dashboard glance: today, 7 and 30 days against the period before', function () {
  it('compares each period with the one just before it, today from the live totals', function () {
    const history = reader({
      [TODAY]: { typed: 1, aiInline: 1 },
      [addDays(TODAY, -1)]: { typed: 50, aiInline: 50 },
      [addDays(TODAY, -8)]: { typed: 10, aiInline: 90 },
      [addDays(TODAY, -40)]: { typed: 100, aiInline: 0 },
    });
    const glance = buildGlance(history, { date: TODAY, ...totals({ typed: 90, aiInline: 10 }) }, 'excluded');
    const [today, week, month] = glance.periods;
    assert.deepEqual([today.period, today.share, today.previous], ['today', 0.9, 0.5]);
    assert.deepEqual([week.period, week.own, week.ai, week.previous], ['7', 51, 51, 0.1], 'the 7 days from the history, the 7 before them');
    assert.deepEqual([month.period, month.share, month.previous], ['30', 61 / 202, 1]);
    assert.equal(glance.chars.typed, 90);
  });

  it('has no share and no trend without counts (no NaN)', function () {
    const glance = buildGlance(reader({}), { date: TODAY, ...totals() }, 'excluded');
    assert.deepEqual(glance.periods.map((period) => [period.share, period.previous]), [[null, null], [null, null], [null, null]]);
  });
});
