import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import type { QuarantineSink } from '../core/history/ports';
import { EMPTY_INDEX, parseWorkspaceIndex, type WorkspaceIndex } from '../core/history/workspaceIndex';
import { WORKSPACE_INDEX_FILE } from '../core/storageKeys';
import { writeFileAtomic } from './atomicFile';
import { isFileNotFound, jsonBytes } from './jsonFiles';
import type { StorageAlert } from './storageAlert';

/**
 * The machine-local workspace index (`workspace-index.json` in the global storage folder, which
 * Settings Sync never carries). Read-modify-write, one change at a time in this window; a file that
 * cannot be read is set aside with the reason and the index starts again, and if it cannot even be
 * set aside it is left as it is and not written.
 */
export class WorkspaceIndexFile {
  private readonly file: vscode.Uri;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    globalStorage: vscode.Uri,
    private readonly quarantine: QuarantineSink,
    private readonly clock: Clock,
    private readonly log: Pick<vscode.LogOutputChannel, 'warn'>,
    private readonly alert: Pick<StorageAlert, 'failed'>,
  ) {
    this.file = vscode.Uri.joinPath(globalStorage, WORKSPACE_INDEX_FILE);
  }

  /** The index as stored, or undefined when it cannot be read now (then nothing may be written). */
  read(): Promise<WorkspaceIndex | undefined> {
    return this.serial(() => this.readNow());
  }

  /** Applies `change` to the stored index and writes the result (an empty index leaves no file); false when it could not. */
  update(change: (index: WorkspaceIndex) => WorkspaceIndex): Promise<boolean> {
    return this.serial(async () => {
      const index = await this.readNow();
      if (index === undefined) {
        return false;
      }
      try {
        const changed = change(index);
        if (changed.entries.length > 0) {
          await writeFileAtomic(this.file, jsonBytes(changed));
        } else {
          await vscode.workspace.fs.delete(this.file, { useTrash: false }).then(undefined, (error: unknown) => {
            if (!isFileNotFound(error)) {
              throw error;
            }
          });
        }
        return true;
      } catch (error) {
        this.alert.failed(`Could not write the workspace index: ${String(error)}`);
        return false;
      }
    });
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async readNow(): Promise<WorkspaceIndex | undefined> {
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(this.file));
    } catch (error) {
      if (isFileNotFound(error)) {
        return EMPTY_INDEX;
      }
      this.log.warn(`The workspace index could not be read (${String(error)}); it is left as it is.`);
      return undefined;
    }
    let reason: string;
    try {
      const parsed = parseWorkspaceIndex(JSON.parse(text));
      if (parsed.ok) {
        return parsed.index;
      }
      reason = parsed.reason;
    } catch (error) {
      reason = `not JSON: ${String(error)}`;
    }
    try {
      await this.quarantine.put({ key: WORKSPACE_INDEX_FILE, at: this.clock.now(), issues: [reason], raw: text });
      this.log.warn(`The workspace index is damaged (${reason}); it was set aside and starts again.`);
      return EMPTY_INDEX;
    } catch (error) {
      this.log.warn(`The damaged workspace index could not be set aside (${String(error)}); it is left as it is.`);
      return undefined;
    }
  }
}
