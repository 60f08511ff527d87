import * as vscode from 'vscode';
import { MAX_TOP_LEVEL_NAMES, remoteIdentity, type WorkspaceIdentity } from '../core/history/workspaceIndex';

/**
 * Runs Git with `args` in the local folder `cwd`: its output's non-empty lines, or none when Git
 * is missing, fails or the folder is no repository. Only the Node extension host can.
 */
export type GitRunner = (cwd: string, args: readonly string[]) => Promise<string[]>;

/** The names at the top of a folder, or none when it cannot be read. */
async function topLevelNames(folder: vscode.Uri): Promise<string[]> {
  try {
    return (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name);
  } catch {
    return [];
  }
}

/**
 * What identifies this workspace apart from its path: its folders, their names and, for local
 * folders that are Git repositories, their first commits and remotes (no Git, not a repository,
 * or no `git` to run, as in a browser: none), and the names at their top level.
 * Runs once at activation, off the edit path.
 */
export async function workspaceIdentity(git: GitRunner | undefined, folders: readonly vscode.WorkspaceFolder[] = vscode.workspace.workspaceFolders ?? []): Promise<WorkspaceIdentity> {
  const firstCommits: string[] = [];
  const remotes: string[] = [];
  const topLevel: string[] = [];
  for (const folder of folders) {
    topLevel.push(...await topLevelNames(folder.uri));
    if (folder.uri.scheme !== 'file' || git === undefined) {
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
