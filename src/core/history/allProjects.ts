import type { PasteCountsAs } from '../categories';
import { countedChars, ownAndAi, ownershipRatio, ownShare } from '../ratio';
import type { DayKey } from '../sessions/localDay';
import type { Totals } from '../tally';
import { addAiChatBy } from '../terminal/aiChatBy';
import { addCounts } from './model';
import { emptyDaySummary, projectDaySummary, type MutableDaySummary, type ProjectDay, type ProjectFile } from './projectTotals';
import type { DayReader, DaySummary, SessionSummary } from './snapshot';

/** Another workspace's copy, as read from its file. */
export interface OtherProject {
  readonly key: string;
  readonly file: ProjectFile;
}

/** A copy's days in date order, made once per copy read (the dashboard asks for ranges many times a second while you type). */
const sortedDays = new WeakMap<ProjectFile, ReadonlyArray<readonly [DayKey, ProjectDay]>>();

function daysOf(file: ProjectFile): ReadonlyArray<readonly [DayKey, ProjectDay]> {
  let sorted = sortedDays.get(file);
  if (sorted === undefined) {
    sorted = Object.entries(file.days).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    sortedDays.set(file, sorted);
  }
  return sorted;
}

/** A copy's days in [from, to], found by bisection. */
function* daysIn(file: ProjectFile, from: DayKey, to: DayKey): Generator<readonly [DayKey, ProjectDay]> {
  const sorted = daysOf(file);
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle][0] < from) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  for (let index = low; index < sorted.length && sorted[index][0] <= to; index++) {
    yield sorted[index];
  }
}

/** Adds what the copies keep (categories, estimate, chat sources, minutes, sessions); languages and outcomes are not summed. */
function addDay(sum: MutableDaySummary, day: DaySummary): void {
  addCounts(sum.chars, day.chars);
  sum.estimatedAiChars += day.estimatedAiChars;
  addAiChatBy(sum.aiChatBy, day.aiChatBy);
  sum.activeMinutes += day.activeMinutes;
  sum.sessions += day.sessions;
}

/**
 * This workspace's history (live, from memory) and the other projects' copies, summed per day. It
 * has the figures every copy keeps: no languages, no fate or leads, no sessions of a day.
 */
export class AllProjectsReader implements DayReader {
  constructor(
    private readonly current: DayReader,
    private readonly others: readonly OtherProject[],
    private readonly pasteCountsAs: PasteCountsAs,
  ) {}

  days(from: DayKey, to: DayKey): DaySummary[] {
    const byDate = new Map<DayKey, MutableDaySummary>();
    const add = (day: DaySummary) => {
      let sum = byDate.get(day.date);
      if (sum === undefined) {
        sum = emptyDaySummary(day.date);
        byDate.set(day.date, sum);
      }
      addDay(sum, day);
    };
    this.current.days(from, to).forEach(add);
    for (const other of this.others) {
      for (const [date, figures] of daysIn(other.file, from, to)) {
        add(projectDaySummary(date, figures, this.pasteCountsAs));
      }
    }
    return [...byDate.keys()].sort().map((date) => {
      const day = byDate.get(date) as MutableDaySummary;
      day.ownershipRatio = ownershipRatio(day.chars, this.pasteCountsAs);
      return day;
    });
  }

  sessionsOf(): SessionSummary[] {
    return [];
  }

  dayRange(): { readonly first: DayKey; readonly last: DayKey } | undefined {
    let range = this.current.dayRange();
    for (const other of this.others) {
      const sorted = daysOf(other.file);
      if (sorted.length > 0) {
        const first = sorted[0][0];
        const last = sorted[sorted.length - 1][0];
        range = range === undefined ? { first, last } : { first: first < range.first ? first : range.first, last: last > range.last ? last : range.last };
      }
    }
    return range;
  }
}

/** Today's totals of all projects: this window's live ones and the copies' day of today. */
export function allProjectsToday(today: Totals & { readonly date: DayKey }, others: readonly OtherProject[], pasteCountsAs: PasteCountsAs): Totals & { readonly date: DayKey } {
  const sum = emptyDaySummary(today.date);
  sum.chars = { ...today.chars };
  sum.estimatedAiChars = today.estimatedAiChars;
  addAiChatBy(sum.aiChatBy, today.aiChatBy);
  for (const other of others) {
    const figures = other.file.days[today.date];
    if (figures !== undefined) {
      addDay(sum, projectDaySummary(today.date, figures, pasteCountsAs));
    }
  }
  return { date: today.date, chars: sum.chars, estimatedAiChars: sum.estimatedAiChars, aiChatBy: sum.aiChatBy, ownershipRatio: ownershipRatio(sum.chars, pasteCountsAs) };
}

/** One row of the per-project table: the figures of the range, and the last day anything was counted. */
export interface ProjectRow {
  readonly key: string;
  readonly name: string;
  /** This window's workspace (it cannot be removed from here: Delete All Data does that). */
  readonly current: boolean;
  /** Days with something counted in the range. */
  readonly days: number;
  readonly own: number;
  readonly ai: number;
  readonly share: number | null;
  readonly lastActive: DayKey | null;
}

/** A row from the days in the range and the last day with something counted, wherever it is. */
function rowOf(key: string, name: string, current: boolean, inRange: readonly DaySummary[], lastActive: () => DayKey | null, pasteCountsAs: PasteCountsAs): ProjectRow {
  let own = 0;
  let ai = 0;
  let counted = 0;
  let latest: DayKey | null = null;
  for (const day of inRange) {
    if (countedChars(day.chars) > 0) {
      const split = ownAndAi(day.chars, pasteCountsAs);
      own += split.own;
      ai += split.ai;
      counted++;
      latest = day.date;
    }
  }
  return { key, name, current, days: counted, own, ai, share: ownShare(own, ai), lastActive: latest ?? lastActive() };
}

/** The last day up to `to` with something counted, looked for from the newest back. */
function lastCounted(days: ReadonlyArray<{ readonly date: DayKey; readonly chars: DaySummary['chars'] }>, to: DayKey): DayKey | null {
  for (let index = days.length - 1; index >= 0; index--) {
    if (days[index].date <= to && countedChars(days[index].chars) > 0) {
      return days[index].date;
    }
  }
  return null;
}

/**
 * The per-project table over [from, to] (`from` undefined: nothing in range): this workspace
 * first, then the others by volume, then by name.
 */
export function projectRows(
  current: { readonly key: string; readonly name: string; readonly reader: DayReader },
  others: readonly OtherProject[],
  from: DayKey | undefined,
  to: DayKey,
  pasteCountsAs: PasteCountsAs,
): ProjectRow[] {
  const span = current.reader.dayRange();
  const inRange = (days: () => DaySummary[]) => (from === undefined ? [] : days());
  const own = rowOf(current.key, current.name, true, inRange(() => current.reader.days(from as DayKey, to)), () => (span === undefined ? null : lastCounted(current.reader.days(span.first, to), to)), pasteCountsAs);
  const rest = others
    .filter((other) => other.key !== current.key)
    .map((other) => {
      const summary = ([date, figures]: readonly [DayKey, ProjectDay]) => projectDaySummary(date, figures, pasteCountsAs);
      return rowOf(other.key, other.file.name, false, inRange(() => [...daysIn(other.file, from as DayKey, to)].map(summary)), () => lastCounted(daysOf(other.file).map(summary), to), pasteCountsAs);
    })
    .sort((a, b) => b.own + b.ai - (a.own + a.ai) || a.name.localeCompare(b.name) || (a.key < b.key ? -1 : 1));
  return [own, ...rest];
}
