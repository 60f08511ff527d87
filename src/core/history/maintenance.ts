import * as v from 'valibot';
import { isDayKey, type DayKey } from '../sessions/localDay';
import { MAINTENANCE_KEY } from '../storageKeys';
import { judgeClock, type ClockState } from './clockGuard';
import type { RetentionPolicy } from './compaction';
import type { MementoLike } from './ports';
import { gateRetention, type RetentionState } from './retentionGate';
import type { StoreWarning } from './storeTypes';

const Day = v.pipe(v.string(), v.check(isDayKey));
const Days = v.pipe(v.number(), v.safeInteger(), v.minValue(0));

/** The stored value under `MAINTENANCE_KEY`; `t` (last change) lets the newest copy win between windows. */
const MaintenanceSchema = v.object({
  v: v.literal(1),
  t: v.number(),
  retention: v.optional(Days),
  declined: v.optional(Days),
  clock: v.optional(v.object({ anchor: Day, day: Day, since: v.number() })),
});
export type MaintenanceV1 = v.InferOutput<typeof MaintenanceSchema>;

/**
 * What destructive maintenance (compaction, retention) may do now: the day it counts from (see
 * `judgeClock`) and the retention in force (see `gateRetention`), with the state both need across
 * restarts. A value that cannot be read counts as none: the rules then hold and ask more, never less.
 */
export class Maintenance {
  private clock: ClockState = { anchor: undefined, pending: undefined };
  private retention: RetentionState = { approved: undefined, declined: undefined };
  private dirty = false;
  /** The lower retention already asked about in this session. */
  private asked: number | undefined;

  constructor(private readonly memento: MementoLike, private readonly now: () => number, private readonly warn: (w: StoreWarning) => void) {}

  /** At load. `newestDay`: the newest stored day not after today, trusted unless a held clock is stored. */
  start(newestDay: DayKey | undefined): void {
    const parsed = v.safeParse(MaintenanceSchema, this.memento.get(MAINTENANCE_KEY));
    const stored = parsed.success ? parsed.output : undefined;
    this.clock = { anchor: stored?.clock?.anchor ?? newestDay, pending: stored?.clock };
    this.retention = { approved: stored?.retention, declined: stored?.declined };
  }

  /**
   * The day maintenance counts from and the policy it applies, for `requested` options and the
   * clock's `today`. `olderDays(day, days)`: how many stored days a retention of `days` removes on `day`.
   */
  plan<P extends RetentionPolicy>(requested: P, today: DayKey, olderDays: (day: DayKey, days: number) => number): { readonly day: DayKey; readonly policy: P } {
    const judged = judgeClock(this.clock, this.now(), today);
    if (judged.state.pending !== this.clock.pending) {
      this.dirty = true;
    }
    this.clock = judged.state;
    if (judged.change === 'ahead') {
      this.warn({ code: 'clockAhead', today, trusted: judged.day });
    } else if (judged.change !== undefined) {
      this.warn({ code: judged.change === 'confirmed' ? 'clockConfirmed' : 'clockBack', today });
    }
    const gate = gateRetention(this.retention, requested.retentionDays, (days) => olderDays(judged.day, days));
    this.setRetention(gate.state);
    if (gate.ask !== undefined && this.asked !== gate.ask.days) {
      this.asked = gate.ask.days;
      this.warn({ code: 'retentionLowered', days: gate.ask.days, olderDays: gate.ask.olderDays, keeping: gate.effective });
    }
    return { day: judged.day, policy: gate.effective === requested.retentionDays ? requested : { ...requested, retentionDays: gate.effective } };
  }

  /**
   * The setting now asks for `days`: a lower retention answered "Keep everything" before is no
   * longer the request, so setting it again later is a new request, asked about again. True when
   * the stored state changed (it is saved with the next write).
   */
  retentionRequested(days: number): boolean {
    if (this.asked !== undefined && this.asked !== days) {
      this.asked = undefined;
    }
    if (this.retention.declined === undefined || this.retention.declined === days) {
      return false;
    }
    this.setRetention({ ...this.retention, declined: undefined });
    return true;
  }

  /** The user confirmed a lower retention of `days`: it applies from the next compaction. */
  approveRetention(days: number): void {
    this.setRetention({ approved: days, declined: undefined });
  }

  /** The user chose to keep everything rather than a retention of `days`: not asked about again. */
  declineRetention(days: number): void {
    this.setRetention({ ...this.retention, declined: days });
  }

  /** Stores the state if it changed (beside the history written with it; without it a restart only holds the rules longer). */
  async save(): Promise<void> {
    if (!this.dirty) {
      return;
    }
    const value: MaintenanceV1 = { v: 1, t: this.now() };
    const { approved, declined } = this.retention;
    if (approved !== undefined) {
      value.retention = approved;
    }
    if (declined !== undefined) {
      value.declined = declined;
    }
    if (this.clock.pending !== undefined) {
      value.clock = { ...this.clock.pending };
    }
    await this.memento.update(MAINTENANCE_KEY, value);
    this.dirty = false;
  }

  private setRetention(next: RetentionState): void {
    if (next.approved !== this.retention.approved || next.declined !== this.retention.declined) {
      this.retention = next;
      this.dirty = true;
    }
  }
}
