import * as vscode from 'vscode';
import type { Calendar } from '../core/calendar';
import type { KeepBeforeRemoval } from '../core/history/removalBackup';
import { BEFORE_REMOVAL_FOLDER, BEFORE_REMOVAL_KEPT } from '../core/storageKeys';
import { writeFileAtomic } from './atomicFile';
import { jsonBytes } from './jsonFiles';

const COPY_NAME = /^\d{4}-\d{2}-\d{2}-\d+\.json$/;

/**
 * Writes the history as it was before a removal to `before-removal/<day>-<time>.json` in
 * `storageFolder` (crash-safe), then removes the oldest copies beyond `BEFORE_REMOVAL_KEPT`: a
 * removal can be undone for a while, and what retention removed does not pile up for ever.
 */
export function beforeRemovalFolder(storageFolder: vscode.Uri, calendar: Calendar): KeepBeforeRemoval {
  const folder = vscode.Uri.joinPath(storageFolder, BEFORE_REMOVAL_FOLDER);
  return async (backup) => {
    await writeFileAtomic(vscode.Uri.joinPath(folder, `${calendar.today()}-${calendar.now()}.json`), jsonBytes(backup));
    const copies = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name).filter((name) => COPY_NAME.test(name)).sort();
    for (const name of copies.slice(0, Math.max(0, copies.length - BEFORE_REMOVAL_KEPT))) {
      // A copy that cannot be removed stays: only a pruning, never a reason to fail the removal.
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, name), { useTrash: false }).then(undefined, () => undefined);
    }
  };
}
