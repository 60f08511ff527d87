import * as vscode from 'vscode';
import { randomHex } from './randomText';

/**
 * How one platform writes a whole file crash-safely: the target's name plus `temporarySuffix` is
 * the file beside it to write first (a crash's leftover is recognised by it, see `isStaleTemporary`).
 */
export type AtomicWriter = (target: vscode.Uri, content: Uint8Array, temporarySuffix: string) => Promise<void>;

/**
 * A crash-safe write of a whole file, as the feature bundle receives it from the main bundle (it
 * never imports `writeFileAtomic`, whose writer is chosen in the main bundle's copy of this module).
 */
export type WriteFile = (target: vscode.Uri, content: Uint8Array) => Promise<void>;

let writer: AtomicWriter = writeThroughWorkspaceFs;

/**
 * The entry point chooses how files are written: on Node the local disk is written and flushed
 * directly (see `node/localFileWrite.ts`); in a browser only `vscode.workspace.fs` exists, which is
 * also the default.
 */
export function useAtomicWriter(chosen: AtomicWriter): void {
  writer = chosen;
}

/**
 * Writes a file so that a crash at any moment leaves either the old file or the new one, never a
 * half-written one: a temporary file beside it is written, then renamed over the target. How
 * durable that is against a power loss depends on the platform's writer (see `useAtomicWriter`).
 */
export function writeFileAtomic(target: vscode.Uri, content: Uint8Array): Promise<void> {
  return writer(target, content, `.${randomHex(6)}${TEMPORARY_SUFFIX}`);
}

/**
 * Through `vscode.workspace.fs` (remote and virtual file systems, and every file in a browser): a
 * temporary file, then a rename with `overwrite`. This API has no fsync: the file system provider
 * (the remote's disk, the browser's IndexedDB, a virtual repository) flushes in its own time, so a
 * power loss may lose the newest write, never leave a half-written file. VS Code's rename with
 * `overwrite` deletes the target first; a crash between the two steps leaves the temporary file,
 * which holds the new content whole.
 */
export async function writeThroughWorkspaceFs(target: vscode.Uri, content: Uint8Array, temporarySuffix: string): Promise<void> {
  const temporary = target.with({ path: `${target.path}${temporarySuffix}` });
  const existing = await vscode.workspace.fs.stat(target).then((stat) => stat, () => undefined);
  if (existing !== undefined && ((existing.permissions ?? 0) & vscode.FilePermission.Readonly) !== 0) {
    throw new ReadOnlyFileError();
  }
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
  try {
    await vscode.workspace.fs.writeFile(temporary, content);
    await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    throw error;
  }
}

/** How a temporary file beside its target ends (after a random part). */
const TEMPORARY_SUFFIX = '.tmp';
/** A write never takes this long: a temporary file older than this was left by a crash. */
export const STALE_TEMPORARY_MS = 10 * 60_000;

/** A temporary file of a write that a crash interrupted (another window's write in progress is younger). */
export function isStaleTemporary(name: string, mtime: number, now: number): boolean {
  return /\.[0-9a-f]{12}\.tmp$/.test(name) && now - mtime > STALE_TEMPORARY_MS;
}

/**
 * Removes what writes cut short by a crash left in `folder` (any window's, once surely not in
 * progress): of `names`, the files that are stale temporaries. Never throws; a file that cannot be
 * checked or removed now stays for another session.
 */
export async function removeStaleTemporaries(folder: vscode.Uri, names: readonly string[], now: number): Promise<void> {
  await Promise.all(names.map(async (name) => {
    const uri = vscode.Uri.joinPath(folder, name);
    const stat = await vscode.workspace.fs.stat(uri).then((found) => found, () => undefined);
    if (stat !== undefined && stat.type === vscode.FileType.File && isStaleTemporary(name, stat.mtime, now)) {
      await vscode.workspace.fs.delete(uri, { useTrash: false }).then(undefined, () => undefined);
    }
  }));
}

/** The target exists and may not be written: it is never replaced (a rename would do it anyway on Linux and macOS). */
export class ReadOnlyFileError extends Error {
  constructor() {
    super(vscode.l10n.t('the file is read-only'));
    this.name = 'ReadOnlyFileError';
  }
}
