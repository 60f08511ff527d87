/**
 * Shapes the history store's summaries into what the dashboard draws. Pure (no `vscode`), so it is
 * unit-tested under Node; the panel passes the store and the paste setting in.
 */
import type { PasteCountsAs } from '../core/categories';
import { LEAD_MEASURES, type LeadMeasure } from '../core/fate/outcome';
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

/** Beyond this many days a point is a week, beyond the second a month: bars stay readable and quick to draw. */
const WEEKLY_FROM_DAYS = 181;
const MONTHLY_FROM_DAYS = 731;
/** How many points the average line spans, per unit. */
const ROLLING_POINTS: Readonly<Record<HistoryPayload['unit'], number>> = { day: 7, week: 4, month: 3 };

/** Display names of language ids (`typescriptreact` → "TypeScript JSX"); the id itself when unknown. */
export type LanguageName = (id: string) => string;

export function buildHistory(history: HistoryReader, range: RangeKey, today: DayKey, pasteCountsAs: PasteCountsAs, languageName: LanguageName = (id) => id): HistoryPayload {
  const from = rangeStart(range, today, history);
  const summaries = from === undefined ? [] : history.days(addDays(from, -(ROLLING_DAYS - 1)), today);
  const inRange = summaries.filter((day) => from !== undefined && day.date >= from);
  if (from === undefined || !inRange.some((day) => countedChars(day.chars) > 0)) {
    // No days, or only tool, undo or outside changes: nothing of the ratio to draw.
    return { range, unit: 'day', days: [], languages: [], ratio: null };
  }
  let own = 0;
  let ai = 0;
  for (const day of inRange) {
    const split = ownAndAi(day.chars, pasteCountsAs);
    own += split.own;
    ai += split.ai;
  }
  const daily = dailyPoints(summaries, from, today, pasteCountsAs);
  const unit = daily.length >= MONTHLY_FROM_DAYS ? 'month' : daily.length >= WEEKLY_FROM_DAYS ? 'week' : 'day';
  return {
    range,
    unit,
    days: unit === 'day' ? daily : bucketPoints(daily, unit, pasteCountsAs),
    languages: languagePoints(inRange, pasteCountsAs, languageName),
    ratio: share(own, ai),
  };
}

/** Days summed into weeks (from the range's first day) or calendar months, each with its own average line. */
function bucketPoints(days: readonly DayPoint[], unit: 'week' | 'month', pasteCountsAs: PasteCountsAs): DayPoint[] {
  const buckets: Array<{ -readonly [K in keyof DayPoint]: DayPoint[K] }> = [];
  let key = '';
  days.forEach((day, index) => {
    const dayKey = unit === 'week' ? String(Math.floor(index / 7)) : day.date.slice(0, 7);
    if (dayKey !== key) {
      key = dayKey;
      buckets.push({ date: day.date, typed: 0, aiInline: 0, aiChat: 0, paste: 0, ratio: null, rolling: null, minutes: 0, sessions: 0 });
    }
    const bucket = buckets[buckets.length - 1];
    bucket.typed += day.typed;
    bucket.aiInline += day.aiInline;
    bucket.aiChat += day.aiChat;
    bucket.paste += day.paste;
    bucket.minutes += day.minutes;
    bucket.sessions += day.sessions;
    addOutcome(bucket, day);
  });
  const splits = buckets.map((bucket) => ownAndAi(bucket, pasteCountsAs));
  buckets.forEach((bucket, index) => {
    bucket.ratio = share(splits[index].own, splits[index].ai);
    const window = splits.slice(Math.max(0, index - ROLLING_POINTS[unit] + 1), index + 1);
    bucket.rolling = share(window.reduce((sum, split) => sum + split.own, 0), window.reduce((sum, split) => sum + split.ai, 0));
  });
  return buckets;
}

type OutcomePoint = Pick<DayPoint, 'fate' | LeadMeasure>;
/** The same, filled in field by field. */
type OutcomeFields = { -readonly [K in keyof OutcomePoint]: OutcomePoint[K] };

/** Sums a day's fate and leads into a bucket, keeping them absent where none was measured. */
function addOutcome(bucket: OutcomeFields, day: DayPoint): void {
  if (day.fate !== undefined) {
    const fate = bucket.fate ?? { kept: 0, reworked: 0, removed: 0 };
    bucket.fate = { kept: fate.kept + day.fate.kept, reworked: fate.reworked + day.fate.reworked, removed: fate.removed + day.fate.removed };
  }
  for (const measure of LEAD_MEASURES) {
    const add = day[measure];
    if (add !== undefined) {
      const lead = bucket[measure] ?? { you: 0, ai: 0, mixed: 0 };
      bucket[measure] = { you: lead.you + add.you, ai: lead.ai + add.ai, mixed: lead.mixed + add.mixed };
    }
  }
}

/** A day's fate and leads for the chart, only where measured. */
function outcomePoint(day: DaySummary | undefined): OutcomePoint {
  const out: OutcomeFields = {};
  if (day?.aiFate !== undefined) {
    out.fate = { kept: day.aiFate.kept, reworked: day.aiFate.reworked, removed: day.aiFate.removed };
  }
  for (const measure of LEAD_MEASURES) {
    const lead = day?.[measure];
    if (lead !== undefined) {
      out[measure] = { ...lead };
    }
  }
  return out;
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
        ...outcomePoint(day),
      });
    }
  }
  return days;
}

/** The top languages by volume over the days, own and AI-assisted apart. */
function languagePoints(days: readonly DaySummary[], pasteCountsAs: PasteCountsAs, languageName: LanguageName): LanguagePoint[] {
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
    .map(([language, sum]) => ({ language, name: languageName(language), own: sum.own, ai: sum.ai }))
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
    return { date: day.date, ratio: share(own, ai), lead: day.lead };
  });
  const sessions = days.flatMap((day) => history.sessionsOf(day.date).map((session) => ({ date: day.date, minutes: session.activeMinutes, ...ownAndAi(session.chars, pasteCountsAs) })));
  return computeInsights(ratios, reflections, sessions);
}
