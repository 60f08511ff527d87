import { settingDefault } from '../settings';
import { addDays, type DayKey } from '../sessions/localDay';
import type { HistoryData } from './model';

/** How much history is kept, and in how much detail. */
export interface RetentionPolicy {
  /** Days of history kept, today included; 0 keeps everything (setting `ownershipRatio.history.retentionDays`). */
  readonly retentionDays: number;
  /** Days (today included) whose sessions are kept in detail; older days keep only their aggregates. */
  readonly sessionDetailDays: number;
  /** Days (today included) whose per-language figures are stored; older days keep only totals. */
  readonly languageDetailDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { retentionDays: settingDefault('history.retentionDays'), sessionDetailDays: 14, languageDetailDays: 366 };

/** The first day still kept for a window of `days` days ending today; undefined for "keep all". */
export function firstKeptDay(today: DayKey, days: number): DayKey | undefined {
  return days > 0 ? addDays(today, -(days - 1)) : undefined;
}

/**
 * Compacts in place: drops session detail before the detail window (the per-day aggregates keep
 * their figures, including the session count) and drops whole days outside the retention window.
 * Idempotent. Returns true when something was removed.
 */
export function compactHistory(data: HistoryData, today: DayKey, policy: RetentionPolicy): boolean {
  const { dayGoes, sessionsGo } = compactionRule(today, policy);
  let changed = false;
  for (const day of [...data.days.keys()].filter(dayGoes)) {
    data.days.delete(day);
    changed = true;
  }
  for (const day of [...data.sessions.keys()].filter(sessionsGo)) {
    data.sessions.delete(day);
    changed = true;
  }
  return changed;
}

/** Whether `compactHistory` with the same arguments would remove anything. */
export function compactionRemoves(data: HistoryData, today: DayKey, policy: RetentionPolicy): boolean {
  const { dayGoes, sessionsGo } = compactionRule(today, policy);
  return [...data.days.keys()].some(dayGoes) || [...data.sessions.keys()].some(sessionsGo);
}

/** Which days compaction on `today` removes whole, and which lose their session detail. */
function compactionRule(today: DayKey, policy: RetentionPolicy): { dayGoes(day: DayKey): boolean; sessionsGo(day: DayKey): boolean } {
  const keepFrom = firstKeptDay(today, policy.retentionDays);
  const detailFrom = firstKeptDay(today, Math.max(1, policy.sessionDetailDays)) as DayKey;
  const dayGoes = (day: DayKey): boolean => keepFrom !== undefined && day < keepFrom;
  return { dayGoes, sessionsGo: (day) => day < detailFrom || dayGoes(day) };
}

/** How many distinct days of `sources` lie before `from` (what a retention starting there removes). */
export function daysBefore(sources: Iterable<HistoryData>, from: DayKey | undefined): number {
  if (from === undefined) {
    return 0;
  }
  const days = new Set<DayKey>();
  for (const data of sources) {
    for (const day of data.days.keys()) {
      if (day < from) {
        days.add(day);
      }
    }
  }
  return days.size;
}

/** The newest day with data in `sources` that is not after `today` (later days come from a clock that was ahead). */
export function newestDayUpTo(sources: Iterable<HistoryData>, today: DayKey): DayKey | undefined {
  let newest: DayKey | undefined;
  for (const data of sources) {
    for (const day of data.days.keys()) {
      if (day <= today && (newest === undefined || day > newest)) {
        newest = day;
      }
    }
  }
  return newest;
}
