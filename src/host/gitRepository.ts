import * as vscode from 'vscode';

/*
 * The few parts of the built-in Git extension's API (`vscode.git`, API version 1) the Agent Trace
 * export uses, typed here so that nothing of that extension is bundled.
 */

/** A file changed between a commit and the working tree. */
export interface GitChange {
  readonly uri: vscode.Uri;
  /** The Git extension's `Status`: 2 (deleted in the index) and 6 (deleted) have no lines left. */
  readonly status: number;
}

export interface GitCommit {
  readonly hash: string;
  readonly message: string;
  readonly authorName?: string;
  readonly authorDate?: Date;
}

export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: {
    readonly HEAD?: { readonly commit?: string };
    readonly workingTreeChanges: readonly GitChange[];
    readonly indexChanges: readonly GitChange[];
  };
  log(options?: { readonly maxEntries?: number }): Promise<GitCommit[]>;
  diffWith(ref: string): Promise<GitChange[]>;
  diffWith(ref: string, path: string): Promise<string>;
}

export interface GitApi {
  readonly repositories: readonly GitRepository[];
  getRepository(uri: vscode.Uri): GitRepository | null;
}

interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

/** The Git API, or why there is none (a sentence for the user). */
export type GitLookup = { readonly api: GitApi } | { readonly problem: string };

/** The built-in Git extension's API, activating it if needed. */
export async function builtInGit(): Promise<GitLookup> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (extension === undefined) {
    return { problem: vscode.l10n.t('The built-in Git extension is not available in this editor.') };
  }
  try {
    const exports = extension.isActive ? extension.exports : await extension.activate();
    if (!exports.enabled) {
      return { problem: vscode.l10n.t('Git is turned off in this window (setting git.enabled).') };
    }
    return { api: exports.getAPI(1) };
  } catch (error) {
    return { problem: vscode.l10n.t('The built-in Git extension could not be started: {0}', error instanceof Error ? error.message : String(error)) };
  }
}

/** The repository of the active editor's file, the only one open, or the one the user picks. */
export async function chooseRepository(api: GitApi): Promise<GitRepository | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const ofActive = active === undefined ? null : api.getRepository(active);
  if (ofActive !== null) {
    return ofActive;
  }
  if (api.repositories.length <= 1) {
    return api.repositories[0];
  }
  const picked = await vscode.window.showQuickPick(
    api.repositories.map((repository) => ({ label: repository.rootUri.path.split('/').pop() ?? repository.rootUri.path, description: repository.rootUri.fsPath, repository })),
    { title: vscode.l10n.t('Export AI Attribution (Agent Trace)'), placeHolder: vscode.l10n.t('Which repository?') },
  );
  return picked?.repository;
}
