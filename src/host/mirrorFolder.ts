import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import type { MirrorFiles } from '../core/history/mirroredMemento';
import type { QuarantineSink } from '../core/history/ports';
import { WINDOWS_FOLDER } from '../core/storageKeys';
import { removeStaleTemporaries, writeFileAtomic } from './atomicFile';
import { jsonBytes, readJson } from './jsonFiles';

/**
 * The folder, shared by all windows of the workspace, where each window mirrors its history record.
 * A file that cannot be read goes to `quarantine` (its text as it was, with the reason).
 */
export function mirrorFolder(folder: vscode.Uri, quarantine: QuarantineSink, clock: Clock): MirrorFiles {
  const file = (name: string) => vscode.Uri.joinPath(folder, name);
  const remove = async (name: string): Promise<void> => {
    await vscode.workspace.fs.delete(file(name)).then(undefined, () => undefined);
  };
  let cleaned = false;
  return {
    async list() {
      let entries: [string, vscode.FileType][];
      try {
        entries = await vscode.workspace.fs.readDirectory(folder);
      } catch {
        return [];
      }
      if (!cleaned) {
        // Once a session, beside the reading: a write waits for this listing, never for the cleanup.
        cleaned = true;
        void removeStaleTemporaries(folder, entries.map(([name]) => name), clock.now());
      }
      const files = entries.filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.json'));
      const listed = await Promise.all(files.map(async ([name]) => {
        try {
          return { name, mtime: (await vscode.workspace.fs.stat(file(name))).mtime };
        } catch {
          return undefined;
        }
      }));
      return listed.filter((entry): entry is { name: string; mtime: number } => entry !== undefined);
    },
    read: (name) => readJson(file(name)),
    write: (name, value) => writeFileAtomic(file(name), jsonBytes(value)),
    remove,
    async setAside(name, reason) {
      const raw = new TextDecoder().decode(await vscode.workspace.fs.readFile(file(name)));
      await quarantine.put({ key: `${WINDOWS_FOLDER}/${name}`, at: clock.now(), issues: [reason], raw });
      await remove(name);
    },
  };
}
