import * as vscode from 'vscode';
import type { Calendar } from '../core/calendar';
import { BACKUP_KIND } from '../core/history/model';
import type { WriteFile } from './atomicFile';
import { jsonBytes, readJson } from './jsonFiles';
import type { Reflections } from './reflection';
import type { WorkspaceHistory } from './workspaceHistory';

function jsonFilter(): Record<string, string[]> {
  return { [vscode.l10n.t('Ownership Ratio backup')]: ['json'] };
}

/** `ownershipRatio.backup`: the whole history of this workspace and all reflections as one versioned JSON file. */
export async function backupHistory(
  { history, reflections, calendar, write }: { history: WorkspaceHistory; reflections: Reflections; calendar: Calendar; write: WriteFile },
  target?: vscode.Uri,
): Promise<void> {
  await history.whenLoaded();
  const exported = history.store.exportBackup();
  if (exported === undefined) {
    void vscode.window.showWarningMessage(vscode.l10n.t('There is no history to back up right now.'));
    return;
  }
  const backup = { ...exported, r: reflections.store.exportValue() };
  const uri = target ?? (await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Back up Ownership Ratio history'),
    filters: jsonFilter(),
    defaultUri: defaultLocation(`ownership-ratio-backup-${calendar.dayOf(backup.t)}.json`),
  }));
  if (!uri) {
    return;
  }
  try {
    await write(uri, jsonBytes(backup));
    void vscode.window.showInformationMessage(vscode.l10n.t('Backed up {0} days of history and {1} reflections.', Object.keys(backup.d).length, reflections.store.dates().length));
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The backup could not be written: {0}', String(error)));
  }
}

/** `ownershipRatio.restore`: reads a backup file, validates it, and restores it (history and reflections) into this workspace. */
export async function restoreHistory(history: WorkspaceHistory, reflections: Reflections, source?: vscode.Uri): Promise<boolean> {
  await history.whenLoaded();
  const uri = source instanceof vscode.Uri ? source : (await vscode.window.showOpenDialog({
    title: vscode.l10n.t('Restore Ownership Ratio history'),
    filters: jsonFilter(),
    canSelectMany: false,
  }))?.[0];
  if (!uri) {
    return false;
  }
  let value: unknown;
  try {
    value = await readJson(uri);
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} is not a readable backup ({1}). Nothing was changed.', uri.fsPath, String(error)));
    return false;
  }
  // A backup carries the reflections beside the history; the reflections' own backup file has only them.
  const record = typeof value === 'object' && value !== null ? value as { k?: unknown; r?: unknown } : {};
  const isHistoryBackup = record.k === BACKUP_KIND;
  const restoredReflections = await restoreReflections(reflections, isHistoryBackup ? record.r : value);
  if (!isHistoryBackup && restoredReflections) {
    return true;
  }
  const result = await history.restore(value);
  if (result.ok) {
    const kept = result.sameDays + result.keptDays;
    void vscode.window.showInformationMessage(kept > 0
      ? vscode.l10n.t('Added {0} days of history; {1} days were already here and were kept as they are.', result.days, kept)
      : vscode.l10n.t('Restored {0} days of history.', result.days));
    return true;
  }
  const reasons: Record<typeof result.reason, string> = {
    invalid: vscode.l10n.t('the file is not an Ownership Ratio backup or is damaged'),
    futureVersion: vscode.l10n.t('the backup was made by a newer version of the extension'),
    readOnly: vscode.l10n.t('the stored history is read-only'),
    notLoaded: vscode.l10n.t('the history is not loaded yet'),
  };
  void vscode.window.showErrorMessage(vscode.l10n.t('The backup could not be restored: {0}. Nothing was changed.', reasons[result.reason]));
  return false;
}

/** Merges a backup's reflections by day; says what it did when there were any. True when some were read. */
async function restoreReflections(reflections: Reflections, value: unknown): Promise<boolean> {
  if (value === undefined) {
    return false;
  }
  const result = await reflections.store.restore(value);
  if (!result.ok) {
    return false;
  }
  if (result.days + result.sameDays + result.keptDays > 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Reflections: {0} days added; {1} days already had one and were kept as they are.', result.days, result.sameDays + result.keptDays));
  }
  return true;
}

function defaultLocation(name: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, name) : undefined;
}
