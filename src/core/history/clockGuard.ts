import { addDays, DAY_MS, type DayKey } from '../sessions/localDay';

/** A clock more than this many days past the newest trusted day is "ahead": deletions wait. */
export const CLOCK_AHEAD_DAYS = 2;
/** An ahead clock is believed once it has stayed ahead (without jumping again) this long. */
export const CLOCK_CONFIRM_MS = DAY_MS;

/** A clock seen ahead and not yet believed: the trusted day then, and when it was first seen. */
export interface PendingClock {
  /** The newest day trusted before the clock was seen ahead. */
  readonly anchor: DayKey;
  /** The clock's day when it was first seen ahead. */
  readonly day: DayKey;
  /** The clock's time then, epoch ms. */
  readonly since: number;
}

export interface ClockState {
  /** The newest day the clock is trusted to have reached (undefined: nothing stored yet). */
  readonly anchor: DayKey | undefined;
  readonly pending: PendingClock | undefined;
}

export type ClockChange = 'ahead' | 'confirmed' | 'back' | undefined;

export interface ClockJudgement {
  /** The day compaction and retention count from: today, or the trusted day while the clock is held. */
  readonly day: DayKey;
  readonly state: ClockState;
  /** What changed with this judgement, if anything. */
  readonly change: ClockChange;
}

/**
 * The clock rule for destructive maintenance (compaction and retention). A clock jump forward (a
 * VM resumed, a wrong NTP answer) must not delete session detail or days. The rule:
 * - today at most `CLOCK_AHEAD_DAYS` past the trusted day: plausible; maintenance counts from
 *   today, which becomes the trusted day (and a pending jump is forgotten: the clock came back).
 * - further ahead: the clock is held. Maintenance counts from the trusted day, so nothing is removed
 *   that was not due on that day. Counts still go to the day the clock says.
 * - held and still ahead `CLOCK_CONFIRM_MS` (a day) after it was first seen, on this run or a later
 *   one: believed; today becomes the trusted day. A clock that jumps ahead again (past the day it
 *   was first seen by more than `CLOCK_AHEAD_DAYS`) or goes back before `since` starts the wait over.
 * Pure: the caller stores the state (a jump seen before a restart is still held after it).
 */
export function judgeClock(state: ClockState, now: number, today: DayKey): ClockJudgement {
  const { anchor, pending } = state;
  if (anchor === undefined || today <= addDays(anchor, CLOCK_AHEAD_DAYS)) {
    const trusted = anchor === undefined || today > anchor ? today : anchor;
    return { day: today, state: { anchor: trusted, pending: undefined }, change: pending !== undefined ? 'back' : undefined };
  }
  if (pending === undefined || today > addDays(pending.day, CLOCK_AHEAD_DAYS) || now < pending.since) {
    return { day: anchor, state: { anchor, pending: { anchor, day: today, since: now } }, change: pending === undefined ? 'ahead' : undefined };
  }
  if (now - pending.since >= CLOCK_CONFIRM_MS) {
    return { day: today, state: { anchor: today, pending: undefined }, change: 'confirmed' };
  }
  return { day: anchor, state, change: undefined };
}
