import * as vscode from 'vscode';
import {
  csvBytes, dailyCsv, reflectionsCsv, sessionsCsv,
  type CsvOptions, type ReflectionCsvRecord,
} from '../core/export/csv';
import type { Calendar } from '../core/calendar';
import type { WriteFile } from './atomicFile';
import { settings } from './settings';
import type { WorkspaceHistory } from './workspaceHistory';

/** What `ownershipRatio.exportCsv` writes: one of the three CSV files, or all three into a folder. */
export type ExportKind = 'daily' | 'sessions' | 'reflections' | 'all';
const KINDS: readonly ExportKind[] = ['daily', 'sessions', 'reflections', 'all'];

/**
 * Optional command arguments (tests, other commands): with both, no dialog is shown.
 * `target` is the file for one kind, the folder for `all`.
 */
export interface ExportCsvArgs {
  readonly kind?: ExportKind;
  readonly target?: vscode.Uri;
}

/** Where the reflections come from (the reflection store); fixed keys give fixed columns. */
export interface ReflectionExportSource {
  records(): readonly ReflectionCsvRecord[] | PromiseLike<readonly ReflectionCsvRecord[]>;
  readonly ratingKeys?: readonly string[];
  readonly answerKeys?: readonly string[];
}

interface PlannedFile {
  readonly uri: vscode.Uri;
  readonly chunks: () => Promise<AsyncIterable<string>>;
}

function parseArgs(value: unknown): ExportCsvArgs {
  if (typeof value !== 'object' || value === null || value instanceof vscode.Uri) {
    return {};
  }
  const { kind, target } = value as { kind?: unknown; target?: unknown };
  return {
    kind: KINDS.includes(kind as ExportKind) ? (kind as ExportKind) : undefined,
    target: target instanceof vscode.Uri ? target : undefined,
  };
}

function fileName(kind: Exclude<ExportKind, 'all'>, today: string): string {
  return `ownership-ratio-${kind}-${today}.csv`;
}

async function pickKind(): Promise<ExportKind | undefined> {
  const items: (vscode.QuickPickItem & { exportKind: ExportKind })[] = [
    { exportKind: 'daily', label: vscode.l10n.t('Daily summary'), description: vscode.l10n.t('One row per day: characters by category, ratio, active minutes') },
    { exportKind: 'sessions', label: vscode.l10n.t('Sessions'), description: vscode.l10n.t('One row per session of the last two weeks, with start and end') },
    { exportKind: 'reflections', label: vscode.l10n.t('Reflections'), description: vscode.l10n.t('Your end-of-day ratings and answers') },
    { exportKind: 'all', label: vscode.l10n.t('All three'), description: vscode.l10n.t('Into a folder you choose') },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Ownership Ratio data as CSV'), placeHolder: vscode.l10n.t('What to export') });
  return picked?.exportKind;
}

async function pickTarget(kind: ExportKind, today: string): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (kind === 'all') {
    const picked = await vscode.window.showOpenDialog({
      title: vscode.l10n.t('Folder for the CSV files'),
      openLabel: vscode.l10n.t('Export here'),
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: false,
      defaultUri: folder,
    });
    return picked?.[0];
  }
  return vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export Ownership Ratio data as CSV'),
    filters: { [vscode.l10n.t('CSV (comma or semicolon separated)')]: ['csv'] },
    defaultUri: folder ? vscode.Uri.joinPath(folder, fileName(kind, today)) : undefined,
  });
}

/**
 * `ownershipRatio.exportCsv`. Returns the files written (all of them on success), or undefined when
 * the user cancelled (nothing written, no message). Each file is written atomically: on a failure
 * an existing file at the target is left as it was, and the message says why.
 */
export async function exportCsv(
  { history, reflections, calendar, write }: { history: WorkspaceHistory; reflections: ReflectionExportSource | undefined; calendar: Calendar; write: WriteFile },
  rawArgs?: unknown,
): Promise<vscode.Uri[] | undefined> {
  const args = parseArgs(rawArgs);
  const kind = args.kind ?? (await pickKind());
  if (kind === undefined) {
    return undefined;
  }
  const today = calendar.today();
  const target = args.target ?? (await pickTarget(kind, today));
  if (target === undefined) {
    return undefined;
  }
  await history.whenLoaded();
  history.store.refresh();
  const options: CsvOptions = { delimiter: settings.exportDelimiter(), decimal: settings.exportDecimal(), bom: settings.exportBom() };
  const store = history.store;
  const make: Record<Exclude<ExportKind, 'all'>, () => Promise<AsyncIterable<string>>> = {
    daily: () => Promise.resolve(dailyCsv(store, options)),
    sessions: () => Promise.resolve(sessionsCsv(store, options)),
    reflections: async () => {
      const records = [...((await reflections?.records()) ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      return reflectionsCsv(records, { ...options, tz: calendar.tz, ratingKeys: reflections?.ratingKeys, answerKeys: reflections?.answerKeys });
    },
  };
  const files: PlannedFile[] = kind === 'all'
    ? (['daily', 'sessions', 'reflections'] as const).map((k) => ({ uri: vscode.Uri.joinPath(target, fileName(k, today)), chunks: make[k] }))
    : [{ uri: target, chunks: make[kind] }];

  const written: vscode.Uri[] = [];
  for (const file of files) {
    try {
      // The file service replaces a target by deleting it first, recursively: never aim that at a folder.
      const existing = await vscode.workspace.fs.stat(file.uri).then((stat) => stat, () => undefined);
      if (existing !== undefined && (existing.type & vscode.FileType.Directory) !== 0) {
        throw new Error(vscode.l10n.t('a folder has that name'));
      }
      await write(file.uri, await csvBytes(await file.chunks()));
      written.push(file.uri);
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t(
        'Could not write {0}: {1}. A file that was already there is left as it was.',
        file.uri.fsPath,
        error instanceof Error ? error.message : String(error),
      ));
      return written;
    }
  }
  void vscode.window.showInformationMessage(kind === 'all'
    ? vscode.l10n.t('Exported 3 CSV files to {0}.', target.fsPath)
    : vscode.l10n.t('Exported {0}.', target.fsPath));
  return written;
}
