import * as vscode from 'vscode';
import type { MirrorFiles } from '../core/history/mirroredMemento';
import { jsonBytes, readJson, writeFileAtomic } from './atomicFile';

/** The folder, shared by all windows of the workspace, where each window mirrors its history record. */
export function mirrorFolder(folder: vscode.Uri): MirrorFiles {
  const file = (name: string) => vscode.Uri.joinPath(folder, name);
  return {
    async list() {
      let entries: [string, vscode.FileType][];
      try {
        entries = await vscode.workspace.fs.readDirectory(folder);
      } catch {
        return [];
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
    async remove(name) {
      await vscode.workspace.fs.delete(file(name)).then(undefined, () => undefined);
    },
  };
}
