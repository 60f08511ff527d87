import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import type { AuthoredSpan } from '../core/trace/authorship';
import { lineContributors, rangesByContributor } from '../core/trace/lines';
import { addedLines } from '../core/trace/patch';
import { buildTraceRecord, repositoryPath, traceJson, type TraceFileInput } from '../core/trace/record';
import type { WriteFile } from './atomicFile';
import { builtInGit, chooseRepository, type GitChange, type GitCommit, type GitLookup, type GitRepository } from './gitRepository';

/** How many recent commits the quick pick offers. */
const RECENT_COMMITS = 30;
/** The Git extension's `Status` values of a deleted file. */
const DELETED = new Set([2, 6]);

export interface TraceExportOptions {
  /** Who wrote what in the open documents (by document key, the URI string). */
  readonly authorship: { spans(documentKey: string): AuthoredSpan[] };
  readonly clock: Clock;
  /** This extension's version, for the record's `tool`. */
  readonly toolVersion: string;
  /** The Git API (the built-in Git extension's unless given). */
  readonly git?: () => Promise<GitLookup>;
  readonly newId?: () => string;
  /** How the record is written (crash-safe, by the main bundle's writer). */
  readonly write: WriteFile;
}

/** Optional command arguments (tests, other commands): with both, no pick and no dialog. */
export interface ExportTraceArgs {
  /** The commit the files changed since. */
  readonly since?: string;
  readonly target?: vscode.Uri;
}

function parseArgs(value: unknown): ExportTraceArgs {
  if (typeof value !== 'object' || value === null || value instanceof vscode.Uri) {
    return {};
  }
  const { since, target } = value as { since?: unknown; target?: unknown };
  return { since: typeof since === 'string' && since !== '' ? since : undefined, target: target instanceof vscode.Uri ? target : undefined };
}

function short(hash: string): string {
  return hash.slice(0, 7);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * `ownershipRatio.exportAgentTrace`: the Agent Trace record of the lines changed since a commit
 * the user picks, written only to the file the user chooses. Returns the file written, or
 * undefined when nothing was (cancelled, or a message said why). Nothing is written anywhere else.
 */
export async function exportAgentTrace(options: TraceExportOptions, rawArgs?: unknown): Promise<vscode.Uri | undefined> {
  const args = parseArgs(rawArgs);
  const git = await (options.git ?? builtInGit)();
  if ('problem' in git) {
    return fail(vscode.l10n.t('Cannot export the Agent Trace: {0} It needs a Git repository, for the commit its lines belong to.', git.problem));
  }
  const repository = await chooseRepository(git.api);
  if (repository === undefined) {
    return git.api.repositories.length === 0 ? fail(vscode.l10n.t('Cannot export the Agent Trace: no Git repository is open in this window.')) : undefined;
  }
  const head = repository.state.HEAD?.commit;
  if (head === undefined) {
    return fail(vscode.l10n.t('Cannot export the Agent Trace: the repository has no commit yet.'));
  }
  const since = args.since ?? (await pickCommit(repository));
  if (since === undefined) {
    return undefined;
  }
  let files: TraceFileInput[];
  try {
    const changed = await changedFiles(repository, since);
    const unsaved = changed.flatMap((change) => (openDocument(change.uri)?.isDirty === true ? [vscode.workspace.asRelativePath(change.uri)] : []));
    if (unsaved.length > 0) {
      return fail(vscode.l10n.t('Save {0} first: the export names lines as they are in the files on disk.', unsaved.join(', ')));
    }
    files = await traceFiles(repository, since, changed, options.authorship);
  } catch (error) {
    return fail(vscode.l10n.t('Cannot export the Agent Trace: Git could not compare with {0}: {1}', short(since), messageOf(error)));
  }
  const record = buildTraceRecord({
    id: (options.newId ?? (() => globalThis.crypto.randomUUID()))(), now: options.clock.now(), revision: head, since, tool: { name: 'ownership-ratio', version: options.toolVersion }, files,
  });
  if (record.files.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No lines changed since {0}: there is nothing to export.', short(since)));
    return undefined;
  }
  const target = args.target ?? (await pickTarget(repository, head));
  return target === undefined ? undefined : save(options.write, target, traceJson(record), record.files.length, record.metadata['dev.ownership-ratio'].uncommitted.length);
}

function fail(message: string): undefined {
  void vscode.window.showErrorMessage(message);
  return undefined;
}

async function pickCommit(repository: GitRepository): Promise<string | undefined> {
  let commits: GitCommit[];
  try {
    commits = await repository.log({ maxEntries: RECENT_COMMITS });
  } catch (error) {
    return fail(vscode.l10n.t('Cannot export the Agent Trace: Git could not list the commits: {0}', messageOf(error)));
  }
  const items = commits.map((commit) => ({
    label: `${short(commit.hash)} ${commit.message.split('\n')[0]}`,
    description: [commit.authorName, commit.authorDate?.toLocaleString()].filter((part) => part !== undefined).join(', '),
    hash: commit.hash,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Export AI Attribution (Agent Trace)'),
    placeHolder: vscode.l10n.t('The lines changed since which commit? (its own changes are not included)'),
    matchOnDescription: true,
  });
  return picked?.hash;
}

/** The files changed since `since` that still exist, inside the repository. */
async function changedFiles(repository: GitRepository, since: string): Promise<GitChange[]> {
  const changes = await repository.diffWith(since);
  return changes.filter((change) => !DELETED.has(change.status) && repositoryPath(repository.rootUri.path, change.uri.path) !== undefined);
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
}

/** Each changed file's changed lines by who wrote them (unknown where its document is not open). */
async function traceFiles(repository: GitRepository, since: string, changes: readonly GitChange[], authorship: TraceExportOptions['authorship']): Promise<TraceFileInput[]> {
  const uncommitted = new Set([...repository.state.workingTreeChanges, ...repository.state.indexChanges].map((change) => change.uri.toString()));
  const files: TraceFileInput[] = [];
  for (const change of changes) {
    const lines = addedLines(await repository.diffWith(since, change.uri.fsPath));
    const document = openDocument(change.uri);
    const contributors = document === undefined ? [] : lineContributors(document.getText(), authorship.spans(document.uri.toString()));
    files.push({
      path: repositoryPath(repository.rootUri.path, change.uri.path) ?? change.uri.path,
      ranges: rangesByContributor(contributors, lines),
      uncommitted: uncommitted.has(change.uri.toString()),
    });
  }
  return files;
}

/** The save dialog, starting beside the repository (not in it: the record is not meant to be committed). */
function pickTarget(repository: GitRepository, head: string): Thenable<vscode.Uri | undefined> {
  return vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export AI Attribution (Agent Trace)'),
    filters: { [vscode.l10n.t('Agent Trace record (JSON)')]: ['json'] },
    defaultUri: vscode.Uri.joinPath(repository.rootUri, '..', `agent-trace-${short(head)}.json`),
  });
}

async function save(write: WriteFile, target: vscode.Uri, json: string, files: number, uncommitted: number): Promise<vscode.Uri | undefined> {
  try {
    // The file service replaces a target by deleting it first, recursively: never aim that at a folder.
    const existing = await vscode.workspace.fs.stat(target).then((stat) => stat, () => undefined);
    if (existing !== undefined && (existing.type & vscode.FileType.Directory) !== 0) {
      throw new Error(vscode.l10n.t('a folder has that name'));
    }
    await write(target, new TextEncoder().encode(json));
  } catch (error) {
    return fail(vscode.l10n.t('Could not write {0}: {1}. A file that was already there is left as it was.', target.fsPath, messageOf(error)));
  }
  const done = vscode.l10n.t('Exported the Agent Trace of {0} files to {1}.', files, target.fsPath);
  void vscode.window.showInformationMessage(uncommitted > 0
    ? `${done} ${vscode.l10n.t('{0} of them have changes not committed yet: their lines are those of the working copy.', uncommitted)}`
    : done);
  return target;
}
