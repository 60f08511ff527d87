import * as vscode from 'vscode';

/*
 * Reading and encoding the extension's JSON files, and the file system's answers: no state of its
 * own, so the feature bundle may hold its own copy (crash-safe writes are in `atomicFile.ts`,
 * whose chosen writer lives only in the main bundle).
 */

/** The file system's answer for a file that is not there (nothing to read or delete). */
export function isFileNotFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
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
