import type { PasteCountsAs } from '../categories';
import type { DayKey, TzOffset } from '../sessions/localDay';
import type { Totals } from '../tally';
import { SpanAgg, type HistoryData, type SessionAgg } from './model';
import { summarizeDay, summarizeSession, type DaySummary, type SessionSummary } from './snapshot';

export interface QueryOptions {
  readonly pasteCountsAs: PasteCountsAs;
  readonly languagesPerDay: number;
  readonly languagesPerSession: number;
}

const FIRST_DAY: DayKey = '0000-01-01';
const LAST_DAY: DayKey = '9999-12-31';

/**
 * Reads over every source of history at once (this window's stored and live data, other windows'
 * records), merged on the fly: nothing is copied until a query asks for it.
 */
export class HistoryQueries {
  constructor(
    private readonly sources: () => Iterable<HistoryData>,
    private readonly options: () => QueryOptions,
    private readonly tz: TzOffset,
  ) {}

  /** The one range loop: every stored span of a day in [from, to] (inclusive), from every source. */
  private *spansIn(from: DayKey, to: DayKey): Generator<readonly [DayKey, SpanAgg]> {
    for (const source of this.sources()) {
      for (const entry of source.days) {
        if (entry[0] >= from && entry[0] <= to) {
          yield entry;
        }
      }
    }
  }

  /** All sources' figures of one day, summed. */
  daySpan(day: DayKey): SpanAgg {
    const sum = new SpanAgg();
    for (const [, span] of this.spansIn(day, day)) {
      sum.addSpan(span);
    }
    return sum;
  }

  /** Days with data in [from, to] (inclusive, `YYYY-MM-DD`), ascending, all windows merged. */
  days(from: DayKey, to: DayKey): DaySummary[] {
    const byDay = new Map<DayKey, SpanAgg>();
    for (const [day, span] of this.spansIn(from, to)) {
      let sum = byDay.get(day);
      if (sum === undefined) {
        sum = new SpanAgg();
        byDay.set(day, sum);
      }
      sum.addSpan(span);
    }
    const { pasteCountsAs, languagesPerDay } = this.options();
    return [...byDay.keys()].sort().map((day) => summarizeDay(day, byDay.get(day) as SpanAgg, pasteCountsAs, languagesPerDay));
  }

  /** Volume-weighted totals over [from, to]: counts summed, then one ratio (never a mean of ratios). */
  rangeTotals(from: DayKey, to: DayKey): Totals {
    const sum = new SpanAgg();
    for (const [, span] of this.spansIn(from, to)) {
      sum.addSpan(span);
    }
    return sum.totals(this.options().pasteCountsAs);
  }

  /** First and last day with data, or undefined when there is none. */
  dayRange(): { readonly first: DayKey; readonly last: DayKey } | undefined {
    let first: DayKey | undefined;
    let last: DayKey | undefined;
    for (const [day] of this.spansIn(FIRST_DAY, LAST_DAY)) {
      if (first === undefined || day < first) {
        first = day;
      }
      if (last === undefined || day > last) {
        last = day;
      }
    }
    return first === undefined || last === undefined ? undefined : { first, last };
  }

  /** Sessions of one day (kept in detail for `sessionDetailDays`), all windows, by start time. */
  sessionsOf(day: DayKey): SessionSummary[] {
    const list: SessionAgg[] = [];
    for (const source of this.sources()) {
      list.push(...(source.sessions.get(day) ?? []));
    }
    list.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
    const { pasteCountsAs, languagesPerSession } = this.options();
    return list.map((s) => summarizeSession(s, this.tz, pasteCountsAs, languagesPerSession));
  }
}
