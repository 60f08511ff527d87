import * as assert from 'node:assert/strict';
import type { DaySummary } from '../../../src/core/history/snapshot';
import { addDays } from '../../../src/core/sessions/localDay';
import type { AiChatBy } from '../../../src/core/terminal/aiChatBy';
import { buildGlance } from '../../../src/host/dashboardGlance';
import { parseToWebview } from '../../../src/protocol';
import { totals } from './sources';

const TODAY = '2026-03-10';

type DayFigures = { typed: number; aiInline?: number; aiChat?: number; aiChatBy?: AiChatBy };

function reader(days: Record<string, DayFigures>) {
  const summaries: DaySummary[] = Object.entries(days).map(([date, { aiChatBy, ...chars }]) => ({
    date, ...totals(chars), ...(aiChatBy ? { aiChatBy } : {}), deletedChars: 0, accepts: { inline: 0, chat: 0 }, activeMinutes: 10, sessions: 1, languages: {},
  }));
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

  it('says where each period\'s AI chat work came from; days counted before the split stay not split', function () {
    const none = { chat: 0, extension: 0, terminal: 0 };
    const history = reader({
      [TODAY]: { typed: 1, aiChat: 9, aiChatBy: { chat: 0, extension: 0, terminal: 9 } },
      [addDays(TODAY, -2)]: { typed: 5, aiChat: 30, aiChatBy: { chat: 10, extension: 20, terminal: 0 } },
      [addDays(TODAY, -20)]: { typed: 5, aiChat: 80, aiChatBy: none },
    });
    const glance = buildGlance(history, { date: TODAY, ...totals({ typed: 90, aiChat: 12 }), aiChatBy: { chat: 0, extension: 2, terminal: 10 } }, 'excluded');
    const [today, week, month] = glance.periods;
    assert.deepEqual(today.aiChatBy, { chat: 0, extension: 2, terminal: 10, notSplit: 0 }, 'today from the live totals');
    assert.deepEqual(week.aiChatBy, { chat: 10, extension: 20, terminal: 9, notSplit: 0 });
    assert.deepEqual(month.aiChatBy, { chat: 10, extension: 20, terminal: 9, notSplit: 80 });
    assert.ok(parseToWebview({ type: 'glance', glance }), 'the page accepts it');
    assert.equal(parseToWebview({ type: 'glance', glance: { ...glance, periods: [{ ...today, aiChatBy: { chat: 1 } }] } }), undefined, 'and refuses a broken split');
  });

  it('has no share and no trend without counts (no NaN)', function () {
    const glance = buildGlance(reader({}), { date: TODAY, ...totals() }, 'excluded');
    assert.deepEqual(glance.periods.map((period) => [period.share, period.previous]), [[null, null], [null, null], [null, null]]);
  });
});
