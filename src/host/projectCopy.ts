import type * as vscode from 'vscode';
import type { Scheduler } from '../core/clock';
import type { DayReader } from '../core/history/snapshot';
import { RateControl } from '../core/rateControl';
import { Disposable } from './disposable';
import type { ProjectsFolder } from './projectsFolder';

/**
 * Writes a pause this long after the counts last changed, and at most once per interval while
 * they keep changing: far off the keystroke path, and another window's "All projects" is at most
 * this old (it shows this window's own figures live).
 */
export const PROJECT_COPY_QUIET_MS = 3_000;
export const PROJECT_COPY_INTERVAL_MS = 30_000;

export interface ProjectCopySource {
  readonly onDidChange: vscode.Event<void>;
  readonly store: DayReader;
  whenLoaded(): Promise<void>;
}

/** Keeps this workspace's copy of its daily totals (for "All projects") up to date with its history. */
export class ProjectCopy extends Disposable {
  private readonly writes: RateControl;
  private loaded = false;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly folder: ProjectsFolder,
    private readonly source: ProjectCopySource,
    /** The workspace's name as the table shows it (its folders' names). */
    private readonly name: () => string,
    now: () => number,
    scheduler?: Scheduler,
  ) {
    super();
    this.writes = new RateControl(() => {
      this.writing = this.write();
    }, { quietMs: PROJECT_COPY_QUIET_MS, intervalMs: PROJECT_COPY_INTERVAL_MS, trailing: true }, now, scheduler);
    this.register({ dispose: () => this.writes.dispose() });
    this.register(source.onDidChange(() => {
      if (this.loaded) {
        this.writes.request();
      }
    }));
    void source.whenLoaded().then(() => {
      this.loaded = true;
      this.writes.request();
    }, () => undefined);
  }

  /** The final write when the window closes (a waiting one at once). */
  async close(): Promise<void> {
    this.writes.flush();
    await this.writing;
    this.dispose();
  }

  private write(): Promise<void> {
    if (this.isDisposed) {
      return Promise.resolve();
    }
    const span = this.source.store.dayRange();
    return this.folder.writeOwn(this.name(), span === undefined ? [] : this.source.store.days(span.first, span.last));
  }
}
