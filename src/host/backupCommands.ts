import * as vscode from 'vscode';
import type { Calendar } from '../core/calendar';
import { jsonBytes, readJson, writeFileAtomic } from './atomicFile';
import type { WorkspaceHistory } from './workspaceHistory';

function jsonFilter(): Record<string, string[]> {
  return { [vscode.l10n.t('Ownership Ratio backup')]: ['json'] };
}

/** `ownershipRatio.backup`: the whole history of this workspace as one versioned JSON file. */
export async function backupHistory(history: WorkspaceHistory, calendar: Calendar, target?: vscode.Uri): Promise<void> {
  await history.whenLoaded();
  const backup = history.store.exportBackup();
  if (backup === undefined) {
    void vscode.window.showWarningMessage(vscode.l10n.t('There is no history to back up right now.'));
    return;
  }
  const uri = target ?? (await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Back up Ownership Ratio history'),
    filters: jsonFilter(),
    defaultUri: defaultLocation(`ownership-ratio-backup-${calendar.dayOf(backup.t)}.json`),
  }));
  if (!uri) {
    return;
  }
  try {
    await writeFileAtomic(uri, jsonBytes(backup));
    void vscode.window.showInformationMessage(vscode.l10n.t('Backed up {0} days of history.', Object.keys(backup.d).length));
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The backup could not be written: {0}', String(error)));
  }
}

/** `ownershipRatio.restore`: reads a backup file, validates it, and restores it into this workspace. */
export async function restoreHistory(history: WorkspaceHistory, source?: vscode.Uri): Promise<boolean> {
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

function defaultLocation(name: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, name) : undefined;
}
