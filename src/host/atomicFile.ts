import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as vscode from 'vscode';

/**
 * Writes a file atomically: a temporary file beside it, then a rename over the target, so a crash
 * or a full disk never leaves a half-written file in place of a good one. On the local file system
 * Node's rename replaces the target in one step; VS Code's own rename with `overwrite` deletes the
 * target first, so it is used only for other file systems (remote, virtual).
 */
export async function writeFileAtomic(target: vscode.Uri, content: Uint8Array): Promise<void> {
  const suffix = `.${randomBytes(6).toString('hex')}.tmp`;
  if (target.scheme === 'file') {
    const temporary = `${target.fsPath}${suffix}`;
    await mkdir(dirname(target.fsPath), { recursive: true });
    try {
      await writeFile(temporary, content);
      await rename(temporary, target.fsPath);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      throw error;
    }
    return;
  }
  const temporary = target.with({ path: `${target.path}${suffix}` });
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
  try {
    await vscode.workspace.fs.writeFile(temporary, content);
    await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    throw error;
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
