import * as vscode from 'vscode';
import { BACKUP_FILE, BEFORE_REMOVAL_FOLDER, QUARANTINE_FOLDER, REFLECTIONS_BACKUP_FILE } from '../core/storageKeys';
import { isFileNotFound } from './jsonFiles';
import type { WorkspaceHistory } from './workspaceHistory';

/** The parts of `vscode.ExtensionContext` this needs (the context itself fits). */
export interface DataLocations {
  readonly workspaceState: vscode.Memento;
  readonly globalState: vscode.Memento & { setKeysForSync(keys: readonly string[]): void };
  readonly storageUri: vscode.Uri | undefined;
  readonly globalStorageUri: vscode.Uri;
}

/** Optional command argument, for tests: `{ confirmed: true }` skips the modal confirmation. */
export interface DeleteAllDataArgs {
  readonly confirmed?: boolean;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * What the extension writes in a storage folder: the history backup, the reflections' copy (each
 * with any temporary file an interrupted atomic write left beside it), the quarantine and the
 * copies kept before removals.
 */
function isOurs(name: string): boolean {
  return name.startsWith(BACKUP_FILE) || name.startsWith(REFLECTIONS_BACKUP_FILE) || name === QUARANTINE_FOLDER || name === BEFORE_REMOVAL_FOLDER;
}

/** Deletes our files in `folder`; what could not be deleted is added to `failures`. */
async function deleteOurFiles(folder: vscode.Uri, failures: string[]): Promise<void> {
  let entries: [string, vscode.FileType][] = [];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch (error) {
    if (!isFileNotFound(error)) {
      failures.push(`${folder.fsPath}: ${errorText(error)}`);
    }
  }
  for (const [name] of entries.filter(([name]) => isOurs(name))) {
    const uri = vscode.Uri.joinPath(folder, name);
    try {
      await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
    } catch (error) {
      if (!isFileNotFound(error)) {
        failures.push(`${uri.fsPath}: ${errorText(error)}`);
      }
    }
  }
}

/**
 * This workspace's entry in the machine-local index and its copy for All projects (the other
 * workspaces' entries and copies are theirs; the dashboard removes a copy).
 */
async function forgetThisWorkspace(failures: string[], workspaceIndex?: { forget(): Promise<boolean> }, projectCopy?: { forgetOwn(): Promise<boolean> }): Promise<void> {
  if (workspaceIndex !== undefined && !(await workspaceIndex.forget().catch(() => false))) {
    failures.push(vscode.l10n.t('this workspace’s entry in the workspace index'));
  }
  if (projectCopy !== undefined && !(await projectCopy.forgetOwn().catch(() => false))) {
    failures.push(vscode.l10n.t('this workspace’s copy for All projects'));
  }
}

/**
 * `ownershipRatio.deleteAllData`: after a modal confirmation, deletes the history of
 * this workspace (every `workspaceState` key), the extension's own `globalState` keys (reflections
 * and preferences, which are kept for all workspaces), our files in the workspace's and the global
 * storage folders (backups, quarantine, copies kept before removals), this workspace's entry in
 * the workspace index, its copy for All projects and the Settings Sync registration. Returns true when everything was deleted; false when the user
 * cancelled (nothing deleted) or something could not be deleted (the message says what).
 */
export async function deleteAllData(
  locations: DataLocations,
  history: WorkspaceHistory,
  rawArgs?: unknown,
  workspaceIndex?: { forget(): Promise<boolean> },
  projectCopy?: { forgetOwn(): Promise<boolean> },
): Promise<boolean> {
  const confirmed = typeof rawArgs === 'object' && rawArgs !== null && (rawArgs as DeleteAllDataArgs).confirmed === true;
  if (!confirmed) {
    const deleteLabel = vscode.l10n.t('Delete All Data');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Delete all Ownership Ratio data?'),
      {
        modal: true,
        detail: vscode.l10n.t('This deletes the history of this workspace, its copy for All projects, your reflections, the backup copy in the extension’s storage folder and any damaged data kept aside. It cannot be undone. To keep a copy, run "Back Up History…" first.'),
      },
      deleteLabel,
    );
    if (choice !== deleteLabel) {
      return false;
    }
  }
  const failures: string[] = [];
  await history.whenLoaded();
  // First the store: it forgets everything in memory, so nothing deleted is written back.
  try {
    await history.deleteAll();
  } catch (error) {
    failures.push(errorText(error));
  }
  for (const memento of [locations.workspaceState, locations.globalState]) {
    for (const key of memento.keys()) {
      try {
        await memento.update(key, undefined);
      } catch (error) {
        failures.push(`${key}: ${errorText(error)}`);
      }
    }
  }
  try {
    locations.globalState.setKeysForSync([]);
  } catch (error) {
    failures.push(errorText(error));
  }
  // The workspace's folder (history) and the global one (reflections; history without a folder open).
  const { storageUri, globalStorageUri } = locations;
  const folders = storageUri === undefined || storageUri.toString() === globalStorageUri.toString() ? [globalStorageUri] : [storageUri, globalStorageUri];
  for (const folder of folders) {
    await deleteOurFiles(folder, failures);
  }
  await forgetThisWorkspace(failures, workspaceIndex, projectCopy);
  if (failures.length > 0) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Some Ownership Ratio data could not be deleted: {0}', failures.slice(0, 3).join('; ')));
    return false;
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('All Ownership Ratio data was deleted.'));
  return true;
}
