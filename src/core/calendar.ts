import { systemClock, type Clock } from './clock';
import { addDays, localDayKey, type DayKey, type TzOffset } from './sessions/localDay';

/**
 * The one source of "now", the time zone and "today". Everything that needs the time of day, a
 * local date or a day range takes a `Calendar`, so the whole extension agrees on what today is and
 * tests run on a fake timeline (a clock that jumps, a DST change, another time zone).
 */
export interface Calendar extends Clock {
  /** The local offset at an instant (minutes east of UTC). */
  readonly tz: TzOffset;
  /** A steadily increasing count of milliseconds that never jumps with the wall clock. */
  monotonic(): number;
  /** The local day (`YYYY-MM-DD`) of an instant. */
  dayOf(epochMs: number): DayKey;
  /** The local day of now. */
  today(): DayKey;
  /** The `days` local days ending today, today included: `{ from, to: today }`. */
  lastDays(days: number): { readonly from: DayKey; readonly to: DayKey };
}

/**
 * The machine's time zone as `Date` sees it, the only place that reads it. It allocates a `Date`:
 * keep it off the keystroke path (day keys are re-derived once a minute).
 */
const systemTzOffset: TzOffset = (epochMs) => -new Date(epochMs).getTimezoneOffset();

/** A calendar over any clock and zone; `monotonic` defaults to the clock itself. */
export function calendarOf(clock: Clock, tz: TzOffset, monotonic: () => number = () => clock.now()): Calendar {
  return {
    tz,
    now: () => clock.now(),
    monotonic,
    dayOf: (epochMs) => localDayKey(epochMs, tz),
    today: () => localDayKey(clock.now(), tz),
    lastDays(days) {
      const to = localDayKey(clock.now(), tz);
      return { from: addDays(to, -(Math.max(1, days) - 1)), to };
    },
  };
}

/** The machine's clock and time zone; `monotonic` is the process's own uptime clock. */
export const systemCalendar: Calendar = calendarOf(systemClock, systemTzOffset, () => performance.now());
