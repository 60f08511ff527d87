import * as vscode from 'vscode';
import type { Attribution } from '../core/attribution/types';
import type { Calendar } from '../core/calendar';
import type { FateSettlement } from '../core/fate/fateTracker';
import { RateControl } from '../core/rateControl';
import { settingDefault } from '../core/settings';
import { HistoryStore, type HistoryOptions, type RestoreResult, type StoreWarning } from '../core/history/historyStore';
import { MirroredMemento } from '../core/history/mirroredMemento';
import { systemScheduler, type QuarantineSink } from '../core/history/ports';
import type { PendingFate, Snapshot } from '../core/history/snapshot';
import { BACKUP_FILE, HISTORY_KEY_PREFIX, MAINTENANCE_KEY, WINDOWS_FOLDER } from '../core/storageKeys';
import type { Totals } from '../core/tally';
import { writeFileAtomic } from './atomicFile';
import { jsonBytes, readJson } from './jsonFiles';
import { randomBase64Url } from './randomText';
import { readBackupMarker } from './backupMarker';
import { beforeRemovalFolder } from './beforeRemovalFolder';
import { Disposable } from './disposable';
import type { FateSink } from './fateWatcher';
import { mirrorFolder } from './mirrorFolder';
import { quarantineFolder } from './quarantineFolder';
import { settings, updateSetting } from './settings';
import { StorageAlert } from './storageAlert';

/** How often the backup snapshot in the extension's storage folder is refreshed while counting. */
const BACKUP_INTERVAL_MS = 10 * 60_000;
/**
 * A pause in typing this long saves at once (at most every IDLE_SAVE_SPACING_MS; a pause sooner
 * after the last such save saves when that spacing is over): a reload or a closed tab right after
 * a burst of work then loses nothing. Continuous typing saves every 10 s (the store's own interval).
 */
const IDLE_SAVE_MS = 3_000;
const IDLE_SAVE_SPACING_MS = 10_000;
/**
 * How often the records other windows of this workspace share are read again (a folder listing;
 * only changed files are read): their counts show, and a deletion in another window is seen,
 * within this time, and at once when the window gets the focus.
 */
const OTHER_WINDOWS_REFRESH_MS = 5_000;

/**
 * The workspace's history as the rest of the host sees it: the core store over `workspaceState`,
 * with its backup file and quarantine folder in the extension's storage folder, and its notices
 * shown to the user.
 */
export class WorkspaceHistory extends Disposable implements FateSink {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires after counts change; listeners throttle themselves. */
  readonly onDidChange = this.changed.event;
  private readonly backedUp = this.register(new vscode.EventEmitter<void>());
  /** Fires after the backup file was written (there is history in it). */
  readonly onDidBackUp = this.backedUp.event;
  /** A backup was written in this session: the first pause in typing need not write one. */
  private backupCurrent = false;
  readonly store: HistoryStore;
  private readonly storageFolder: vscode.Uri;
  private readonly memento: MirroredMemento;
  private backupTimer: NodeJS.Timeout | undefined;
  private readonly loaded: Promise<void>;
  private readonly idleSave: RateControl;
  /** The AI text followed in this window: what is pending shows in the snapshot; Delete All Data forgets it. */
  followed: { readonly pending: PendingFate; clear(): void } | undefined;
  private readonly quarantine: QuarantineSink;
  /** The backup file is there but could not be read or set aside: never replace it. */
  private keepBackupFile = false;

  constructor(
    context: vscode.ExtensionContext,
    private readonly calendar: Calendar,
    private readonly log: vscode.LogOutputChannel,
    private readonly alert = new StorageAlert(log),
  ) {
    super();
    // Without a folder open there is no workspace storage; the global one still keeps the backup.
    this.storageFolder = context.storageUri ?? context.globalStorageUri;
    const quarantine = this.quarantine = quarantineFolder(this.storageFolder);
    this.memento = new MirroredMemento(
      context.workspaceState,
      mirrorFolder(vscode.Uri.joinPath(this.storageFolder, WINDOWS_FOLDER), quarantine, calendar),
      (key) => key.startsWith(HISTORY_KEY_PREFIX) || key === MAINTENANCE_KEY,
      calendar,
      (error, writing) => {
        const detail = `Could not ${writing === true ? 'share this window\'s counts with' : 'read the counts of'} other windows: ${String(error)}`;
        if (writing === true) {
          this.alert.failed(detail);
        } else {
          log.warn(detail);
        }
      },
    );
    this.store = new HistoryStore({
      memento: this.memento,
      calendar,
      scheduler: systemScheduler,
      windowId: randomBase64Url(6),
      quarantine,
      report: (warning) => this.report(warning),
      keepBeforeRemoval: beforeRemovalFolder(this.storageFolder, calendar),
      readOthers: () => this.memento.refresh(),
    }, historyOptions());
    this.register(vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('ownershipRatio')) {
        this.store.configure(historyOptions());
        this.changed.fire();
      }
    }));
    this.register(vscode.window.onDidChangeWindowState((state) => {
      if (state.focused) {
        void this.refreshOtherWindows();
      }
    }));
    this.idleSave = new RateControl(() => void this.store.flush().then(() => this.firstBackup()), { quietMs: IDLE_SAVE_MS, intervalMs: IDLE_SAVE_SPACING_MS, trailing: true }, () => calendar.now());
    this.register({ dispose: () => this.idleSave.dispose() });
    this.loaded = this.load();
  }

  get countsOnlyInMemory(): boolean {
    return this.store.countsOnlyInMemory;
  }

  /** Resolves once stored history is read (edits before that are queued, not lost). */
  whenLoaded(): Promise<void> {
    return this.loaded;
  }

  record(attribution: Attribution): void {
    this.store.record(attribution);
    this.changed.fire();
    this.idleSave.request();
  }

  /** An action was decided otherwise: `next` counts in place of `previous`. */
  replace(previous: Attribution, next: Attribution): void {
    this.store.replace(previous, next);
    this.changed.fire();
    this.idleSave.request();
  }

  recordFate(settlement: FateSettlement): void {
    this.store.recordLater((tracker) => tracker.recordFate(settlement.at, settlement));
    this.changed.fire();
    this.idleSave.request();
  }

  noteLead(documentKey: string, attribution: Attribution): void {
    this.store.recordLater((tracker) => tracker.noteLead(documentKey, attribution));
  }

  settleLeads(now?: number): void {
    this.store.recordLater((tracker) => tracker.settleLeads(now));
  }

  /** Forgets every count of this workspace (the caller removes the files) and tells the views. */
  async deleteAll(): Promise<void> {
    // Every window's record as it is now, so that each one gets its deletion marker.
    await this.memento.refresh().catch((error: unknown) => this.log.warn(`Could not read other windows' counts before deleting: ${String(error)}`));
    await this.store.deleteAll();
    this.followed?.clear();
    this.changed.fire();
  }

  /** Restores a backup value (validated by the store) and saves it at once. */
  async restore(value: unknown): Promise<RestoreResult> {
    const result = await this.store.restoreBackup(value);
    if (result.ok) {
      this.log.info(`Restored a backup: ${result.days} days added, ${result.sameDays + result.keptDays} already here and kept.`);
      this.changed.fire();
      await this.writeBackup();
    } else {
      this.log.warn(`A backup was not restored (${result.reason}${result.issues.length ? `: ${result.issues.slice(0, 5).join('; ')}` : ''}); nothing was changed.`);
    }
    return result;
  }

  getSnapshot(): Snapshot {
    return this.store.snapshot(this.followed === undefined ? undefined : (from, to) => this.followed?.pending(from, to) ?? 0);
  }

  /** Totals of the last `days` days including today, volume-weighted over all windows. */
  lastDays(days: number): Totals {
    const { from, to } = this.calendar.lastDays(days);
    return this.store.rangeTotals(from, to);
  }

  /** Final write and backup, awaited by `deactivate()`. */
  async close(): Promise<void> {
    clearInterval(this.backupTimer);
    await this.store.dispose();
    await this.writeBackup();
    this.dispose();
  }

  private get backupUri(): vscode.Uri {
    return vscode.Uri.joinPath(this.storageFolder, BACKUP_FILE);
  }

  private async load(): Promise<void> {
    const { dataExpected, keepFile } = await readBackupMarker(this.backupUri, this.quarantine, this.calendar, this.log);
    this.keepBackupFile = keepFile;
    await this.memento.refresh().catch((error: unknown) => this.log.warn(`Could not read other windows' counts: ${String(error)}`));
    const result = await this.store.load({ dataExpected });
    this.log.info(`History loaded (${result.mode}; ${result.mergedWindows} other window records, ${result.foldedWindows} folded).`);
    this.changed.fire();
    this.backupTimer = setInterval(() => void this.writeBackup(), BACKUP_INTERVAL_MS);
    const refreshTimer = setInterval(() => void this.refreshOtherWindows(), OTHER_WINDOWS_REFRESH_MS);
    this.register({ dispose: () => {
      clearInterval(this.backupTimer);
      clearInterval(refreshTimer);
    } });
    await this.writeBackup();
  }

  /** Takes in what other windows on this workspace counted (the dashboard calls it when it opens). */
  async refreshOtherWindows(): Promise<void> {
    try {
      if (await this.memento.refresh()) {
        this.store.refresh();
        this.changed.fire();
      }
    } catch (error) {
      this.log.warn(`Could not read other windows' counts: ${String(error)}`);
    }
  }

  /**
   * The first save of a session also writes the backup, not only the timer minutes later: the
   * backup is what tells a lost history from a new one, and what a renamed folder carries over.
   */
  private async firstBackup(): Promise<void> {
    if (!this.backupCurrent) {
      await this.writeBackup();
    }
  }

  private async writeBackup(): Promise<void> {
    await this.refreshOtherWindows(); // a deletion in another window first, so that none is written back
    const backup = this.store.exportBackup(true);
    // An empty backup would later claim that history existed: write one only once there is some.
    if (backup === undefined || Object.keys(backup.d).length === 0 || this.keepBackupFile) {
      return;
    }
    try {
      await writeFileAtomic(this.backupUri, jsonBytes(backup));
      this.backupCurrent = true;
      this.backedUp.fire();
    } catch (error) {
      this.alert.failed(`Could not write the history backup: ${String(error)}`);
    }
  }

  private report(warning: StoreWarning): void {
    switch (warning.code) {
      case 'corrupt':
        this.log.warn(`Stored history under ${warning.key} was damaged (${warning.issues.slice(0, 5).join('; ')}); the original is kept aside as ${warning.keptAs ?? '?'}.`);
        void vscode.window.showWarningMessage(vscode.l10n.t('Part of the stored Ownership Ratio history was damaged. What could be read is kept, and the original was set aside untouched.'));
        return;
      case 'quarantineFailed':
        this.log.error(`Damaged history under ${warning.key} could not be set aside (${warning.error}); it is left untouched.`);
        void vscode.window.showWarningMessage(vscode.l10n.t('Part of the stored Ownership Ratio history is damaged and could not be set aside. It is left untouched and only read.'));
        return;
      case 'futureVersion':
        this.log.warn(`History under ${warning.key} was written by a newer version (v${warning.version}); read-only.`);
        void vscode.window.showInformationMessage(vscode.l10n.t('This workspace’s Ownership Ratio history was written by a newer version of the extension. It is shown read-only and nothing is changed; update the extension to keep counting into it.'));
        return;
      case 'missingData':
        void this.offerRestore();
        return;
      case 'writeFailed':
        this.log.error(`Saving history failed ${warning.attempts} times: ${warning.error}`);
        void vscode.window.showWarningMessage(vscode.l10n.t('Ownership Ratio cannot save its history right now. Counts are kept in memory and saving is retried.'));
        this.changed.fire(); // the tooltip says so until saving works again
        return;
      case 'writeRecovered':
        this.log.info(`Saving history works again after ${warning.attempts} attempts.`);
        this.changed.fire();
        return;
      case 'ownKeyLost':
        this.log.warn(`This window's history record ${warning.key} was taken over; continuing under a new one.`);
        return;
      case 'clockAhead':
        this.log.warn(`The clock says ${warning.today}, far past the newest stored day: compaction and retention count from ${warning.trusted} until the date has held for a day.`);
        return;
      case 'clockConfirmed':
      case 'clockBack':
        this.log.info(`The clock ${warning.code === 'clockBack' ? 'came back' : 'held for a day'}: compaction and retention count from ${warning.today} again.`);
        return;
      case 'retentionLowered':
        this.log.warn(`A retention of ${warning.days} days would remove ${warning.olderDays} stored days; ${warning.keeping === 0 ? 'everything' : `${warning.keeping} days`} kept until that is confirmed.`);
        void this.askRetention(warning.days, warning.olderDays, warning.keeping);
        return;
    }
  }

  /** Asks once before a lowered retention removes stored days; "Keep everything" puts the setting back. */
  private async askRetention(days: number, olderDays: number, keeping: number): Promise<void> {
    const remove = vscode.l10n.t('Delete');
    const keep = vscode.l10n.t('Keep everything');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Keep {0} days? Older days ({1} days of history) will be deleted.', days, olderDays),
      remove,
      keep,
    );
    if (choice === remove) {
      await this.store.answerRetention(days, true);
      this.log.info(`Retention of ${days} days confirmed; ${olderDays} older days removed.`);
      this.changed.fire();
    } else if (choice === keep) {
      await this.store.answerRetention(days, false);
      await updateSetting('history.retentionDays', keeping === settingDefault('history.retentionDays') ? undefined : keeping)
        .then(undefined, (error: unknown) => this.log.warn(`Could not put the retention setting back: ${String(error)}`));
    }
  }

  private async offerRestore(): Promise<void> {
    const restore = vscode.l10n.t('Restore from backup');
    const fresh = vscode.l10n.t('Start fresh');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('The Ownership Ratio history of this workspace is missing, although a backup shows there was one. Nothing has been overwritten.'),
      restore,
      fresh,
    );
    if (choice === restore) {
      const result = await this.restore(await readJson(this.backupUri).catch(() => undefined));
      if (result.ok) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Restored {0} days of history from the backup.', result.days));
      } else {
        void vscode.window.showErrorMessage(vscode.l10n.t('The backup could not be restored ({0}). Nothing was changed.', result.reason));
      }
    } else if (choice === fresh) {
      this.store.startFresh();
    }
  }
}

function historyOptions(): Partial<HistoryOptions> {
  return {
    idleGapMs: settings.idleMinutes() * 60_000,
    retentionDays: settings.retentionDays(),
    pasteCountsAs: settings.pasteCountsAs(),
  };
}
