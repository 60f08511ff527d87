import { constants as fsConstants, promises as fsp } from 'node:fs';
import { dirname } from 'node:path';
import type * as vscode from 'vscode';
import type { AtomicWriter, ReadOnlyFileError, writeThroughWorkspaceFs } from '../atomicFile';

/**
 * What the local writer takes from the shared bundle rather than keeping copies of its own: the
 * error the shared code recognises by its class, and VS Code's writer for other file systems.
 */
export interface SharedWriting {
  readonly ReadOnlyFileError: typeof ReadOnlyFileError;
  readonly writeThroughWorkspaceFs: typeof writeThroughWorkspaceFs;
}

/**
 * The Node extension host's crash-safe writes. On the local disk a power loss too leaves the old
 * file or the new one: the temporary file is flushed to the disk (`fsync`) before Node's rename
 * replaces the target in one step, and the folder is flushed too, so the rename itself survives
 * (where the platform allows: not on Windows). VS Code's own rename with `overwrite` deletes the
 * target first, so it is used only for other file systems (remote, virtual), which do their own
 * flushing.
 */
export function nodeAtomicWriter(shared: SharedWriting): AtomicWriter {
  return (target, content, temporarySuffix) => (target.scheme === 'file'
    ? writeLocalFile(target, content, temporarySuffix, shared.ReadOnlyFileError)
    : shared.writeThroughWorkspaceFs(target, content, temporarySuffix));
}

async function writeLocalFile(target: vscode.Uri, content: Uint8Array, temporarySuffix: string, readOnly: SharedWriting['ReadOnlyFileError']): Promise<void> {
  const temporary = `${target.fsPath}${temporarySuffix}`;
  const folder = dirname(target.fsPath);
  await refuseReadOnly(target.fsPath, readOnly);
  await fsp.mkdir(folder, { recursive: true });
  try {
    const handle = await fsp.open(temporary, 'w');
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (renameHoldMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, renameHoldMs));
    }
    await fsp.rename(temporary, target.fsPath);
  } catch (error) {
    await fsp.rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder);
}

let renameHoldMs = 0;

/**
 * Tests only: every write on the local file system waits this long between its flushed temporary
 * file and the rename, so that a test can kill the extension host in the middle of a write.
 */
export function holdRenamesForTests(ms: number): void {
  renameHoldMs = ms;
}

/**
 * Throws `ReadOnlyFileError` when `path` exists and is read-only: no write permission for its
 * owner (`chmod -w`; the read-only attribute on Windows), or none for this process (checked apart,
 * as a process with every right passes that test).
 */
async function refuseReadOnly(path: string, ReadOnlyFileError: SharedWriting['ReadOnlyFileError']): Promise<void> {
  const stat = await fsp.stat(path).catch(() => undefined);
  if (stat === undefined || !stat.isFile()) {
    return;
  }
  const writable = (stat.mode & 0o200) !== 0 && (await fsp.access(path, fsConstants.W_OK).then(() => true, () => false));
  if (!writable) {
    throw new ReadOnlyFileError();
  }
}

/** Flushes a folder's entries (the rename) to the disk; a platform that cannot (Windows) is fine. */
async function syncFolder(folder: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(folder, 'r');
    await handle.sync();
  } catch {
    // EISDIR/EPERM on Windows: the rename is as durable as that platform makes it
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
