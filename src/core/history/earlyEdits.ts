import type { Attribution } from '../attribution/types';

const MAX_QUEUED = 10_000;

/** Edits that arrive before the stored history is read: kept in order (up to 10,000) and counted once it is. */
export class EarlyEdits {
  private queue: Attribution[] = [];
  /** Edits beyond the bound, dropped. */
  dropped = 0;

  push(a: Attribution): void {
    if (this.queue.length < MAX_QUEUED) {
      this.queue.push(a);
    } else {
      this.dropped++;
    }
  }

  /** `next` in place of `previous`, if it is queued. */
  replace(previous: Attribution, next: Attribution): void {
    const index = this.queue.lastIndexOf(previous);
    if (index >= 0) {
      this.queue[index] = next;
    }
  }

  /** Everything queued, in order; the queue is empty afterwards. */
  take(): Attribution[] {
    const queued = this.queue;
    this.queue = [];
    return queued;
  }
}
