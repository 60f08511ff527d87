import type { Scheduler } from './ports';

export interface BatchedWriterOptions {
  /** While edits keep coming, at most one write per interval (10 s by default): a crash loses at most that. */
  readonly intervalMs: number;
  /** First retry after a failed write; doubles each time up to `retryMaxMs`. */
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  /** Consecutive failures before `onFailing` is called (once per failure streak). */
  readonly reportAfterFailures: number;
}

export interface BatchedWriterEvents {
  onFailing(attempts: number, error: unknown): void;
  /** A write succeeded after `onFailing` was called. */
  onRecovered(attempts: number): void;
}

/**
 * Coalesces "something changed" into timed writes. `markDirty` is the hot-path call: when already
 * dirty it returns at once. The first change arms a timer for `intervalMs`; changes made during a
 * write arm it again once the write is done, so writes are at least `intervalMs` apart while
 * typing. `flush()` writes now (deactivate, explicit save). A failed write (thrown or rejected)
 * keeps the state dirty and retries with exponential backoff; only one write runs at a time.
 */
export class BatchedWriter {
  private dirty = false;
  private timer: unknown;
  private armed = false;
  private running: Promise<boolean> | undefined;
  private failures = 0;
  private enabled = true;
  private disposed = false;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly write: () => Promise<void>,
    private readonly events: BatchedWriterEvents,
    private options: BatchedWriterOptions,
  ) {}

  get isDirty(): boolean {
    return this.dirty;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  /** Writes fail now: reported through `onFailing`, not yet recovered. */
  get failing(): boolean {
    return this.failures >= this.options.reportAfterFailures;
  }

  setOptions(options: BatchedWriterOptions): void {
    this.options = options;
  }

  markDirty(): void {
    if (this.dirty) {
      return;
    }
    this.dirty = true;
    if (!this.armed && this.running === undefined) {
      this.arm(this.options.intervalMs);
    }
  }

  /** Disabled (read-only or blocked store): stays dirty, never writes; enabling arms the timer. */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    if (!enabled) {
      this.disarm();
    } else if (this.dirty && !this.armed && this.running === undefined) {
      this.arm(this.options.intervalMs);
    }
  }

  /** What was waiting to be written is gone (Delete All Data): nothing is left to write. */
  discard(): void {
    this.dirty = false;
    this.disarm();
  }

  /** Writes now if dirty (after any running write). Resolves true when nothing is left unwritten. */
  flush(): Promise<boolean> {
    this.disarm();
    return this.enqueue();
  }

  /** Stops timers; a write already running completes. */
  dispose(): void {
    this.disposed = true;
    this.disarm();
  }

  private enqueue(): Promise<boolean> {
    const previous = this.running ?? Promise.resolve(true);
    const next = previous.then(() => this.run());
    this.running = next;
    void next.then(() => {
      if (this.running === next) {
        this.running = undefined;
        if (this.dirty && !this.armed && this.enabled && !this.disposed) {
          this.arm(this.failures > 0 ? this.backoff() : this.options.intervalMs);
        }
      }
    });
    return next;
  }

  private async run(): Promise<boolean> {
    if (!this.dirty) {
      return true;
    }
    if (!this.enabled) {
      return false;
    }
    this.dirty = false;
    try {
      await this.write();
    } catch (error) {
      this.dirty = true;
      this.failures++;
      if (this.failures === this.options.reportAfterFailures) {
        this.events.onFailing(this.failures, error);
      }
      return false;
    }
    if (this.failures > 0) {
      if (this.failures >= this.options.reportAfterFailures) {
        this.events.onRecovered(this.failures);
      }
      this.failures = 0;
    }
    return !this.dirty;
  }

  private backoff(): number {
    return Math.min(this.options.retryMaxMs, this.options.retryBaseMs * 2 ** (this.failures - 1));
  }

  private arm(ms: number): void {
    if (this.disposed || !this.enabled) {
      return;
    }
    this.armed = true;
    this.timer = this.scheduler.setTimeout(() => {
      this.armed = false;
      void this.enqueue();
    }, ms);
  }

  private disarm(): void {
    if (this.armed) {
      this.scheduler.clearTimeout(this.timer);
      this.armed = false;
    }
  }
}
