/**
 * Shapes the history store's summaries into what the dashboard draws. Pure (no `vscode`), so it is
 * unit-tested under Node; the panel passes the store and the paste setting in.
 */
import type { PasteCountsAs } from '../core/categories';
import type { DaySummary, SessionSummary } from '../core/history/snapshot';
import { computeInsights, type Insights } from '../core/reflection/insights';
import type { ReflectionEntry } from '../core/reflection/model';
import { countedChars, ownAndAi, ownShare as share } from '../core/ratio';
import { addDays, dayIndexFromKey, type DayKey } from '../core/sessions/localDay';
import type { DayPoint, HistoryPayload, LanguagePoint, RangeKey, SessionPoint } from '../protocol';

export interface HistoryReader {
  days(from: DayKey, to: DayKey): DaySummary[];
  sessionsOf(day: DayKey): SessionSummary[];
  dayRange(): { readonly first: DayKey; readonly last: DayKey } | undefined;
}

const ROLLING_DAYS = 7;
const LANGUAGE_LIMIT = 12;
/** The longest span drawn day by day (`all` beyond this starts later): ten years. */
const MAX_DAYS = 3660;
/** Insights look back this far. */
const INSIGHT_DAYS = 365;

export function rangeStart(range: RangeKey, today: DayKey, history: HistoryReader): DayKey | undefined {
  if (range !== 'all') {
    return addDays(today, -(Number(range) - 1));
  }
  const span = history.dayRange();
  if (span === undefined) {
    return undefined;
  }
  const first = span.first < today ? span.first : today;
  return dayIndexFromKey(today) - dayIndexFromKey(first) >= MAX_DAYS ? addDays(today, -(MAX_DAYS - 1)) : first;
}

export function buildHistory(history: HistoryReader, range: RangeKey, today: DayKey, pasteCountsAs: PasteCountsAs): HistoryPayload {
  const from = rangeStart(range, today, history);
  const summaries = from === undefined ? [] : history.days(addDays(from, -(ROLLING_DAYS - 1)), today);
  const inRange = summaries.filter((day) => from !== undefined && day.date >= from);
  if (from === undefined || !inRange.some((day) => countedChars(day.chars) > 0)) {
    // No days, or only tool, undo or outside changes: nothing of the ratio to draw.
    return { range, days: [], languages: [], ratio: null };
  }
  let own = 0;
  let ai = 0;
  for (const day of inRange) {
    const split = ownAndAi(day.chars, pasteCountsAs);
    own += split.own;
    ai += split.ai;
  }
  return { range, days: dailyPoints(summaries, from, today, pasteCountsAs), languages: languagePoints(inRange, pasteCountsAs), ratio: share(own, ai) };
}

/** Every day from `from` to `today`, gaps filled with zeros, each with the ratio of the 7 days ending with it. */
function dailyPoints(summaries: readonly DaySummary[], from: DayKey, today: DayKey, pasteCountsAs: PasteCountsAs): DayPoint[] {
  const byDate = new Map(summaries.map((day) => [day.date, day]));
  const window: Array<{ own: number; ai: number }> = [];
  let windowOwn = 0;
  let windowAi = 0;
  const days: DayPoint[] = [];
  const fromIndex = dayIndexFromKey(from);
  for (let index = fromIndex - (ROLLING_DAYS - 1); index <= dayIndexFromKey(today); index++) {
    const date = addDays(from, index - fromIndex);
    const day = byDate.get(date);
    const { own, ai } = day ? ownAndAi(day.chars, pasteCountsAs) : { own: 0, ai: 0 };
    window.push({ own, ai });
    windowOwn += own;
    windowAi += ai;
    if (window.length > ROLLING_DAYS) {
      const out = window.shift() as { own: number; ai: number };
      windowOwn -= out.own;
      windowAi -= out.ai;
    }
    if (date >= from) {
      days.push({
        date, typed: day?.chars.typed ?? 0, aiInline: day?.chars.aiInline ?? 0, aiChat: day?.chars.aiChat ?? 0, paste: day?.chars.paste ?? 0,
        ratio: share(own, ai), rolling: share(windowOwn, windowAi), minutes: day?.activeMinutes ?? 0, sessions: day?.sessions ?? 0,
      });
    }
  }
  return days;
}

/** The top languages by volume over the days, own and AI-assisted apart. */
function languagePoints(days: readonly DaySummary[], pasteCountsAs: PasteCountsAs): LanguagePoint[] {
  const languages = new Map<string, { own: number; ai: number }>();
  for (const day of days) {
    for (const [language, chars] of Object.entries(day.languages)) {
      const split = ownAndAi(chars, pasteCountsAs);
      const sum = languages.get(language) ?? { own: 0, ai: 0 };
      sum.own += split.own;
      sum.ai += split.ai;
      languages.set(language, sum);
    }
  }
  return [...languages]
    .map(([language, sum]) => ({ language, own: sum.own, ai: sum.ai }))
    .filter((point) => point.own + point.ai > 0)
    .sort((a, b) => b.own + b.ai - (a.own + a.ai) || (a.language < b.language ? -1 : 1))
    .slice(0, LANGUAGE_LIMIT);
}

export function buildSessions(history: HistoryReader, date: DayKey, pasteCountsAs: PasteCountsAs): SessionPoint[] {
  return history.sessionsOf(date).map((session) => {
    const { own, ai } = ownAndAi(session.chars, pasteCountsAs);
    return { id: session.id, start: session.start, end: session.end, minutes: session.activeMinutes, own, ai, paste: session.chars.paste, ratio: share(own, ai) };
  });
}

export function buildInsights(history: HistoryReader, reflections: readonly ReflectionEntry[], today: DayKey, pasteCountsAs: PasteCountsAs): Insights {
  const days = history.days(addDays(today, -(INSIGHT_DAYS - 1)), today);
  const ratios = days.map((day) => {
    const { own, ai } = ownAndAi(day.chars, pasteCountsAs);
    return { date: day.date, ratio: share(own, ai) };
  });
  const sessions = days.flatMap((day) => history.sessionsOf(day.date).map((session) => ({ date: day.date, minutes: session.activeMinutes, ...ownAndAi(session.chars, pasteCountsAs) })));
  return computeInsights(ratios, reflections, sessions);
}
