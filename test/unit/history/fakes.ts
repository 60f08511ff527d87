import type { Attribution } from '../../../src/core/attribution/types';
import type { Category, Confidence } from '../../../src/core/categories';
import { calendarOf, type Calendar } from '../../../src/core/calendar';
import type { Clock } from '../../../src/core/clock';
import type { TzOffset } from '../../../src/core/sessions/localDay';
import { InMemoryMemento, type QuarantineEntry, type QuarantineSink, type Scheduler } from '../../../src/core/history/ports';

/** Lets pending promise chains (async writes) run to completion. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

interface Timer {
  readonly id: number;
  readonly at: number;
  readonly fn: () => void;
}

/** A clock and a scheduler on one fake timeline: `advance` fires due timers in order. */
export class FakeTime implements Clock, Scheduler {
  private timers: Timer[] = [];
  private nextId = 1;

  constructor(public nowMs: number) {}

  now(): number {
    return this.nowMs;
  }

  /** A calendar on this timeline in the given zone (UTC by default). */
  calendar(tz: TzOffset = utc): Calendar {
    return calendarOf(this, tz);
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const timer = { id: this.nextId++, at: this.nowMs + Math.max(0, ms), fn };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, firing timers as their time comes. */
  async advance(ms: number): Promise<void> {
    const target = this.nowMs + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (due === undefined) {
        break;
      }
      this.timers = this.timers.filter((t) => t !== due);
      this.nowMs = Math.max(this.nowMs, due.at);
      due.fn();
      await settle();
    }
    this.nowMs = target;
    await settle();
  }
}

export type FailMode = 'none' | 'throw' | 'reject';

/** An in-memory Memento that records every update and can be told to fail. */
export class SpyMemento extends InMemoryMemento {
  readonly log: { key: string; deleted: boolean }[] = [];
  failMode: FailMode = 'none';
  /** Only keys matching fail (default: all). */
  failWhen: (key: string, value: unknown) => boolean = () => true;

  override update(key: string, value: unknown): Promise<void> {
    if (this.failMode !== 'none' && this.failWhen(key, value)) {
      if (this.failMode === 'throw') {
        throw new Error('update failed (sync)');
      }
      return Promise.reject(new Error('update failed (async)'));
    }
    this.log.push({ key, deleted: value === undefined });
    return super.update(key, value);
  }

  /** Seeds a raw value without logging it. */
  seed(key: string, value: unknown): void {
    void super.update(key, value);
  }

  writesTo(key: string): number {
    return this.log.filter((e) => e.key === key && !e.deleted).length;
  }

  dump(): Record<string, unknown> {
    return Object.fromEntries(this.keys().map((k) => [k, this.get(k)]));
  }
}

/** A quarantine sink that keeps entries, optionally failing or waiting for `release()`. */
export class MemorySink implements QuarantineSink {
  readonly entries: QuarantineEntry[] = [];
  fail = false;
  private gate: Promise<void> | undefined;
  private open: (() => void) | undefined;
  readonly order: string[];

  constructor(order: string[] = []) {
    this.order = order;
  }

  hold(): void {
    this.gate = new Promise((resolve) => {
      this.open = resolve;
    });
  }

  release(): void {
    this.open?.();
    this.gate = undefined;
  }

  async put(entry: QuarantineEntry): Promise<void> {
    if (this.gate !== undefined) {
      await this.gate;
    }
    if (this.fail) {
      throw new Error('disk full');
    }
    this.order.push(`quarantine:${entry.key}`);
    this.entries.push(JSON.parse(JSON.stringify(entry)) as QuarantineEntry);
  }
}

export function attr(at: number, category: Category = 'typed', chars = 1, more: Partial<Attribution> = {}): Attribution {
  const confidence: Confidence = more.confidence ?? 'exact';
  return { at, category, confidence, chars, deleted: 0, languageId: 'typescript', evidence: [], ...more };
}

/** Europe/Berlin-like offsets for 2025: CEST from 2025-03-30T01:00Z to 2025-10-26T01:00Z. */
export const berlin2025 = (t: number): number =>
  t >= Date.UTC(2025, 2, 30, 1) && t < Date.UTC(2025, 9, 26, 1) ? 120 : 60;

export function utc(): number {
  return 0;
}
