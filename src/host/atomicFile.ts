import * as vscode from 'vscode';

/**
 * Writes a file atomically: a temporary file beside it, then a rename over the target, so a crash
 * or a full disk never leaves a half-written file in place of a good one.
 */
export async function writeFileAtomic(target: vscode.Uri, content: Uint8Array): Promise<void> {
  const temporary = target.with({ path: `${target.path}.${Date.now().toString(36)}.tmp` });
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
