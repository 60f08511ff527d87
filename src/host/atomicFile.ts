import { randomBytes } from 'node:crypto';
import { constants as fsConstants, promises as fsp } from 'node:fs';
import { dirname } from 'node:path';
import * as vscode from 'vscode';

/**
 * Writes a file so that a crash, a power loss or a full disk at any moment leaves either the old
 * file or the new one, never a zero-length or half-written one: a temporary file beside it is
 * written and flushed to the disk (`fsync`), renamed over the target, and the folder is flushed
 * too, so the rename itself survives a power loss (where the platform allows: not on Windows).
 * On the local file system Node's rename replaces the target in one step; VS Code's own rename
 * with `overwrite` deletes the target first, so it is used only for other file systems (remote,
 * virtual), which do their own flushing.
 */
export async function writeFileAtomic(target: vscode.Uri, content: Uint8Array): Promise<void> {
  const suffix = `.${randomBytes(6).toString('hex')}${TEMPORARY_SUFFIX}`;
  if (target.scheme === 'file') {
    const temporary = `${target.fsPath}${suffix}`;
    const folder = dirname(target.fsPath);
    await refuseReadOnly(target.fsPath);
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
    return;
  }
  const temporary = target.with({ path: `${target.path}${suffix}` });
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

let renameHoldMs = 0;

/**
 * Tests only: every write on the local file system waits this long between its flushed temporary
 * file and the rename, so that a test can kill the extension host in the middle of a write.
 */
export function holdRenamesForTests(ms: number): void {
  renameHoldMs = ms;
}

/** The target exists and may not be written: it is never replaced (a rename would do it anyway on Linux and macOS). */
export class ReadOnlyFileError extends Error {
  constructor() {
    super(vscode.l10n.t('the file is read-only'));
    this.name = 'ReadOnlyFileError';
  }
}

/**
 * Throws `ReadOnlyFileError` when `path` exists and is read-only: no write permission for its
 * owner (`chmod -w`; the read-only attribute on Windows), or none for this process (checked apart,
 * as a process with every right passes that test).
 */
async function refuseReadOnly(path: string): Promise<void> {
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

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function readJson(uri: vscode.Uri): Promise<unknown> {
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
}

export function jsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}
