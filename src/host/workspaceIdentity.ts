import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import { MAX_TOP_LEVEL_NAMES, remoteIdentity, type WorkspaceIdentity } from '../core/history/workspaceIndex';

/** Git answers from its own files in milliseconds; a stuck or huge repository must not hold activation. */
const GIT_TIMEOUT_MS = 3_000;

function git(cwd: string, args: readonly string[]): Promise<string[]> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, timeout: GIT_TIMEOUT_MS, windowsHide: true }, (error, stdout) => {
      resolve(error ? [] : stdout.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== ''));
    });
  });
}

/** The names at the top of a folder, or none when it cannot be read. */
async function topLevelNames(folder: vscode.Uri): Promise<string[]> {
  try {
    return (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name);
  } catch {
    return [];
  }
}

/**
 * What identifies this workspace apart from its path: its folders, their names and, for folders
 * that are Git repositories, their first commits and remotes (no Git, or not a repository: none),
 * and the names at their top level.
 * Runs once at activation, off the edit path.
 */
export async function workspaceIdentity(folders: readonly vscode.WorkspaceFolder[] = vscode.workspace.workspaceFolders ?? []): Promise<WorkspaceIdentity> {
  const firstCommits: string[] = [];
  const remotes: string[] = [];
  const topLevel: string[] = [];
  for (const folder of folders) {
    topLevel.push(...await topLevelNames(folder.uri));
    if (folder.uri.scheme !== 'file') {
      continue;
    }
    firstCommits.push(...await git(folder.uri.fsPath, ['rev-list', '--max-parents=0', 'HEAD']));
    remotes.push(...(await git(folder.uri.fsPath, ['remote', '-v'])).map((line) => remoteIdentity(line.split(/\s+/)[1] ?? '')).filter((url) => url !== ''));
  }
  return {
    folders: folders.map((folder) => folder.uri.toString()),
    names: folders.map((folder) => folder.name),
    firstCommits: [...new Set(firstCommits)],
    remotes: [...new Set(remotes)],
    topLevel: [...new Set(topLevel)].sort().slice(0, MAX_TOP_LEVEL_NAMES),
  };
}
