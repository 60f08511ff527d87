import * as vscode from 'vscode';
import type { Calendar } from '../core/calendar';
import { ANSWER_KEYS, RATING_KEYS } from '../core/reflection/model';
import { afterLater, afterShown, decideReminder, type ReminderState } from '../core/reflection/reminder';
import { ReflectionStore } from '../core/reflection/store';
import type { StoreWarning } from '../core/history/storeTypes';
import { REFLECTIONS_BACKUP_FILE, REMINDER_STATE_KEY } from '../core/storageKeys';
import { writeFileAtomic } from './atomicFile';
import { jsonBytes } from './jsonFiles';
import { Disposable } from './disposable';
import { settings, updateSetting } from './settings';
import type { ReflectionExportSource } from './exportCommand';
import { quarantineFolder } from './quarantineFolder';
import { StorageAlert } from './storageAlert';

/** The timer never sleeps longer than this, so sleep, clock and zone changes are noticed. */
const MAX_TIMER_MS = 30 * 60_000;

/**
 * The end-of-day reflections: one entry per local day in the extension's global state (a day is
 * reflected on once, whichever folder was open), never sent anywhere.
 */
export class Reflections {
  readonly store: ReflectionStore;
  private readonly backupUri: vscode.Uri;
  private backingUp: Promise<void> = Promise.resolve();

  constructor(context: vscode.ExtensionContext, calendar: Calendar, private readonly log: vscode.LogOutputChannel, private readonly alert = new StorageAlert(log)) {
    this.backupUri = vscode.Uri.joinPath(context.globalStorageUri, REFLECTIONS_BACKUP_FILE);
    this.store = new ReflectionStore(context.globalState, calendar, {
      quarantine: quarantineFolder(context.globalStorageUri),
      report: (warning) => this.report(warning),
      afterWrite: () => void this.writeBackup(),
    });
  }

  /**
   * Refreshes the copy of all reflections in the global storage folder (one at a time, the latest
   * value each time). A stored value this version cannot write is left as the newer version wrote it.
   */
  writeBackup(): Promise<void> {
    this.backingUp = this.backingUp.then(async () => {
      const value = this.store.exportValue();
      if (value === undefined || !this.store.writable) {
        return;
      }
      try {
        await writeFileAtomic(this.backupUri, jsonBytes(value));
      } catch (error) {
        this.alert.failed(`Could not write the reflections backup: ${String(error)}`);
      }
    });
    return this.backingUp;
  }

  private report(warning: StoreWarning): void {
    if (warning.code === 'corrupt') {
      this.log.warn(`A stored reflection under ${warning.key} could not be read (${warning.issues.join('; ')}); it is kept aside as ${warning.keptAs ?? '?'}.`);
      void vscode.window.showWarningMessage(vscode.l10n.t('A stored reflection could not be read. It was set aside untouched in the extension’s storage folder; every other reflection is kept.'));
    } else if (warning.code === 'quarantineFailed') {
      this.log.error(`A stored reflection under ${warning.key} could not be read nor set aside (${warning.error}); it is left in place.`);
    }
  }

  enabled(): boolean {
    return settings.reflectionEnabled();
  }

  /** For the CSV export (`exportCsv(history, reflections.exportSource())`): fixed columns, oldest day first. */
  exportSource(): ReflectionExportSource {
    return {
      records: () => this.store.all().map((entry) => ({ date: entry.date, ratings: entry.ratings, answers: entry.answers, updatedAt: entry.updated })),
      ratingKeys: RATING_KEYS,
      answerKeys: ANSWER_KEYS,
    };
  }
}

export interface ReminderDeps {
  readonly calendar: Calendar;
  readonly state: vscode.Memento;
  readonly reflections: Reflections;
  /** Own or AI-assisted characters were counted today. */
  hasActivityToday(): boolean;
  /** Opens the dashboard on the reflection. */
  reflect(): void;
  readonly log: vscode.LogOutputChannel;
  /** Resolves once today's activity can be told (the history is read): the first decision waits for it. */
  readonly ready: PromiseLike<void>;
}

/** A thin timer around `decideReminder`: at most one notification a day, only on days with activity. */
export class ReflectionReminder extends Disposable {
  private timer: NodeJS.Timeout | undefined;
  private showing = false;

  constructor(private readonly deps: ReminderDeps) {
    super();
    this.register({ dispose: () => clearTimeout(this.timer) });
    this.register(vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('ownershipRatio.reflection')) {
        this.schedule();
      }
    }));
    void Promise.resolve(deps.ready).then(() => this.schedule(), () => this.schedule());
  }

  private get reminderState(): ReminderState {
    const raw = this.deps.state.get<ReminderState>(REMINDER_STATE_KEY);
    return typeof raw === 'object' && raw !== null ? raw : {};
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.isDisposed || this.showing) {
      return;
    }
    const { calendar } = this.deps;
    const now = calendar.now();
    const today = calendar.dayOf(now);
    const decision = decideReminder(now, calendar.tz, {
      enabled: settings.reflectionEnabled() && settings.reflectionReminder(),
      time: settings.reflectionReminderTime(),
    }, this.reminderState, {
      hasActivity: this.deps.hasActivityToday(),
      reflected: this.deps.reflections.store.get(today) !== undefined,
    });
    switch (decision.action) {
      case 'off':
        return;
      case 'wait':
        this.timer = setTimeout(() => this.schedule(), Math.max(1_000, Math.min(MAX_TIMER_MS, decision.until - now)));
        return;
      case 'remind':
        void this.remind(decision.day);
        return;
    }
  }

  private async remind(day: string): Promise<void> {
    this.showing = true;
    try {
      await this.deps.state.update(REMINDER_STATE_KEY, afterShown(this.reminderState, day));
      const now = vscode.l10n.t('Reflect now');
      const later = vscode.l10n.t('Later');
      const off = vscode.l10n.t('Turn off reminder');
      const choice = await vscode.window.showInformationMessage(
        vscode.l10n.t('A minute to look back on today? A few taps on what gave you energy and what was yours.'),
        now,
        later,
        off,
      );
      if (choice === now) {
        this.deps.reflect();
      } else if (choice === later) {
        await this.deps.state.update(REMINDER_STATE_KEY, afterLater(this.reminderState, this.deps.calendar.now()));
      } else if (choice === off) {
        await updateSetting('reflection.reminder', false);
      }
    } catch (error) {
      this.deps.log.warn(`Reflection reminder: ${String(error)}`);
    } finally {
      this.showing = false;
      this.schedule();
    }
  }
}
