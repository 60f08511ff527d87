import { systemScheduler, type Scheduler } from './clock';

/**
 * How often an action may run. A token bucket: `burst` runs at once, then one more every
 * `intervalMs`. A request the bucket refuses either waits for the next token (`trailing`: the last
 * state is always shown) or is dropped and counted. With `quietMs`, a request first waits until no
 * other request came for that long (a pause in typing), then asks the bucket.
 */
export interface RateOptions {
  readonly intervalMs: number;
  /** Runs allowed at once before the interval applies; 1 unless set. */
  readonly burst?: number;
  /** A refused request runs as soon as the bucket allows (true), or is dropped (false). */
  readonly trailing: boolean;
  /** Wait this long after the latest request before asking the bucket; 0 unless set. */
  readonly quietMs?: number;
}

/**
 * The one rate control of the extension and its page: status-bar and dashboard updates, reflection
 * saves, the idle save, incoming webview messages and repeated log lines all go through it.
 * `request()` costs a few comparisons and allocates nothing, so it may sit on the keystroke path.
 */
export class RateControl {
  private tokens: number;
  private refilledAt: number;
  private timer: unknown;
  private waiting = false;
  private lastRequestAt = Number.NEGATIVE_INFINITY;
  private droppedCount = 0;
  private readonly burst: number;
  private readonly quietMs: number;

  constructor(
    private readonly action: () => void,
    private readonly options: RateOptions,
    private readonly now: () => number,
    private readonly scheduler: Scheduler = systemScheduler,
  ) {
    this.burst = Math.max(1, options.burst ?? 1);
    this.quietMs = Math.max(0, options.quietMs ?? 0);
    this.tokens = this.burst;
    this.refilledAt = now();
  }

  /** Requests refused and dropped so far (never with `trailing`). */
  get dropped(): number {
    return this.droppedCount;
  }

  /** A request is waiting (for quiet, or for the bucket). */
  get pending(): boolean {
    return this.waiting;
  }

  /** Asks for a run; returns whether the action ran now. */
  request(): boolean {
    if (this.quietMs > 0) {
      this.lastRequestAt = this.now();
      this.waiting = true;
      // One timer per quiet period, not one per request: it looks again when it fires.
      if (this.timer === undefined) {
        this.arm(this.quietMs);
      }
      return false;
    }
    return this.tryRun();
  }

  /** Runs a waiting request now, whatever the rate (the page is going away, the window closes). */
  flush(): void {
    if (!this.waiting) {
      return;
    }
    this.cancelTimer();
    this.refill();
    this.tokens = Math.max(0, this.tokens - 1);
    this.run();
  }

  dispose(): void {
    this.cancelTimer();
    this.waiting = false;
  }

  private tryRun(): boolean {
    if (this.timer !== undefined) {
      // Already waiting for a token: that run will show the latest state.
      return false;
    }
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      this.run();
      return true;
    }
    if (this.options.trailing) {
      this.waiting = true;
      this.arm(Math.ceil((1 - this.tokens) * this.options.intervalMs));
    } else {
      this.waiting = false;
      this.droppedCount++;
    }
    return false;
  }

  private onTimer(): void {
    this.timer = undefined;
    if (this.quietMs > 0 && this.waiting) {
      const sinceLast = this.now() - this.lastRequestAt;
      if (sinceLast >= 0 && sinceLast < this.quietMs) {
        this.arm(this.quietMs - sinceLast);
        return;
      }
    }
    if (this.waiting) {
      this.tryRun();
    }
  }

  private refill(): void {
    const now = this.now();
    const elapsed = now - this.refilledAt;
    this.refilledAt = now;
    // A clock that went backwards (a changed system time) must not stall the action.
    this.tokens = elapsed < 0 ? this.burst : Math.min(this.burst, this.tokens + elapsed / this.options.intervalMs);
  }

  private run(): void {
    this.waiting = false;
    this.action();
  }

  private arm(ms: number): void {
    this.timer = this.scheduler.setTimeout(() => this.onTimer(), Math.max(0, ms));
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) {
      this.scheduler.clearTimeout(this.timer);
      this.timer = undefined;
    }
  }
}
