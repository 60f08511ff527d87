import { systemScheduler, type Scheduler } from './clock';

/**
 * Runs `action` at most once per `intervalMs`: at once when idle, otherwise once at the end of
 * the interval, so the last state is always shown and a burst costs a bounded number of runs.
 */
export class Throttle {
  private lastRun = Number.NEGATIVE_INFINITY;
  private timer: unknown;

  constructor(
    private readonly action: () => void,
    private readonly intervalMs: number,
    private readonly now: () => number,
    private readonly scheduler: Scheduler = systemScheduler,
  ) {}

  request(): void {
    if (this.timer !== undefined) {
      return;
    }
    const wait = this.lastRun + this.intervalMs - this.now();
    if (wait <= 0 || wait > this.intervalMs) {
      // wait > interval: the clock went backwards; do not stall.
      this.run();
    } else {
      this.timer = this.scheduler.setTimeout(() => {
        this.timer = undefined;
        this.run();
      }, wait);
    }
  }

  dispose(): void {
    if (this.timer !== undefined) {
      this.scheduler.clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private run(): void {
    this.lastRun = this.now();
    this.action();
  }
}
