import type { DayKey } from '../sessions/localDay';
import { compactionRemoves, type RetentionPolicy } from './compaction';
import type { HistoryData } from './model';
import type { StoredBackup } from './schema';

/** Writes a copy of the history (backup format) somewhere it survives; rejects if it could not. */
export type KeepBeforeRemoval = (backup: StoredBackup) => Promise<void>;

/**
 * Maintenance (days past retention, session detail past two weeks) removes stored history only after a
 * copy of what was there has been written: the copy is taken in memory before compaction removes
 * anything, and written before the compacted history is stored. Until that write succeeds, the
 * store's write fails and is retried, so nothing is removed from storage meanwhile.
 */
export class RemovalBackup {
  private pending: StoredBackup | undefined;

  constructor(private readonly keep: KeepBeforeRemoval | undefined) {}

  /** Before compacting `sources` on `day`: if that removes anything, the copy is taken now (`build`, before it happens). */
  beforeCompaction(sources: Iterable<HistoryData>, day: DayKey, policy: RetentionPolicy, build: () => StoredBackup): void {
    if (this.keep === undefined || this.pending !== undefined) {
      return; // an earlier copy not written yet already holds everything this one would
    }
    for (const data of sources) {
      if (compactionRemoves(data, day, policy)) {
        this.pending = build();
        return;
      }
    }
  }

  /** Before the compacted history is stored: writes the copy first; throws if it could not be written. */
  async write(): Promise<void> {
    const pending = this.pending;
    if (pending !== undefined && this.keep !== undefined) {
      await this.keep(pending);
      if (this.pending === pending) {
        this.pending = undefined;
      }
    }
  }

  /** Delete All Data: nothing of the old history is kept. */
  forget(): void {
    this.pending = undefined;
  }
}
