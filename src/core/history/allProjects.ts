import { CATEGORIES, emptyCounts, type PasteCountsAs } from '../categories';
import { countedChars, ownAndAi, ownershipRatio, ownShare } from '../ratio';
import type { DayKey } from '../sessions/localDay';
import type { Totals } from '../tally';
import { addAiChatBy, emptyAiChatBy } from '../terminal/aiChatBy';
import { projectDaySummary, type ProjectFile } from './projectTotals';
import type { DaySummary, SessionSummary } from './snapshot';

/** What the dashboard reads of a history: this workspace's store, or all projects summed. */
export interface DayReader {
  days(from: DayKey, to: DayKey): DaySummary[];
  sessionsOf(day: DayKey): SessionSummary[];
  dayRange(): { readonly first: DayKey; readonly last: DayKey } | undefined;
}

/** Another workspace's copy, as read from its file. */
export interface OtherProject {
  readonly key: string;
  readonly file: ProjectFile;
}

type MutableDay = { -readonly [K in keyof DaySummary]: DaySummary[K] };

function emptyDay(date: DayKey): MutableDay {
  return { date, chars: emptyCounts(), estimatedAiChars: 0, aiChatBy: emptyAiChatBy(), ownershipRatio: null, deletedChars: 0, accepts: { inline: 0, chat: 0 }, activeMinutes: 0, languages: {}, sessions: 0 };
}

/** Adds what the copies keep (categories, estimate, chat sources, minutes, sessions); languages and outcomes are not summed. */
function addDay(sum: MutableDay, day: DaySummary): void {
  for (const category of CATEGORIES) {
    sum.chars[category] += day.chars[category];
  }
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
    const byDate = new Map<DayKey, MutableDay>();
    const add = (day: DaySummary) => {
      let sum = byDate.get(day.date);
      if (sum === undefined) {
        sum = emptyDay(day.date);
        byDate.set(day.date, sum);
      }
      addDay(sum, day);
    };
    this.current.days(from, to).forEach(add);
    for (const other of this.others) {
      for (const [date, figures] of Object.entries(other.file.days)) {
        if (date >= from && date <= to) {
          add(projectDaySummary(date, figures, this.pasteCountsAs));
        }
      }
    }
    return [...byDate.keys()].sort().map((date) => {
      const day = byDate.get(date) as MutableDay;
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
      for (const date of Object.keys(other.file.days)) {
        range = range === undefined ? { first: date, last: date } : { first: date < range.first ? date : range.first, last: date > range.last ? date : range.last };
      }
    }
    return range;
  }
}

/** Today's totals of all projects: this window's live ones and the copies' day of today. */
export function allProjectsToday(today: Totals & { readonly date: DayKey }, others: readonly OtherProject[], pasteCountsAs: PasteCountsAs): Totals & { readonly date: DayKey } {
  const sum = emptyDay(today.date);
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

function rowOf(key: string, name: string, current: boolean, days: readonly DaySummary[], from: DayKey | undefined, to: DayKey, pasteCountsAs: PasteCountsAs): ProjectRow {
  let own = 0;
  let ai = 0;
  let counted = 0;
  let lastActive: DayKey | null = null;
  for (const day of days) {
    if (countedChars(day.chars) === 0) {
      continue;
    }
    if (day.date <= to && (lastActive === null || day.date > lastActive)) {
      lastActive = day.date;
    }
    if (from !== undefined && day.date >= from && day.date <= to) {
      const split = ownAndAi(day.chars, pasteCountsAs);
      own += split.own;
      ai += split.ai;
      counted++;
    }
  }
  return { key, name, current, days: counted, own, ai, share: ownShare(own, ai), lastActive };
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
  const own = rowOf(current.key, current.name, true, span === undefined ? [] : current.reader.days(span.first, span.last), from, to, pasteCountsAs);
  const rest = others
    .filter((other) => other.key !== current.key)
    .map((other) => rowOf(other.key, other.file.name, false, Object.entries(other.file.days).map(([date, figures]) => projectDaySummary(date, figures, pasteCountsAs)), from, to, pasteCountsAs))
    .sort((a, b) => b.own + b.ai - (a.own + a.ai) || a.name.localeCompare(b.name) || (a.key < b.key ? -1 : 1));
  return [own, ...rest];
}
