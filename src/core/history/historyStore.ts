import type { Attribution } from '../attribution/types';
import { RecentRing } from '../sessions/recentRing';
import { SessionTracker } from '../sessions/sessionTracker';
import type { DayKey } from '../sessions/localDay';
import { HISTORY_KEY_PREFIX, QUARANTINE_KEY_PREFIX } from '../storageKeys';
import type { Totals } from '../tally';
import { buildBackup, planRestore } from './backupRestore';
import { BatchedWriter } from './batchedWriter';
import { compactHistory, firstKeptDay } from './compaction';
import { HistoryQueries } from './historyQueries';
import { emptyHistory, mergeHistory, type HistoryData, type SessionAgg } from './model';
import type { BackupV1, WindowRecordV1 } from './schema';
import { OwnRecordEncoder } from './ownRecordEncoder';
import { buildSnapshot, type DaySummary, type PendingFate, type SessionSummary, type Snapshot } from './snapshot';
import { StoreModeMachine, type StoreMode } from './storeMode';
import {
  DEFAULT_HISTORY_OPTIONS, errorText,
  type HistoryOptions, type HistoryStoreDeps, type LoadResult, type RestoreResult, type StoreWarning,
} from './storeTypes';
import { WindowRecords } from './windowRecords';

export { DEFAULT_HISTORY_OPTIONS, type HistoryOptions, type HistoryStoreDeps, type LoadResult, type RestoreResult, type StoreMode, type StoreWarning };

const WINDOW_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_QUEUED = 10_000;

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
  private queue: Attribution[] = [];
  private droppedBeforeLoad = 0;
  private readonly writer: BatchedWriter;

  constructor(private readonly deps: HistoryStoreDeps, options: Partial<HistoryOptions> = {}) {
    if (!WINDOW_ID.test(deps.windowId)) {
      throw new Error(`invalid windowId: ${JSON.stringify(deps.windowId.slice(0, 80))}`);
    }
    this.options = { ...DEFAULT_HISTORY_OPTIONS, ...options };
    this.records = new WindowRecords(deps.memento, deps.windowId);
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

  /** The Memento key this window writes. */
  get key(): string {
    return this.records.key;
  }

  /** Edits that arrived before `load()` finished beyond the queue bound (10,000) and were dropped. */
  get droppedEarlyEdits(): number {
    return this.droppedBeforeLoad;
  }

  configure(options: Partial<HistoryOptions>): void {
    this.options = { ...this.options, ...options };
    this.tracker.setIdleGap(this.options.idleGapMs);
    this.writer.setOptions(this.writerOptions());
    this.encoder.invalidate();
  }

  // ---------------------------------------------------------------- load

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
    this.compactAll(this.deps.calendar.today());
    this.modes.to(readOnly ? 'readOnly' : blocked ? 'blocked' : 'ready');
    const queued = this.queue;
    this.queue = [];
    for (const a of queued) {
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

  // ---------------------------------------------------------------- hot path

  /** Counts one attribution. O(1); never touches storage (marks dirty, the writer batches). */
  record(a: Attribution): void {
    if (this.modes.counts) {
      if (this.tracker.record(a)) {
        this.ring.push(a);
        this.writer.markDirty();
      }
    } else if (this.modes.queues) {
      if (this.queue.length < MAX_QUEUED) {
        this.queue.push(a);
      } else {
        this.droppedBeforeLoad++;
      }
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
      const index = this.queue.lastIndexOf(previous);
      if (index >= 0) {
        this.queue[index] = next;
      }
    }
  }

  /** What settles after the edits (the fate of AI text, who led a file) counts in this window's live spans; true: changed. */
  recordLater(count: (tracker: SessionTracker) => boolean): void {
    if (this.modes.counts && count(this.tracker)) {
      this.writer.markDirty();
    }
  }

  // ---------------------------------------------------------------- lifecycle

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

  /** Leaves `blocked` mode: the user accepts starting without the missing history. */
  startFresh(): void {
    if (this.modes.current === 'blocked') {
      this.modes.to('ready');
      this.writer.setEnabled(true);
    }
  }

  /** Re-reads other windows' keys (the dashboard calls it when it opens; writes do it too). */
  refresh(): void {
    if (this.modes.reads) {
      this.syncOthers();
    }
  }

  /** Deletes every history and quarantine key and forgets everything in memory (Delete All Data). */
  async deleteAll(): Promise<void> {
    this.writer.setEnabled(false);
    this.forgetAll();
    const memento = this.deps.memento;
    for (const key of memento.keys()) {
      if (key.startsWith(HISTORY_KEY_PREFIX) || key.startsWith(QUARANTINE_KEY_PREFIX)) {
        await memento.update(key, undefined);
      }
    }
    if (this.modes.current === 'blocked' || this.modes.current === 'readOnly') {
      this.modes.to('ready');
    }
    this.writer.setEnabled(this.modes.current === 'ready');
  }

  private forgetAll(): void {
    this.base = emptyHistory();
    this.encoder.invalidate();
    this.tracker = this.newTracker();
    this.records.forget();
    this.ring.clear();
  }

  /**
   * The merged history of all windows as one JSON value for the host's backup file. Undefined
   * while `blocked` (the file on disk may be the only good copy: never overwrite it then) or
   * before load.
   */
  exportBackup(): BackupV1 | undefined {
    const mode = this.modes.current;
    if (mode !== 'ready' && mode !== 'readOnly' && !this.modes.ending) {
      return undefined;
    }
    const now = this.deps.calendar.now();
    return buildBackup(this.mergedHistory(), now, this.options, this.languagesFrom(this.deps.calendar.dayOf(now)));
  }

  /** Restores a backup into this window's record (see `planRestore`) and writes it at once. */
  async restoreBackup(value: unknown): Promise<RestoreResult> {
    const plan = planRestore(value, this.modes.current, () => this.mergedHistory());
    if (!plan.ok) {
      return plan.result;
    }
    if (plan.replace !== undefined) {
      this.base = plan.replace;
    } else if (plan.add !== undefined) {
      mergeHistory(this.base, plan.add);
    }
    this.encoder.invalidate();
    this.compactAll(this.deps.calendar.today());
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
    let session: SessionAgg | undefined = this.tracker.openSession(now);
    if (session === undefined) {
      const latest = this.tracker.latestSession();
      session = latest?.day === date ? latest : undefined;
    }
    const today = { date, span: this.queries.daySpan(date) };
    return buildSnapshot(session, now, today, this.ring.toArray(), calendar.tz, this.options.pasteCountsAs, pending);
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

  // ---------------------------------------------------------------- internals

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

  private mergedHistory(): HistoryData {
    const merged = emptyHistory();
    for (const source of this.sources()) {
      mergeHistory(merged, source);
    }
    return merged;
  }

  private languagesFrom(today: DayKey): DayKey | undefined {
    return firstKeptDay(today, this.options.languageDetailDays);
  }

  private compactAll(today: DayKey): void {
    if (compactHistory(this.base, today, this.options)) {
      this.encoder.invalidate();
    }
    this.tracker.compact(today, this.options);
    for (const other of this.records.others.values()) {
      compactHistory(other.data, today, this.options);
    }
  }

  /** The writer's write: one `update` of our key, then deletion of keys folded into it. */
  private async writeOwn(): Promise<void> {
    if (!this.modes.writes) {
      return;
    }
    if (this.records.lastWrittenT !== undefined && !this.records.stillOurs()) {
      this.moveToNewKey();
      return;
    }
    const now = this.deps.calendar.now();
    const today = this.deps.calendar.dayOf(now);
    this.compactAll(today); // cheap (a pass over day keys); keeps live edits of old days within retention too
    const { d, s } = this.encoder.encode(this.base, this.tracker.live, this.options, this.languagesFrom(today));
    const record: WindowRecordV1 = { v: 1, w: this.deps.windowId, t: now, d, s };
    if (this.closing) {
      record.z = 1;
    }
    if (this.records.folded.size > 0) {
      record.f = [...this.records.folded];
    }
    await this.deps.memento.update(this.records.key, record);
    this.records.lastWrittenT = record.t;
    await this.records.deleteFolded();
    this.syncOthers();
  }

  /** Our key vanished (another window folded it, or deleted all data): start over under a new key. */
  private moveToNewKey(): void {
    const lost = this.records.takeNewKey();
    this.base = emptyHistory();
    this.encoder.invalidate();
    this.tracker = this.newTracker();
    this.warn({ code: 'ownKeyLost', key: lost });
    this.syncOthers();
  }

  private syncOthers(): void {
    const today = this.deps.calendar.today();
    const { futureKey, version } = this.records.sync((data) => compactHistory(data, today, this.options));
    if (futureKey !== undefined && version !== undefined && this.modes.current === 'ready') {
      this.modes.to('readOnly');
      this.writer.setEnabled(false);
      this.warn({ code: 'futureVersion', key: futureKey, version });
    }
  }
}
