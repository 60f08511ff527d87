import type { DayKey } from '../sessions/localDay';
import { decodeHistory, encodeHistory, type EncodeLimits } from './codec';
import { planBackupMerge } from './mergeBackup';
import { BACKUP_KIND, type HistoryData } from './model';
import { SCHEMA_VERSION, parseBackup, type StoredBackup } from './schema';
import type { StoreMode } from './storeMode';
import type { RestoreResult } from './storeTypes';

/** The merged history of all windows as one JSON value (the backup file's content). */
export function buildBackup(merged: HistoryData, t: number, limits: EncodeLimits, languagesFrom: DayKey | undefined): StoredBackup {
  const { d, s } = encodeHistory(merged, limits, languagesFrom);
  return { v: SCHEMA_VERSION, k: BACKUP_KIND, t, d, s };
}

/** What restoring a backup would do, decided before anything changes. */
export type RestorePlan =
  | { readonly ok: false; readonly result: RestoreResult }
  /** `replace`: the backup becomes the base (the stored history is missing); else `add` to it. */
  | { readonly ok: true; readonly result: RestoreResult; readonly replace?: HistoryData; readonly add?: HistoryData };

/**
 * Restoring a backup value: while `blocked` it becomes the history; otherwise days the history
 * lacks are added and days it has are kept (see `planBackupMerge`), so restoring twice changes nothing.
 */
export function planRestore(value: unknown, mode: StoreMode, current: () => HistoryData): RestorePlan {
  if (mode === 'readOnly') {
    return { ok: false, result: { ok: false, reason: 'readOnly', issues: [] } };
  }
  if (mode !== 'ready' && mode !== 'blocked') {
    return { ok: false, result: { ok: false, reason: 'notLoaded', issues: [] } };
  }
  const parsed = parseBackup(value);
  if (parsed.kind === 'future') {
    return { ok: false, result: { ok: false, reason: 'futureVersion', issues: [`v${parsed.version}`] } };
  }
  if (parsed.kind === 'invalid') {
    return { ok: false, result: { ok: false, reason: 'invalid', issues: parsed.issues } };
  }
  const issues = parsed.kind === 'repaired' ? parsed.issues : [];
  const backup = decodeHistory(parsed.value.history);
  if (mode === 'blocked') {
    return { ok: true, replace: backup, result: { ok: true, days: backup.days.size, sameDays: 0, keptDays: 0, issues } };
  }
  const plan = planBackupMerge(current(), backup);
  return {
    ok: true,
    add: plan.additions,
    result: { ok: true, days: plan.addedDays.length, sameDays: plan.sameDays.length, keptDays: plan.keptDays.length, issues },
  };
}

/**
 * Whether a backup file's text shows that history existed (the sign that an empty workspace state
 * lost it): a readable backup with at least one day, or one of a newer version. An empty or
 * truncated file (a crash mid-write) or a foreign one is no sign; `issue` then says why, so the
 * host can set the file aside before a new backup replaces it.
 */
export function backupMarker(text: string): { readonly marks: boolean; readonly issue?: string } {
  if (text.trim() === '') {
    return { marks: false, issue: 'empty file' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { marks: false, issue: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = parseBackup(value);
  if (parsed.kind === 'future') {
    return { marks: true };
  }
  if (parsed.kind === 'invalid') {
    return { marks: false, issue: parsed.issues.slice(0, 3).join('; ') };
  }
  return { marks: Object.keys(parsed.value.history.d).length > 0 };
}
