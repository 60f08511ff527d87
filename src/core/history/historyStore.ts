import type { Attribution } from '../attribution/types';
import { RecentRing } from '../sessions/recentRing';
import { SessionTracker } from '../sessions/sessionTracker';
import type { DayKey } from '../sessions/localDay';
import { isStoreKey } from '../storageKeys';
import type { Totals } from '../tally';
import { buildBackup, planRestore } from './backupRestore';
import { BatchedWriter } from './batchedWriter';
import { EarlyEdits } from './earlyEdits';
import { compactHistory, daysBefore, firstKeptDay, newestDayUpTo } from './compaction';
import { Maintenance } from './maintenance';
import { HistoryQueries } from './historyQueries';
import { emptyHistory, mergeAll, mergeHistory, type HistoryData } from './model';
import { SCHEMA_VERSION, type StoredBackup, type StoredWindowRecord } from './schema';
import { OwnRecordEncoder } from './ownRecordEncoder';
import { RemovalBackup } from './removalBackup';
import { buildSnapshot, type DaySummary, type PendingFate, type SessionSummary, type Snapshot } from './snapshot';
import { StoreModeMachine, type StoreMode } from './storeMode';
import {
  DEFAULT_HISTORY_OPTIONS, errorText, type HistoryOptions, type HistoryStoreDeps, type LoadResult, type RestoreResult, type StoreWarning,
} from './storeTypes';
import { WindowRecords } from './windowRecords';

export { DEFAULT_HISTORY_OPTIONS, type HistoryOptions, type HistoryStoreDeps, type LoadResult, type RestoreResult, type StoreMode, type StoreWarning };

/**
 * The history of this workspace over a Memento: this window's live sessions and days, merged with
 * what earlier windows and concurrent windows stored. The host calls `load()` once, `record()` per
 * attribution, `flush()` when it wants a checkpoint and `dispose()` on deactivate (its promise is
 * the final write). The parts: `StoreModeMachine` (what may happen when), `WindowRecords` (each
 * window's key, leases and folding), `HistoryQueries` (reads), `OwnRecordEncoder` (what is
 * written), `planRestore`/`buildBackup` (backups) and `keepAside` (quarantine).
 */
export class HistoryStore {
  private options: HistoryOptions;
  private readonly modes = new StoreModeMachine();
  private base: HistoryData = emptyHistory();
  private tracker: SessionTracker;
  private readonly records: WindowRecords;
  private readonly encoder = new OwnRecordEncoder();
  private readonly queries: HistoryQueries;
  private closing = false;
  private readonly ring: RecentRing<Attribution>;
  private readonly early = new EarlyEdits();
  private readonly writer: BatchedWriter;
  private readonly upkeep: Maintenance;
  private readonly removal: RemovalBackup;

  constructor(private readonly deps: HistoryStoreDeps, options: Partial<HistoryOptions> = {}) {
    this.records = new WindowRecords(deps.memento, deps.windowId); // throws for a window id that would make a strange key
    this.options = { ...DEFAULT_HISTORY_OPTIONS, ...options };
    this.upkeep = new Maintenance(deps.memento, () => deps.calendar.now(), (w) => this.warn(w));
    this.removal = new RemovalBackup(deps.keepBeforeRemoval);
    this.tracker = this.newTracker();
    this.ring = new RecentRing(this.options.recentSize);
    this.queries = new HistoryQueries(() => this.sources(), () => this.options, deps.calendar.tz);
    this.writer = new BatchedWriter(deps.scheduler, () => this.writeOwn(), {
      onFailing: (attempts, error) => this.warn({ code: 'writeFailed', attempts, error: errorText(error) }),
      onRecovered: (attempts) => this.warn({ code: 'writeRecovered', attempts }),
    }, this.writerOptions());
    this.writer.setEnabled(false);
  }

  get mode(): StoreMode {
    return this.modes.current;
  }

  /** Edits are counted but kept in memory only: writes fail, or history is read-only or blocked. */
  get countsOnlyInMemory(): boolean {
    return this.modes.counts && (!this.modes.writes || this.writer.failing);
  }

  /** The Memento key this window writes. */
  get key(): string {
    return this.records.key;
  }

  /** Edits that arrived before `load()` finished beyond the queue bound (10,000) and were dropped. */
  get droppedEarlyEdits(): number {
    return this.early.dropped;
  }

  configure(options: Partial<HistoryOptions>): void {
    this.options = { ...this.options, ...options };
    if (this.upkeep.retentionRequested(this.options.retentionDays) && this.modes.writes) {
      this.writer.markDirty();
      void this.writer.flush(); // saved at once: a restart soon after must not ask from the old answer
    }
    this.tracker.setIdleGap(this.options.idleGapMs);
    this.writer.setOptions(this.writerOptions());
    this.encoder.invalidate();
  }

  async load(options: { readonly dataExpected?: boolean } = {}): Promise<LoadResult> {
    if (this.modes.ending) {
      return { mode: this.modes.current, warnings: [], mergedWindows: 0, foldedWindows: 0 };
    }
    if (this.modes.current !== 'new') {
      throw new Error(`load() called in mode ${this.modes.current}`);
    }
    this.modes.to('loading');
    const warnings: StoreWarning[] = [];
    const warn = (w: StoreWarning): void => {
      warnings.push(w);
      this.warn(w);
    };
    const read = this.records.readAll();
    const readOnly = WindowRecords.noteFutureRecords(read, warn);
    const foldedWindows = await this.records.place(read, this.base, {
      now: this.deps.calendar.now(),
      leaseMs: this.options.leaseMs,
      readOnly,
      quarantine: { clock: this.deps.calendar, memento: this.deps.memento, sink: this.deps.quarantine },
      warn,
    });
    const blocked = !readOnly && read.length === 0 && options.dataExpected === true;
    if (blocked) {
      warn({ code: 'missingData' });
    }
    if ((this.modes.current as StoreMode) !== 'loading') {
      // disposed while loading: take nothing over, write nothing
      return { mode: this.modes.current, warnings, mergedWindows: 0, foldedWindows: 0 };
    }
    this.upkeep.start(newestDayUpTo(this.sources(), this.deps.calendar.today()));
    this.compactAll();
    this.modes.to(readOnly ? 'readOnly' : blocked ? 'blocked' : 'ready');
    for (const a of this.early.take()) {
      this.record(a);
    }
    if (this.modes.writes) {
      this.writer.setEnabled(true);
      if (this.records.folded.size > 0) {
        this.writer.markDirty();
        await this.writer.flush();
      }
    }
    return { mode: this.modes.current, warnings, mergedWindows: this.records.others.size, foldedWindows };
  }

  /** Counts one attribution. O(1); never touches storage (marks dirty, the writer batches). */
  record(a: Attribution): void {
    if (this.modes.counts) {
      if (this.tracker.record(a)) {
        this.ring.push(a);
        this.writer.markDirty();
      }
    } else if (this.modes.queues) {
      this.early.push(a);
    }
  }

  /** Counts `next` in place of `previous`, recorded before (its action was decided otherwise). O(recent). */
  replace(previous: Attribution, next: Attribution): void {
    if (this.modes.counts) {
      if (this.tracker.replace(previous, next)) {
        this.ring.replace(previous, next);
        this.writer.markDirty();
      }
    } else if (this.modes.queues) {
      this.early.replace(previous, next);
    }
  }

  /** What settles after the edits (the fate of AI text, who led a file) counts in this window's live spans; true: changed. */
  recordLater(count: (tracker: SessionTracker) => boolean): void {
    if (this.modes.counts && count(this.tracker)) {
      this.writer.markDirty();
    }
  }

  /** Writes now if anything is unwritten. Resolves true when everything is stored. */
  flush(): Promise<boolean> {
    return this.modes.writes ? this.writer.flush() : Promise.resolve(false);
  }

  /** Final write (marks the key closed so the next window folds it); later edits are ignored. */
  async dispose(): Promise<void> {
    const mode = this.modes.current;
    if (this.modes.ending) {
      return;
    }
    this.modes.to('disposing');
    if (mode === 'ready' && (this.records.lastWrittenT !== undefined || this.writer.isDirty)) {
      this.closing = true;
      this.writer.markDirty();
      await this.writer.flush();
    }
    this.writer.dispose();
    this.modes.to('disposed');
  }

  /** The user's answer to `retentionLowered`: remove the older days now, or keep everything (not asked again). */
  async answerRetention(days: number, remove: boolean): Promise<void> {
    this.upkeep[remove ? 'approveRetention' : 'declineRetention'](days);
    if (this.modes.writes) {
      this.writer.markDirty();
      await this.writer.flush(); // compacts by the new answer, stores it
    }
  }

  /** Leaves `blocked` mode: the user accepts starting without the missing history. */
  startFresh(): void {
    if (this.modes.current === 'blocked') {
      this.modes.to('ready');
      this.writer.setEnabled(true);
    }
  }

  /** Re-reads other windows' keys (dashboard, writes); our key gone (Delete All Data elsewhere): start over. */
  refresh(): void {
    if (!(this.modes.writes && this.movedFromLostKey()) && this.modes.reads) {
      this.syncOthers();
    }
  }

  /** Deletes every history and quarantine key and forgets everything in memory (Delete All Data). */
  async deleteAll(): Promise<void> {
    this.writer.setEnabled(false);
    this.writer.discard(); // the counts it would write are deleted: nothing is written back
    this.forgetAll();
    for (const key of this.deps.memento.keys().filter(isStoreKey)) {
      await this.deps.memento.update(key, undefined);
    }
    if (this.modes.current === 'blocked' || this.modes.current === 'readOnly') {
      this.modes.to('ready');
    }
    this.writer.setEnabled(this.modes.current === 'ready');
  }

  private forgetAll(): void {
    this.upkeep.start(undefined);
    this.removal.forget();
    this.base = emptyHistory();
    this.encoder.invalidate();
    this.tracker = this.newTracker();
    this.records.forget();
    this.ring.clear();
  }

  /**
   * The merged history of all windows as one JSON value (a backup). Undefined before load and while
   * `blocked`; `forFile` (the backup file in the storage folder): also unless we write (`rewritesFiles`).
   */
  exportBackup(forFile = false): StoredBackup | undefined {
    const mode = this.modes.current;
    if ((mode !== 'ready' && mode !== 'readOnly' && !this.modes.ending) || (forFile && !this.modes.rewritesFiles)) {
      return undefined;
    }
    return buildBackup(mergeAll(this.sources()), this.deps.calendar.now(), this.options, this.languagesFrom(this.plan().day));
  }

  /** Restores a backup into this window's record (see `planRestore`) and writes it at once. */
  async restoreBackup(value: unknown): Promise<RestoreResult> {
    const plan = planRestore(value, this.modes.current, () => mergeAll(this.sources()));
    if (!plan.ok) {
      return plan.result;
    }
    if (plan.replace !== undefined) {
      this.base = plan.replace;
    } else if (plan.add !== undefined) {
      mergeHistory(this.base, plan.add);
    }
    this.encoder.invalidate();
    this.compactAll();
    this.modes.to('ready');
    this.writer.setEnabled(true);
    this.writer.markDirty();
    await this.writer.flush();
    return plan.result;
  }

  /** The public API's snapshot: this window's session, today over all windows, recent attributions. */
  snapshot(pending?: PendingFate): Snapshot {
    const { calendar } = this.deps;
    const now = calendar.now();
    const date = calendar.dayOf(now);
    const today = { date, span: this.queries.daySpan(date) };
    return buildSnapshot(this.tracker.sessionOf(now, date), now, today, this.ring.toArray(), calendar.tz, this.options.pasteCountsAs, pending);
  }

  /** Days with data in [from, to] (inclusive, `YYYY-MM-DD`), ascending, all windows merged. */
  days(from: DayKey, to: DayKey): DaySummary[] {
    return this.queries.days(from, to);
  }

  /** Volume-weighted totals over [from, to]: counts summed, then one ratio (never a mean of ratios). */
  rangeTotals(from: DayKey, to: DayKey): Totals {
    return this.queries.rangeTotals(from, to);
  }

  /** Sessions of one day (kept in detail for `sessionDetailDays`), all windows, by start time. */
  sessionsOf(day: DayKey): SessionSummary[] {
    return this.queries.sessionsOf(day);
  }

  /** First and last day with data, or undefined when there is none. */
  dayRange(): { readonly first: DayKey; readonly last: DayKey } | undefined {
    return this.queries.dayRange();
  }

  private writerOptions(): ConstructorParameters<typeof BatchedWriter>[3] {
    const o = this.options;
    return { intervalMs: o.writeIntervalMs, retryBaseMs: o.retryBaseMs, retryMaxMs: o.retryMaxMs, reportAfterFailures: o.reportAfterFailures };
  }

  private newTracker(): SessionTracker {
    return new SessionTracker({ tz: this.deps.calendar.tz, idleGapMs: this.options.idleGapMs, windowTag: this.deps.windowId.slice(0, 6) });
  }

  private warn(warning: StoreWarning): void {
    try {
      this.deps.report?.(warning);
    } catch {
      // a failing reporter must not break storage
    }
  }

  private *sources(): Iterable<HistoryData> {
    yield this.base;
    yield this.tracker.live;
    for (const other of this.records.others.values()) {
      yield other.data;
    }
  }

  private languagesFrom(today: DayKey): DayKey | undefined {
    return firstKeptDay(today, this.options.languageDetailDays);
  }

  /** The day compaction counts from and the retention in force now (see `Maintenance`). */
  private plan(): { readonly day: DayKey; readonly policy: HistoryOptions } {
    return this.upkeep.plan(this.options, this.deps.calendar.today(), (day, days) => daysBefore(this.sources(), firstKeptDay(day, days)));
  }

  /** Compacts every source by the plan; returns the day it counted from. */
  private compactAll(): DayKey {
    const { day, policy } = this.plan();
    this.removal.beforeCompaction(this.sources(), day, policy, () => buildBackup(mergeAll(this.sources()), this.deps.calendar.now(), this.options, this.languagesFrom(day)));
    if (compactHistory(this.base, day, policy)) {
      this.encoder.invalidate();
    }
    this.tracker.compact(day, policy);
    for (const other of this.records.others.values()) {
      compactHistory(other.data, day, policy);
    }
    return day;
  }

  /** The writer's write: one `update` of our key, then deletion of keys folded into it. */
  private async writeOwn(): Promise<void> {
    if (!this.modes.writes) {
      return;
    }
    await this.deps.readOthers?.().catch(() => undefined);
    if (this.movedFromLostKey()) {
      return;
    }
    const now = this.deps.calendar.now();
    const today = this.compactAll(); // cheap (a pass over day keys); keeps live edits of old days within retention too
    await this.removal.write(); // throws when the copy could not be written: nothing is removed, the write is retried
    const { d, s } = this.encoder.encode(this.base, this.tracker.live, this.options, this.languagesFrom(today));
    const record: StoredWindowRecord = { v: SCHEMA_VERSION, w: this.deps.windowId, t: now, d, s, ...(this.closing ? { z: 1 } : {}), ...(this.records.folded.size > 0 ? { f: [...this.records.folded] } : {}) };
    // The maintenance state beside the record, not before it: a window going away (a reload) may
    // find its workspace state failing at once, and the record's shared file must still land (see
    // MirroredMemento.update). A record without its maintenance state only makes the rules hold.
    const [written, maintenance] = await Promise.allSettled([this.records.write(record), this.upkeep.save()]);
    if (written.status === 'fulfilled') {
      await this.records.deleteFolded();
      this.syncOthers();
    }
    const failed = [written, maintenance].find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed !== undefined) {
      throw failed.reason;
    }
  }

  /** Our key vanished (another window folded it, or deleted all data): start over under a new key. */
  private movedFromLostKey(): boolean {
    if (this.records.lastWrittenT === undefined || this.records.stillOurs()) {
      return false;
    }
    const lost = this.records.takeNewKey();
    this.base = emptyHistory();
    this.encoder.invalidate();
    this.tracker = this.newTracker();
    this.warn({ code: 'ownKeyLost', key: lost });
    this.syncOthers();
    return true;
  }

  private syncOthers(): void {
    const { day, policy } = this.plan();
    const { futureKey, version } = this.records.sync((data) => compactHistory(data, day, policy));
    if (futureKey !== undefined && version !== undefined && this.modes.current === 'ready') {
      this.modes.to('readOnly');
      this.writer.setEnabled(false);
      this.warn({ code: 'futureVersion', key: futureKey, version });
    }
  }
}
