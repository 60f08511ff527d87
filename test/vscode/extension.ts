/** Helpers for the in-host suite: the extension under test, its API, and waiting for counts. */
import * as vscode from 'vscode';
import type { OwnershipRatioApi } from '../../src/host/api';

export const EXTENSION_ID = 'ownership.ownership-ratio';

export async function api(): Promise<OwnershipRatioApi> {
  const extension = vscode.extensions.getExtension<OwnershipRatioApi>(EXTENSION_ID);
  if (!extension) {
    throw new Error(`${EXTENSION_ID} is not installed in this VS Code`);
  }
  return extension.activate();
}

/** Polls until `accept` holds (counts arrive after the selection-pairing window); rejects on timeout with the last value. */
export async function eventually<T>(read: () => T, accept: (value: T) => boolean, timeoutMs = 3_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = read();
  while (!accept(value)) {
    if (Date.now() > deadline) {
      throw new Error(`not reached within ${timeoutMs} ms; last value: ${JSON.stringify(value)?.slice(0, 400) ?? String(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
    value = read();
  }
  return value;
}

export async function typeText(text: string): Promise<void> {
  for (const character of text) {
    await vscode.commands.executeCommand('type', { text: character });
  }
}

export async function freshEditor(content = '', language = 'plaintext'): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ content, language });
  return vscode.window.showTextDocument(document);
}

/** A workspace file with `content`, opened in an editor. */
export async function fileEditor(name: string, content: string): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    throw new Error('the in-host suite runs in a folder');
  }
  const uri = vscode.Uri.joinPath(folder.uri, name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return vscode.window.showTextDocument(uri, { preview: false });
}
