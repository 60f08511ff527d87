import type { Attribution } from '../attribution/types';
import type { PasteCountsAs } from '../categories';
import type { Clock } from '../clock';
import { RecentRing } from '../sessions/recentRing';
import { SessionTracker } from '../sessions/sessionTracker';
import { localDayKey, systemTzOffset, type DayKey, type TzOffset } from '../sessions/localDay';
import type { Totals } from '../tally';
import { BatchedWriter } from './batchedWriter';
import { planBackupMerge } from './mergeBackup';
import { DEFAULT_ENCODE_LIMITS, decodeHistory, encodeDay, encodeHistory, encodeSession, type EncodeLimits, type EncodedHistory } from './codec';
import { DEFAULT_RETENTION, compactHistory, firstKeptDay, type RetentionPolicy } from './compaction';
import {
  BACKUP_KIND, SessionAgg, SpanAgg, emptyHistory, mergeHistory,
  type BackupV1, type HistoryData, type WindowRecordV1,
} from './model';
import type { MementoLike, QuarantineSink, Scheduler } from './ports';
import { parseBackup, parseWindowRecord, type ParseResult, type ParsedWindowRecord } from './schema';
import {
  buildSnapshot, summarizeDay, summarizeSession, type DaySummary, type SessionSummary, type Snapshot,
} from './snapshot';

/** Memento key prefixes. Each window writes only `history.w.<its id>`; readers merge all of them. */
export const HISTORY_KEY_PREFIX = 'history.w.';
export const QUARANTINE_KEY_PREFIX = 'quarantine.';

export interface HistoryOptions extends RetentionPolicy, EncodeLimits {
  readonly idleGapMs: number;
  readonly writeIntervalMs: number;
  /** Another window's key not written for this long (or closed cleanly) is folded into ours. */
  readonly leaseMs: number;
  /** Attributions kept for the snapshot's `recent` (fixed at construction). */
  readonly recentSize: number;
  readonly pasteCountsAs: PasteCountsAs;
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  readonly reportAfterFailures: number;
}

export const DEFAULT_HISTORY_OPTIONS: HistoryOptions = {
  ...DEFAULT_RETENTION,
  ...DEFAULT_ENCODE_LIMITS,
  idleGapMs: 20 * 60_000,
  writeIntervalMs: 30_000,
  leaseMs: 60 * 60_000,
  recentSize: 50,
  pasteCountsAs: 'excluded',
  retryBaseMs: 2_000,
  retryMaxMs: 5 * 60_000,
  reportAfterFailures: 3,
};

export interface HistoryStoreDeps {
  readonly memento: MementoLike;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  /** Unique per window instance (e.g. 8 random base36 chars), `[A-Za-z0-9_-]{1,64}`. */
  readonly windowId: string;
  readonly tz?: TzOffset;
  /** Where damaged values are kept; default: Memento key `quarantine.<key>.<time>`. */
  readonly quarantine?: QuarantineSink;
  /** The single channel for everything the user or the log should hear about. */
  readonly report?: (warning: StoreWarning) => void;
}

export type StoreWarning =
  /** A value was damaged: kept aside under `keptAs` (a Memento key or the sink's entry), its valid parts kept. */
  | { readonly code: 'corrupt'; readonly key: string; readonly issues: readonly string[]; readonly keptAs: string | undefined }
  /** A damaged value could not be set aside: left untouched, its readable parts shown but not taken over. */
  | { readonly code: 'quarantineFailed'; readonly key: string; readonly issues: readonly string[]; readonly error: string }
  /** Written by a newer version: the store is read-only, nothing is rewritten (B5). */
  | { readonly code: 'futureVersion'; readonly key: string; readonly version: number }
  /** No history stored although the host's marker says there was some (B6): blocked until restore or startFresh. */
  | { readonly code: 'missingData' }
  | { readonly code: 'writeFailed'; readonly attempts: number; readonly error: string }
  | { readonly code: 'writeRecovered'; readonly attempts: number }
  /** Our key was deleted or taken over by another window: continuing under a new key (the unwritten interval is lost). */
  | { readonly code: 'ownKeyLost'; readonly key: string };

/**
 * - `new`/`loading`: edits are queued (A13), nothing is written.
 * - `ready`: counting and writing.
 * - `readOnly`: a newer schema is stored; counting in memory only.
 * - `blocked`: history expected but missing; counting in memory only until `restoreBackup`/`startFresh`.
 * - `disposing`/`disposed`: edits are ignored.
 */
export type StoreMode = 'new' | 'loading' | 'ready' | 'readOnly' | 'blocked' | 'disposing' | 'disposed';

export interface LoadResult {
  readonly mode: StoreMode;
  /** The load-time warnings, also sent to `report`. */
  readonly warnings: readonly StoreWarning[];
  /** Other windows' keys merged for reading / folded into ours. */
  readonly mergedWindows: number;
  readonly foldedWindows: number;
}

export type RestoreResult =
  | {
    readonly ok: true;
    /** Days added from the backup. */
    readonly days: number;
    /** Days of the backup the history already had: identical, or with other figures kept as they are. */
    readonly sameDays: number;
    readonly keptDays: number;
    readonly issues: readonly string[];
  }
  | { readonly ok: false; readonly reason: 'invalid' | 'futureVersion' | 'readOnly' | 'notLoaded'; readonly issues: readonly string[] };

interface OtherWindow {
  readonly t: number;
  readonly folded: readonly string[];
  readonly data: HistoryData;
}

const WINDOW_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_QUEUED = 10_000;

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * The history of this workspace over a Memento: this window's live sessions and days, merged with
 * what earlier windows and concurrent windows stored. See docs in `LoadResult`, `StoreMode`,
 * `HistoryOptions`. The host calls `load()` once, `record()` per attribution, `flush()` when it
 * wants a checkpoint and `dispose()` on deactivate (its promise is the final write).
 */
export class HistoryStore {
  private options: HistoryOptions;
  private readonly tz: TzOffset;
  private currentMode: StoreMode = 'new';
  private ownKey: string;
  private generation = 0;
  private base: HistoryData = emptyHistory();
  private baseEncoded: EncodedHistory | undefined;
  private tracker: SessionTracker;
  private readonly others = new Map<string, OtherWindow>();
  /** Keys folded into ours whose deletion is not confirmed: written to `f` so readers skip them. */
  private readonly folded = new Set<string>();
  private lastWrittenT: number | undefined;
  private closing = false;
  private compactedFor: DayKey = '';
  private readonly ring: RecentRing<Attribution>;
  private queue: Attribution[] = [];
  private droppedBeforeLoad = 0;
  private readonly writer: BatchedWriter;

  constructor(private readonly deps: HistoryStoreDeps, options: Partial<HistoryOptions> = {}) {
    if (!WINDOW_ID.test(deps.windowId)) {
      throw new Error(`invalid windowId: ${JSON.stringify(deps.windowId.slice(0, 80))}`);
    }
    this.options = { ...DEFAULT_HISTORY_OPTIONS, ...options };
    this.tz = deps.tz ?? systemTzOffset;
    this.ownKey = HISTORY_KEY_PREFIX + deps.windowId;
    this.tracker = this.newTracker();
    this.ring = new RecentRing(this.options.recentSize);
    this.writer = new BatchedWriter(deps.scheduler, () => this.writeOwn(), {
      onFailing: (attempts, error) => this.warn({ code: 'writeFailed', attempts, error: errorText(error) }),
      onRecovered: (attempts) => this.warn({ code: 'writeRecovered', attempts }),
    }, this.writerOptions());
    this.writer.setEnabled(false);
  }

  get mode(): StoreMode {
    return this.currentMode;
  }

  /** The Memento key this window writes. */
  get key(): string {
    return this.ownKey;
  }

  /** Edits that arrived before `load()` finished beyond the queue bound (10,000) and were dropped. */
  get droppedEarlyEdits(): number {
    return this.droppedBeforeLoad;
  }

  configure(options: Partial<HistoryOptions>): void {
    this.options = { ...this.options, ...options };
    this.tracker.setIdleGap(this.options.idleGapMs);
    this.writer.setOptions(this.writerOptions());
    this.compactedFor = '';
    this.baseEncoded = undefined;
  }

  // ---------------------------------------------------------------- load

  async load(options: { readonly dataExpected?: boolean } = {}): Promise<LoadResult> {
    if (this.currentMode === 'disposing' || this.currentMode === 'disposed') {
      return { mode: this.currentMode, warnings: [], mergedWindows: 0, foldedWindows: 0 };
    }
    if (this.currentMode !== 'new') {
      throw new Error(`load() called in mode ${this.currentMode}`);
    }
    this.currentMode = 'loading';
    const warnings: StoreWarning[] = [];
    const warn = (w: StoreWarning): void => {
      warnings.push(w);
      this.warn(w);
    };
    const now = this.deps.clock.now();
    const keys = this.historyKeys();
    const parsed = keys.map((key) => {
      const raw = this.deps.memento.get(key);
      return { key, raw, result: parseWindowRecord(raw) };
    });
    let readOnly = false;
    for (const { key, result } of parsed) {
      if (result.kind === 'future') {
        readOnly = true;
        warn({ code: 'futureVersion', key, version: result.version });
      }
    }
    const absorbed = new Set<string>();
    for (const { result } of parsed) {
      if (result.kind === 'ok' || result.kind === 'repaired') {
        result.value.folded.forEach((k) => absorbed.add(k));
      }
    }
    let foldedWindows = 0;
    for (const { key, raw, result } of parsed) {
      if (result.kind === 'future') {
        continue;
      }
      if (absorbed.has(key)) {
        if (!readOnly) {
          this.folded.add(key); // already counted by the window that folded it: finish deleting it
        }
        continue;
      }
      if (result.kind === 'ok' || result.kind === 'repaired') {
        const record = result.value;
        const data = decodeHistory(record.history);
        if (result.kind === 'repaired') {
          if (readOnly) {
            warn({ code: 'corrupt', key, issues: result.issues, keptAs: undefined });
          }
          const kept = readOnly ? undefined : await this.keepAside(key, raw, result.issues, warn);
          if (kept === undefined) {
            // Not set aside: read what we can, never take it over or overwrite it.
            this.others.set(key, { t: Number.NaN, folded: [], data });
            continue;
          }
        }
        if (key === this.ownKey) {
          mergeHistory(this.base, data);
          this.lastWrittenT = result.kind === 'ok' ? record.t : undefined;
        } else if (!readOnly && (result.kind === 'repaired' || record.closed || now - record.t > this.options.leaseMs)) {
          mergeHistory(this.base, data);
          this.folded.add(key);
          record.folded.forEach((k) => this.folded.add(k));
          foldedWindows++;
        } else {
          this.others.set(key, { t: record.t, folded: record.folded, data });
        }
      } else if (!readOnly) {
        const kept = await this.keepAside(key, raw, result.issues, warn);
        if (kept !== undefined) {
          this.folded.add(key); // nothing readable: deleted once our record is written
        }
      } else {
        warn({ code: 'corrupt', key, issues: result.issues, keptAs: undefined });
      }
    }
    if (this.folded.has(this.ownKey)) {
      this.folded.delete(this.ownKey);
    }
    const blocked = !readOnly && keys.length === 0 && options.dataExpected === true;
    if (blocked) {
      warn({ code: 'missingData' });
    }
    if ((this.currentMode as StoreMode) !== 'loading') {
      // disposed while loading: take nothing over, write nothing
      return { mode: this.currentMode, warnings, mergedWindows: 0, foldedWindows: 0 };
    }
    this.compactAll(localDayKey(now, this.tz));
    this.currentMode = readOnly ? 'readOnly' : blocked ? 'blocked' : 'ready';
    const queued = this.queue;
    this.queue = [];
    for (const a of queued) {
      this.record(a);
    }
    if (this.currentMode === 'ready') {
      this.writer.setEnabled(true);
      if (this.folded.size > 0) {
        this.writer.markDirty();
        await this.writer.flush();
      }
    }
    return { mode: this.currentMode, warnings, mergedWindows: this.others.size, foldedWindows };
  }

  // ---------------------------------------------------------------- hot path

  /** Counts one attribution. O(1); never touches storage (marks dirty, the writer batches). */
  record(a: Attribution): void {
    const mode = this.currentMode;
    if (mode === 'ready' || mode === 'readOnly' || mode === 'blocked') {
      if (this.tracker.record(a)) {
        this.ring.push(a);
        this.writer.markDirty();
      }
    } else if (mode === 'new' || mode === 'loading') {
      if (this.queue.length < MAX_QUEUED) {
        this.queue.push(a);
      } else {
        this.droppedBeforeLoad++;
      }
    }
  }

  // ---------------------------------------------------------------- lifecycle

  /** Writes now if anything is unwritten. Resolves true when everything is stored. */
  flush(): Promise<boolean> {
    if (this.currentMode !== 'ready' && this.currentMode !== 'disposing') {
      return Promise.resolve(false);
    }
    return this.writer.flush();
  }

  /** Final write (marks the key closed so the next window folds it); later edits are ignored. */
  async dispose(): Promise<void> {
    const mode = this.currentMode;
    if (mode === 'disposing' || mode === 'disposed') {
      return;
    }
    this.currentMode = 'disposing';
    if (mode === 'ready' && (this.lastWrittenT !== undefined || this.writer.isDirty)) {
      this.closing = true;
      this.writer.markDirty();
      await this.writer.flush();
    }
    this.writer.dispose();
    this.currentMode = 'disposed';
  }

  /** Leaves `blocked` mode: the user accepts starting without the missing history. */
  startFresh(): void {
    if (this.currentMode === 'blocked') {
      this.currentMode = 'ready';
      this.writer.setEnabled(true);
    }
  }

  /** Re-reads other windows' keys (the dashboard calls it when it opens; writes do it too). */
  refresh(): void {
    if (this.currentMode === 'ready' || this.currentMode === 'readOnly') {
      this.syncOthers();
    }
  }

  /** Deletes every history and quarantine key (E3) and forgets everything in memory. */
  async deleteAll(): Promise<void> {
    this.writer.setEnabled(false);
    this.base = emptyHistory();
    this.baseEncoded = undefined;
    this.tracker = this.newTracker();
    this.others.clear();
    this.folded.clear();
    this.ring.clear();
    this.lastWrittenT = undefined;
    const memento = this.deps.memento;
    for (const key of memento.keys()) {
      if (key.startsWith(HISTORY_KEY_PREFIX) || key.startsWith(QUARANTINE_KEY_PREFIX)) {
        await memento.update(key, undefined);
      }
    }
    if (this.currentMode === 'blocked' || this.currentMode === 'readOnly') {
      this.currentMode = 'ready';
    }
    this.writer.setEnabled(this.currentMode === 'ready');
  }

  // ---------------------------------------------------------------- backup

  /**
   * The merged history of all windows as one JSON value for the host's backup file. Undefined
   * while `blocked` (the file on disk may be the only good copy: never overwrite it then) or
   * before load.
   */
  exportBackup(): BackupV1 | undefined {
    const mode = this.currentMode;
    if (mode !== 'ready' && mode !== 'readOnly' && mode !== 'disposing' && mode !== 'disposed') {
      return undefined;
    }
    const now = this.deps.clock.now();
    const merged = this.mergedHistory();
    const { d, s } = encodeHistory(merged, this.options, this.languagesFrom(localDayKey(now, this.tz)));
    return { v: 1, k: BACKUP_KIND, t: now, d, s };
  }

  /**
   * Restores a backup into this window's record: while `blocked` it becomes the history; otherwise
   * days the history lacks are added and days it has are kept, so restoring twice changes nothing.
   */
  async restoreBackup(value: unknown): Promise<RestoreResult> {
    const mode = this.currentMode;
    if (mode === 'readOnly') {
      return { ok: false, reason: 'readOnly', issues: [] };
    }
    if (mode !== 'ready' && mode !== 'blocked') {
      return { ok: false, reason: 'notLoaded', issues: [] };
    }
    const parsed = parseBackup(value);
    if (parsed.kind === 'future') {
      return { ok: false, reason: 'futureVersion', issues: [`v${parsed.version}`] };
    }
    if (parsed.kind === 'invalid') {
      return { ok: false, reason: 'invalid', issues: parsed.issues };
    }
    const backup = decodeHistory(parsed.value.history);
    let counts = { days: backup.days.size, sameDays: 0, keptDays: 0 };
    if (mode === 'blocked') {
      // The stored history is missing: the backup is the history (edits since load stay on top).
      this.base = backup;
    } else {
      // Merge by day: add what the history lacks, never count a day twice, so restoring is idempotent.
      const plan = planBackupMerge(this.mergedHistory(), backup);
      mergeHistory(this.base, plan.additions);
      counts = { days: plan.addedDays.length, sameDays: plan.sameDays.length, keptDays: plan.keptDays.length };
    }
    this.baseEncoded = undefined;
    this.compactAll(localDayKey(this.deps.clock.now(), this.tz));
    this.currentMode = 'ready';
    this.writer.setEnabled(true);
    this.writer.markDirty();
    await this.writer.flush();
    return { ok: true, ...counts, issues: parsed.kind === 'repaired' ? parsed.issues : [] };
  }

  // ---------------------------------------------------------------- reading

  /** The public API's snapshot: this window's session, today over all windows, recent attributions. */
  snapshot(): Snapshot {
    const now = this.deps.clock.now();
    const date = localDayKey(now, this.tz);
    const today = new SpanAgg();
    for (const source of this.sources()) {
      const span = source.days.get(date);
      if (span !== undefined) {
        today.addSpan(span);
      }
    }
    let session: SessionAgg | undefined = this.tracker.openSession(now);
    if (session === undefined) {
      const latest = this.tracker.latestSession();
      session = latest?.day === date ? latest : undefined;
    }
    return buildSnapshot(session, now, { date, span: today }, this.ring.toArray(), this.tz, this.options.pasteCountsAs, new SpanAgg());
  }

  /** Days with data in [from, to] (inclusive, `YYYY-MM-DD`), ascending, all windows merged. */
  days(from: DayKey, to: DayKey): DaySummary[] {
    const spans = new Map<DayKey, SpanAgg>();
    for (const source of this.sources()) {
      for (const [day, span] of source.days) {
        if (day >= from && day <= to) {
          let sum = spans.get(day);
          if (sum === undefined) {
            sum = new SpanAgg();
            spans.set(day, sum);
          }
          sum.addSpan(span);
        }
      }
    }
    return [...spans.keys()].sort().map((day) => summarizeDay(day, spans.get(day) as SpanAgg, this.options.pasteCountsAs, this.options.languagesPerDay));
  }

  /** Volume-weighted totals over [from, to]: counts summed, then one ratio (never a mean of ratios). */
  rangeTotals(from: DayKey, to: DayKey): Totals {
    const sum = new SpanAgg();
    for (const source of this.sources()) {
      for (const [day, span] of source.days) {
        if (day >= from && day <= to) {
          sum.addSpan(span);
        }
      }
    }
    return sum.totals(this.options.pasteCountsAs);
  }

  /** Sessions of one day (kept in detail for `sessionDetailDays`), all windows, by start time. */
  sessionsOf(day: DayKey): SessionSummary[] {
    const list: SessionAgg[] = [];
    for (const source of this.sources()) {
      list.push(...(source.sessions.get(day) ?? []));
    }
    list.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
    return list.map((s) => summarizeSession(s, this.tz, this.options.pasteCountsAs, this.options.languagesPerSession));
  }

  /** First and last day with data, or undefined when there is none. */
  dayRange(): { readonly first: DayKey; readonly last: DayKey } | undefined {
    let first: DayKey | undefined;
    let last: DayKey | undefined;
    for (const source of this.sources()) {
      for (const day of source.days.keys()) {
        if (first === undefined || day < first) {
          first = day;
        }
        if (last === undefined || day > last) {
          last = day;
        }
      }
    }
    return first === undefined || last === undefined ? undefined : { first, last };
  }

  // ---------------------------------------------------------------- internals

  private writerOptions(): ConstructorParameters<typeof BatchedWriter>[3] {
    const o = this.options;
    return { intervalMs: o.writeIntervalMs, retryBaseMs: o.retryBaseMs, retryMaxMs: o.retryMaxMs, reportAfterFailures: o.reportAfterFailures };
  }

  private newTracker(): SessionTracker {
    return new SessionTracker({ tz: this.tz, idleGapMs: this.options.idleGapMs, windowTag: this.deps.windowId.slice(0, 6) });
  }

  private warn(warning: StoreWarning): void {
    try {
      this.deps.report?.(warning);
    } catch {
      // a failing reporter must not break storage
    }
  }

  private historyKeys(): string[] {
    return this.deps.memento.keys().filter((k) => k.startsWith(HISTORY_KEY_PREFIX));
  }

  private *sources(): Iterable<HistoryData> {
    yield this.base;
    yield this.tracker.live;
    for (const other of this.others.values()) {
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
      this.baseEncoded = undefined;
    }
    this.tracker.compact(today, this.options);
    for (const other of this.others.values()) {
      compactHistory(other.data, today, this.options);
    }
    if (this.compactedFor !== today) {
      this.baseEncoded = undefined; // the language-detail cut-off moved
    }
    this.compactedFor = today;
  }

  /** Sets a damaged value aside before anything may replace it. Returns where, or undefined on failure. */
  private async keepAside(key: string, raw: unknown, issues: readonly string[], warn: (w: StoreWarning) => void): Promise<string | undefined> {
    const at = this.deps.clock.now();
    const keptAs = `${QUARANTINE_KEY_PREFIX}${key}.${at}`;
    try {
      if (this.deps.quarantine !== undefined) {
        await this.deps.quarantine.put({ key, at, issues, raw });
      } else {
        await this.deps.memento.update(keptAs, raw);
      }
    } catch (error) {
      warn({ code: 'quarantineFailed', key, issues, error: errorText(error) });
      return undefined;
    }
    warn({ code: 'corrupt', key, issues, keptAs });
    return keptAs;
  }

  private encodeOwn(now: number, today: DayKey): WindowRecordV1 {
    const languagesFrom = this.languagesFrom(today);
    const enc = this.baseEncoded ??= encodeHistory(this.base, this.options, languagesFrom);
    const d = { ...enc.d };
    const s = { ...enc.s };
    const live = this.tracker.live;
    for (const [day, span] of live.days) {
      const sum = new SpanAgg();
      const stored = this.base.days.get(day);
      if (stored !== undefined) {
        sum.addSpan(stored);
      }
      sum.addSpan(span);
      d[day] = encodeDay(sum, languagesFrom === undefined || day >= languagesFrom ? this.options.languagesPerDay : 0);
    }
    for (const [day, list] of live.sessions) {
      if (list.length > 0) {
        const encoded = list.map((x) => encodeSession(x, this.options.languagesPerSession));
        s[day] = [...(enc.s[day] ?? []), ...encoded].sort((a, b) => a.b - b.b);
      }
    }
    const record: WindowRecordV1 = { v: 1, w: this.deps.windowId, t: now, d, s };
    if (this.closing) {
      record.z = 1;
    }
    if (this.folded.size > 0) {
      record.f = [...this.folded];
    }
    return record;
  }

  /** The writer's write: one `update` of our key, then deletion of keys folded into it. */
  private async writeOwn(): Promise<void> {
    if (this.currentMode !== 'ready' && this.currentMode !== 'disposing') {
      return;
    }
    const memento = this.deps.memento;
    if (this.lastWrittenT !== undefined && !this.stillOurs(memento.get(this.ownKey))) {
      this.takeNewKey();
      return;
    }
    const now = this.deps.clock.now();
    const today = localDayKey(now, this.tz);
    this.compactAll(today); // cheap (a pass over day keys); keeps live edits of old days within retention too
    const record = this.encodeOwn(now, today);
    await memento.update(this.ownKey, record);
    this.lastWrittenT = record.t;
    for (const key of [...this.folded]) {
      try {
        await memento.update(key, undefined);
        this.folded.delete(key);
      } catch {
        // retried after the next write
      }
    }
    this.syncOthers();
  }

  private stillOurs(value: unknown): boolean {
    if (typeof value !== 'object' || value === null) {
      return false;
    }
    const v = value as { w?: unknown; t?: unknown };
    return v.w === this.deps.windowId && v.t === this.lastWrittenT;
  }

  /** Our key vanished (another window folded it, or deleted all data): start over under a new key. */
  private takeNewKey(): void {
    const lost = this.ownKey;
    this.generation++;
    this.ownKey = `${HISTORY_KEY_PREFIX}${this.deps.windowId}-${this.generation}`;
    this.base = emptyHistory();
    this.baseEncoded = undefined;
    this.tracker = this.newTracker();
    this.folded.clear();
    this.lastWrittenT = undefined;
    this.warn({ code: 'ownKeyLost', key: lost });
    this.syncOthers();
  }

  /** Re-reads other windows' keys that changed since we last looked (cheap when none did). */
  private syncOthers(): void {
    const memento = this.deps.memento;
    const seen = new Set<string>();
    const absorbed = new Set<string>(this.folded);
    for (const key of this.historyKeys()) {
      if (key === this.ownKey || this.folded.has(key)) {
        continue;
      }
      seen.add(key);
      const raw = memento.get(key);
      const t = typeof raw === 'object' && raw !== null ? (raw as { t?: unknown }).t : undefined;
      const known = this.others.get(key);
      if (known !== undefined && known.t === t) {
        known.folded.forEach((k) => absorbed.add(k));
        continue;
      }
      const result: ParseResult<ParsedWindowRecord> = parseWindowRecord(raw);
      if (result.kind === 'future') {
        this.enterReadOnly(key, result.version);
        continue;
      }
      if (result.kind === 'invalid') {
        this.others.delete(key);
        continue;
      }
      const data = decodeHistory(result.value.history);
      compactHistory(data, this.compactedFor || localDayKey(this.deps.clock.now(), this.tz), this.options);
      this.others.set(key, { t: result.kind === 'ok' ? result.value.t : Number.NaN, folded: result.value.folded, data });
      result.value.folded.forEach((k) => absorbed.add(k));
    }
    for (const key of [...this.others.keys()]) {
      if (!seen.has(key) || absorbed.has(key)) {
        this.others.delete(key);
      }
    }
  }

  private enterReadOnly(key: string, version: number): void {
    if (this.currentMode === 'ready') {
      this.currentMode = 'readOnly';
      this.writer.setEnabled(false);
      this.warn({ code: 'futureVersion', key, version });
    }
  }
}
