import type { DayKey } from '../sessions/localDay';
import { SpanAgg, copySession, emptyHistory, type HistoryData, type SessionAgg } from './model';

/**
 * Restoring a backup into a history that already has data, idempotently and without counting
 * anything twice.
 *
 * Counts are aggregates, not events: when a day is in both the history and the backup there is no
 * way to tell whether they hold the same edits (a backup of this very history, restored again) or
 * different ones. Adding them could double a day; so the unit of merging is the local day:
 *
 * - a day with data only in the backup is added, with its sessions;
 * - a day the history already has is kept exactly as it is (its sessions too), and reported:
 *   `sameDays` when the backup holds the same figures, `keptDays` when they differ.
 *
 * Hence restoring the same backup twice adds nothing the second time, and restoring a backup of
 * the current history is a no-op. Pure: neither input is changed; the result shares no objects.
 */
export interface BackupMergePlan {
  /** What to add to the history (`mergeHistory(target, plan.additions)`): only the days it lacks. */
  readonly additions: HistoryData;
  /** Days added from the backup, ascending. */
  readonly addedDays: readonly DayKey[];
  /** Sessions added with them. */
  readonly addedSessions: number;
  /** Days in both with the same figures (nothing to do), ascending. */
  readonly sameDays: readonly DayKey[];
  /** Days in both with different figures: the history's are kept, the backup's ignored, ascending. */
  readonly keptDays: readonly DayKey[];
}

/**
 * `current`: everything the store holds (all windows merged, live edits included), e.g. the
 * store's `mergedHistory()`. `backup`: the decoded backup (`decodeHistory(parsed.value.history)`).
 */
export function planBackupMerge(current: HistoryData, backup: HistoryData): BackupMergePlan {
  const additions = emptyHistory();
  const addedDays: DayKey[] = [];
  const sameDays: DayKey[] = [];
  const keptDays: DayKey[] = [];
  let addedSessions = 0;
  for (const day of [...backup.days.keys()].sort()) {
    const incoming = backup.days.get(day) as SpanAgg;
    const existing = current.days.get(day);
    if (existing === undefined || existing.isEmpty()) {
      if (incoming.isEmpty()) {
        continue;
      }
      const copy = new SpanAgg();
      copy.addSpan(incoming);
      additions.days.set(day, copy);
      addedDays.push(day);
      const sessions: SessionAgg[] = (backup.sessions.get(day) ?? []).map(copySession);
      if (sessions.length > 0 && (current.sessions.get(day)?.length ?? 0) === 0) {
        additions.sessions.set(day, sessions);
        addedSessions += sessions.length;
      }
    } else if (sameFigures(existing, incoming)) {
      sameDays.push(day);
    } else {
      keptDays.push(day);
    }
  }
  return { additions, addedDays, addedSessions, sameDays, keptDays };
}

/** Same counts (languages are detail that compaction may drop, so they are not compared). */
export function sameFigures(a: SpanAgg, b: SpanAgg): boolean {
  if (a.estimatedAiChars !== b.estimatedAiChars || a.deletedChars !== b.deletedChars || a.inlineAccepts !== b.inlineAccepts
    || a.chatAccepts !== b.chatAccepts || a.activeMinutes !== b.activeMinutes || a.sessions !== b.sessions) {
    return false;
  }
  for (const key of Object.keys(a.chars) as (keyof typeof a.chars)[]) {
    if (a.chars[key] !== b.chars[key]) {
      return false;
    }
  }
  return true;
}
