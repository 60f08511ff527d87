import type { Calendar } from '../calendar';
import type { PasteCountsAs } from '../categories';
import { settingDefault } from '../settings';
import { MINUTE_MS, type DayKey } from '../sessions/localDay';
import { DEFAULT_ENCODE_LIMITS, type EncodeLimits } from './codec';
import { DEFAULT_RETENTION, type RetentionPolicy } from './compaction';
import type { MementoLike, QuarantineSink, Scheduler } from './ports';
import type { KeepBeforeRemoval } from './removalBackup';
import type { StoreMode } from './storeMode';

/** What the history store can be tuned with; the host passes the user's settings in. */
export interface HistoryOptions extends RetentionPolicy, EncodeLimits {
  readonly idleGapMs: number;
  /** While edits keep coming, at most one write per interval: a crash loses at most that. */
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
  idleGapMs: settingDefault('session.idleMinutes') * MINUTE_MS,
  writeIntervalMs: 10_000,
  leaseMs: 60 * MINUTE_MS,
  recentSize: 50,
  pasteCountsAs: settingDefault('pasteCountsAs'),
  retryBaseMs: 2_000,
  retryMaxMs: 5 * MINUTE_MS,
  reportAfterFailures: 3,
};

export interface HistoryStoreDeps {
  readonly memento: MementoLike;
  /** The clock, the time zone and "today". */
  readonly calendar: Calendar;
  readonly scheduler: Scheduler;
  /** Unique per window instance (e.g. 8 random base36 chars), `[A-Za-z0-9_-]{1,64}`. */
  readonly windowId: string;
  /** Where damaged values are kept; default: Memento key `quarantine.<key>.<time>`. */
  readonly quarantine?: QuarantineSink;
  /** The single channel for everything the user or the log should hear about. */
  readonly report?: (warning: StoreWarning) => void;
  /** Writes a copy of the history before maintenance removes part of it from storage (see `RemovalBackup`). */
  readonly keepBeforeRemoval?: KeepBeforeRemoval;
  /**
   * Reads what other windows wrote (their records, deletion markers) before each write of ours, so
   * that a window never writes back what another one deleted. Failures are the host's to report.
   */
  readonly readOthers?: () => Promise<unknown>;
}

export type StoreWarning =
  /** A value was damaged: kept aside under `keptAs` (a Memento key or the sink's entry), its valid parts kept. */
  | { readonly code: 'corrupt'; readonly key: string; readonly issues: readonly string[]; readonly keptAs: string | undefined }
  /** A damaged value could not be set aside: left untouched, its readable parts shown but not taken over. */
  | { readonly code: 'quarantineFailed'; readonly key: string; readonly issues: readonly string[]; readonly error: string }
  /** Written by a newer version (after a downgrade): the store is read-only, nothing is rewritten. */
  | { readonly code: 'futureVersion'; readonly key: string; readonly version: number }
  /** No history stored although the host's marker says there was some: blocked until restore or startFresh. */
  | { readonly code: 'missingData' }
  | { readonly code: 'writeFailed'; readonly attempts: number; readonly error: string }
  | { readonly code: 'writeRecovered'; readonly attempts: number }
  /** Our key was deleted or taken over by another window: continuing under a new key (the unwritten interval is lost). */
  | { readonly code: 'ownKeyLost'; readonly key: string }
  /** The clock is far past the newest stored day: compaction and retention count from `trusted` until it is believed. */
  | { readonly code: 'clockAhead'; readonly today: DayKey; readonly trusted: DayKey }
  /** The clock stayed ahead for a day and is believed now / came back: maintenance counts from today again. */
  | { readonly code: 'clockConfirmed' | 'clockBack'; readonly today: DayKey }
  /** A lower retention would remove `olderDays` stored days: `keeping` (0 = all) stays in force until the user confirms. */
  | { readonly code: 'retentionLowered'; readonly days: number; readonly olderDays: number; readonly keeping: number };

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

export function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
