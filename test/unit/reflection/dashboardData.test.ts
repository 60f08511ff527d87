import * as assert from 'node:assert/strict';
import { emptyCounts, type CategoryCounts } from '../../../src/core/categories';
import type { DaySummary, SessionSummary } from '../../../src/core/history/snapshot';
import { addDays } from '../../../src/core/sessions/localDay';
import { buildHistory, buildInsights, buildSessions, type HistoryReader } from '../../../src/host/dashboardData';

function day(date: string, chars: Partial<CategoryCounts>, languages: Record<string, Partial<CategoryCounts>> = {}): DaySummary {
  const all = { ...emptyCounts(), ...chars };
  const own = all.typed;
  const ai = all.aiInline + all.aiChat;
  return {
    date, chars: all, estimatedAiChars: 0, aiChatBy: { chat: 0, extension: all.aiChat, terminal: 0 }, ownershipRatio: own + ai > 0 ? own / (own + ai) : null,
    deletedChars: 0, accepts: { inline: 0, chat: 0 }, activeMinutes: 10, sessions: 1,
    languages: Object.fromEntries(Object.entries(languages).map(([id, counts]) => [id, { ...emptyCounts(), ...counts }])),
  };
}

function reader(days: DaySummary[], sessions: Record<string, SessionSummary[]> = {}): HistoryReader {
  return {
    days: (from, to) => days.filter((d) => d.date >= from && d.date <= to),
    sessionsOf: (date) => sessions[date] ?? [],
    dayRange: () => (days.length ? { first: days[0].date, last: days[days.length - 1].date } : undefined),
  };
}

const TODAY = '2026-03-10';

describe('Dashboard data', function () {
  it('is empty with no days, and with only tool edits (no NaN anywhere)', function () {
    for (const range of ['7', '30', '90', '365', 'all'] as const) {
      assert.deepEqual(buildHistory(reader([]), range, TODAY, 'excluded'), { range, unit: 'day', days: [], languages: [], ratio: null });
    }
    const toolsOnly = buildHistory(reader([day(TODAY, { tool: 40 })]), '7', TODAY, 'excluded');
    assert.deepEqual(toolsOnly.days, []);
  });

  it('fills every day of the range, with a volume-weighted ratio and 7-day average', function () {
    const history = buildHistory(reader([
      day(addDays(TODAY, -9), { typed: 100 }),
      day(addDays(TODAY, -2), { typed: 30, aiInline: 70 }, { typescript: { typed: 30, aiInline: 70 } }),
      day(TODAY, { typed: 90, aiChat: 10, paste: 5 }, { python: { typed: 90, aiChat: 10 } }),
    ]), '7', TODAY, 'excluded');
    assert.equal(history.days.length, 7);
    assert.equal(history.days[0].date, addDays(TODAY, -6));
    assert.equal(history.days[6].date, TODAY);
    assert.equal(history.days[0].ratio, null);
    // Day -9 is outside the range but inside the 7 days ending with its first day (-12 … -6).
    assert.equal(history.days[0].rolling, 1, 'day -9 is within the 7 days ending at day -6');
    assert.equal(history.days[4].ratio, 0.3);
    assert.equal(history.days[6].ratio, 0.9);
    assert.equal(history.days[6].rolling, 120 / 200);
    assert.equal(history.ratio, 120 / 200);
    assert.deepEqual(history.languages.map((l) => l.language), ['python', 'typescript']);
    for (const point of history.days) {
      for (const value of Object.values(point)) {
        assert.ok(typeof value !== 'number' || Number.isFinite(value));
      }
    }
  });

  it('counts paste as the setting says', function () {
    const days = [day(TODAY, { typed: 50, aiInline: 25, paste: 25 })];
    assert.equal(buildHistory(reader(days), '7', TODAY, 'excluded').ratio, 50 / 75);
    assert.equal(buildHistory(reader(days), '7', TODAY, 'own').ratio, 75 / 100);
    assert.equal(buildHistory(reader(days), '7', TODAY, 'ai').ratio, 50 / 100);
  });

  it('draws all history from the first day, bounded to ten years, in months beyond two years and weeks beyond half a year', function () {
    const history = buildHistory(reader([day('2024-03-10', { typed: 1 }), day('2025-07-01', { typed: 30, aiChat: 10 }), day(TODAY, { typed: 1 })]), 'all', TODAY, 'excluded');
    assert.equal(history.unit, 'month');
    assert.equal(history.days[0].date, '2024-03-10', 'the first month starts on the first day');
    assert.equal(history.days[1].date, '2024-04-01');
    assert.equal(history.days.length, 25);
    assert.equal(history.days.reduce((sum, point) => sum + point.typed, 0), 32, 'nothing lost in the buckets');
    assert.equal(history.days.find((point) => point.date === '2025-07-01')?.ratio, 0.75);
    const old = buildHistory(reader([day('1990-01-01', { typed: 1 }), day(TODAY, { typed: 1 })]), 'all', TODAY, 'excluded');
    assert.equal(old.unit, 'month');
    assert.ok(old.days.length >= 120 && old.days.length <= 122, String(old.days.length));
    const weeks = buildHistory(reader([day(addDays(TODAY, -364), { typed: 7 }), day(TODAY, { typed: 1, aiInline: 1 })]), '365', TODAY, 'excluded');
    assert.equal(weeks.unit, 'week');
    assert.equal(weeks.days.length, 53);
    assert.equal(weeks.days[0].typed, 7);
    assert.equal(weeks.days[52].ratio, 0.5);
    assert.equal(buildHistory(reader([day(TODAY, { typed: 1 })]), '90', TODAY, 'excluded').unit, 'day');
  });

  it('carries what became of AI text and who led, only on days where they were measured, summed in weeks', function () {
    const measured = { ...day(addDays(TODAY, -1), { typed: 50, aiInline: 40 }), aiFate: { kept: 30, reworked: 6, removed: 4, pending: 0 }, lead: { you: 1, ai: 0, mixed: 1 } };
    const history = buildHistory(reader([day(addDays(TODAY, -2), { typed: 20, aiInline: 10 }), measured]), '7', TODAY, 'excluded');
    const byDate = new Map(history.days.map((point) => [point.date, point]));
    assert.equal(byDate.get(addDays(TODAY, -2))?.fate, undefined, 'a day from before has none, not zeros');
    assert.deepEqual(byDate.get(addDays(TODAY, -1))?.fate, { kept: 30, reworked: 6, removed: 4 });
    assert.deepEqual(byDate.get(addDays(TODAY, -1))?.lead, { you: 1, ai: 0, mixed: 1 });
    const other = { ...day(addDays(TODAY, -3), { typed: 5, aiChat: 5 }), aiFate: { kept: 1, reworked: 1, removed: 1, pending: 0 } };
    const weeks = buildHistory(reader([day(addDays(TODAY, -364), { typed: 7 }), other, measured]), '365', TODAY, 'excluded');
    assert.equal(weeks.unit, 'week');
    assert.deepEqual(weeks.days[weeks.days.length - 2].fate, { kept: 31, reworked: 7, removed: 5 }, "the week before today's, which stands alone");
    assert.equal(weeks.days[weeks.days.length - 1].fate, undefined);
    assert.equal(weeks.days[0].fate, undefined);
  });

  it('names each language by its display name, the id when it has none', function () {
    const history = buildHistory(reader([day(TODAY, { typed: 10 }, { typescriptreact: { typed: 6 }, zig: { typed: 4 } })]), '7', TODAY, 'excluded', (id) => (id === 'typescriptreact' ? 'TypeScript JSX' : id));
    assert.deepEqual(history.languages.map((point) => [point.language, point.name]), [['typescriptreact', 'TypeScript JSX'], ['zig', 'zig']]);
  });

  it('summarises sessions and insights', function () {
    const session: SessionSummary = { ...day(TODAY, { typed: 95, aiInline: 5 }), id: 's1', start: `${TODAY}T09:00:00.000+01:00`, end: `${TODAY}T10:00:00.000+01:00` };
    const history = reader([day(TODAY, { typed: 95, aiInline: 5 })], { [TODAY]: [session] });
    assert.deepEqual(buildSessions(history, TODAY, 'excluded'), [{ id: 's1', start: session.start, end: session.end, minutes: 10, own: 95, ai: 5, paste: 0, ratio: 0.95 }]);
    const insights = buildInsights(history, [], TODAY, 'excluded');
    assert.equal(insights.solo.blocks, 1);
    assert.equal(insights.comparison.status, 'notEnough');
  });
});
