import * as vscode from 'vscode';
import type { Calendar } from '../core/calendar';
import {
  findPredecessor, foldersToCheck, forgetWorkspace, markOffered, recordWorkspace, type Predecessor, type WorkspaceIdentity, type WorkspaceIndex,
} from '../core/history/workspaceIndex';
import { projectKey } from '../core/history/projectTotals';
import { BACKUP_FILE } from '../core/storageKeys';
import { exists } from './jsonFiles';
import type { WorkspaceHistory } from './workspaceHistory';
import type { WorkspaceIndexFile } from './workspaceIndexFile';

/** The index has a bound; so has the number of folders looked up at activation. */
const MAX_FOLDERS_CHECKED = 200;

export interface EarlierHistoryDeps {
  readonly index: WorkspaceIndexFile;
  readonly history: WorkspaceHistory;
  /** Restores a backup file into this workspace (the Restore command's code, from the feature bundle); true when it did. */
  readonly restore: (backup: vscode.Uri) => Promise<boolean>;
  /** This workspace's storage folder (where its history lives). */
  readonly storage: vscode.Uri;
  readonly identity: () => Promise<WorkspaceIdentity>;
  readonly calendar: Calendar;
  readonly log: Pick<vscode.LogOutputChannel, 'info' | 'warn'>;
  /** The copies for All projects: the predecessor's goes once its history is carried over (else it would count twice). */
  readonly projects?: { remove(key: string): Promise<boolean> };
}

/**
 * Keeps this workspace's entry in the machine-local index and, when this workspace has no history
 * yet, looks for the one it continues (the folder renamed or moved, or opened through a workspace
 * file) and offers, once, to carry that history over.
 */
export class EarlierHistory implements vscode.Disposable {
  private identity: WorkspaceIdentity | undefined;
  /** What the index was last told: whether this workspace has history. */
  private toldHistory = false;
  private readonly listener: vscode.Disposable;
  /** Delete All Data removed this workspace's entry: it is not written again in this window. */
  private forgotten = false;

  constructor(private readonly deps: EarlierHistoryDeps) {
    // The first backup of a new workspace's counts: the index learns at once that it has history.
    this.listener = deps.history.onDidBackUp(() => {
      if (!this.toldHistory && this.identity !== undefined) {
        void this.tellIndex();
      }
    });
  }

  dispose(): void {
    this.listener.dispose();
  }

  /** At activation, once the history is loaded. Resolves when the offer (if any) was answered. */
  async arrived(): Promise<void> {
    const { history, index, storage, log } = this.deps;
    await history.whenLoaded();
    const identity = this.identity = await this.deps.identity();
    if (identity.folders.length === 0) {
      return; // no folder open: the history lives in the global storage, nothing to find again
    }
    const stored = await index.read();
    if (stored === undefined) {
      return;
    }
    const own = storage.toString();
    const hasHistory = history.store.dayRange() !== undefined;
    let predecessor: Predecessor | undefined;
    if (!hasHistory) {
      // A folder not looked up counts as still there: it is never taken for moved.
      const gone = new Set<string>();
      for (const folder of foldersToCheck(stored, own).slice(0, MAX_FOLDERS_CHECKED)) {
        if (!(await exists(vscode.Uri.parse(folder)))) {
          gone.add(folder);
        }
      }
      predecessor = findPredecessor(stored, identity, own, (folder) => !gone.has(folder));
    }
    const written = await index.update((current) => {
      const updated = this.recordedIn(current, identity, hasHistory);
      return predecessor === undefined ? updated : markOffered(updated, predecessor.entry.storage, own);
    });
    if (predecessor !== undefined && written) {
      log.info(`This workspace has no history; the workspace index found one it may continue (${predecessor.reason}).`);
      await this.offer(predecessor);
    }
  }

  /** Whether this workspace has history now (after its first backup, and before the window closes). */
  async tellIndex(): Promise<void> {
    const identity = this.identity;
    if (identity === undefined || identity.folders.length === 0 || this.forgotten) {
      return;
    }
    const hasHistory = this.deps.history.store.dayRange() !== undefined;
    await this.deps.index.update((current) => this.recordedIn(current, identity, hasHistory));
  }

  /** The index with this workspace's entry as it is now; the index is told whether it has history. */
  private recordedIn(index: WorkspaceIndex, identity: WorkspaceIdentity, hasHistory: boolean): WorkspaceIndex {
    this.toldHistory = hasHistory;
    return recordWorkspace(index, { storage: this.deps.storage.toString(), identity, lastSeen: this.deps.calendar.now(), hasHistory });
  }

  /** Delete All Data: this workspace leaves the index. */
  forget(): Promise<boolean> {
    this.forgotten = true;
    return this.deps.index.update((current) => forgetWorkspace(current, this.deps.storage.toString()));
  }

  private async offer(predecessor: Predecessor): Promise<void> {
    const { entry, reason } = predecessor;
    const name = entry.identity.names.join(', ');
    const lastSeen = this.deps.calendar.dayOf(entry.lastSeen);
    const message = reason === 'sameFolder'
      ? vscode.l10n.t('This folder has Ownership Ratio history from when it was opened another way (“{0}”, last opened {1}). Carry it over to this window?', name, lastSeen)
      : vscode.l10n.t('Ownership Ratio found the history of “{0}” (last opened {1}), which looks like this project before it was renamed or moved. Carry it over?', name, lastSeen);
    const carry = vscode.l10n.t('Carry Over');
    const keep = vscode.l10n.t('Keep Separate');
    const choice = await vscode.window.showInformationMessage(message, carry, keep);
    if (choice !== carry) {
      this.deps.log.info('The earlier history was not carried over; it stays where it is and is not offered again.');
      return;
    }
    const backup = vscode.Uri.joinPath(vscode.Uri.parse(entry.storage), BACKUP_FILE);
    if (!(await exists(backup))) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The earlier history is no longer there ({0}). Nothing was changed.', backup.fsPath));
      return;
    }
    const carried = await this.deps.restore(backup);
    const key = projectKey(vscode.Uri.parse(entry.storage).path);
    if (carried && key !== undefined && this.deps.projects !== undefined && !(await this.deps.projects.remove(key))) {
      this.deps.log.warn('The earlier workspace\'s copy for All projects could not be removed; its days may count twice there until it is.');
    }
  }
}
