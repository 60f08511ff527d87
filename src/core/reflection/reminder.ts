/**
 * When to offer the once-a-day reflection reminder. Pure: the host passes the clock's time, the
 * time zone and the state it keeps, and runs a timer for the returned instant.
 */
import { settingDefault } from '../settings';
import { DAY_MS, MINUTE_MS, addDays, dayIndexFromKey, localDayKey, type DayKey, type TzOffset } from '../sessions/localDay';

export const DEFAULT_REMINDER_TIME = settingDefault('reflection.reminderTime');
/** "Later" asks again after this long (the same day only). */
export const SNOOZE_MS = 60 * MINUTE_MS;
/** Past the reminder time but nothing done yet today: look again this often. */
export const RECHECK_MS = 15 * MINUTE_MS;

export interface ReminderSettings {
  readonly enabled: boolean;
  /** Local time `HH:MM` (24 h). An invalid value falls back to 17:30. */
  readonly time: string;
}

/** What the host remembers between checks (and windows). */
export interface ReminderState {
  /** The local day the reminder was last shown. */
  readonly lastShownDay?: DayKey;
  /** "Later" was chosen: ask again at this instant (only on the day it was chosen). */
  readonly snoozedUntil?: number;
}

export interface DayFacts {
  /** Anything counted today (own or AI-assisted characters). */
  readonly hasActivity: boolean;
  /** A reflection for today exists already. */
  readonly reflected: boolean;
}

export type ReminderDecision =
  | { readonly action: 'off' }
  | { readonly action: 'remind'; readonly day: DayKey }
  | { readonly action: 'wait'; readonly until: number };

/** Minutes after local midnight, or undefined when `value` is not `H:MM`/`HH:MM` in 00:00–23:59. */
export function parseReminderTime(value: string): number | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!match) {
    return undefined;
  }
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : undefined;
}

/** The instant the reminder is due on `day` (local), for the zone's offset around that time. */
export function dueAt(day: DayKey, time: string, tz: TzOffset): number {
  const minutes = parseReminderTime(time) ?? (parseReminderTime(DEFAULT_REMINDER_TIME) as number);
  const localMs = dayIndexFromKey(day) * DAY_MS + minutes * MINUTE_MS;
  // Two passes find the offset in force at that local time (right across a DST change too).
  let utc = localMs - tz(localMs) * MINUTE_MS;
  utc = localMs - tz(utc) * MINUTE_MS;
  return utc;
}

export function decideReminder(now: number, tz: TzOffset, settings: ReminderSettings, state: ReminderState, facts: DayFacts): ReminderDecision {
  if (!settings.enabled) {
    return { action: 'off' };
  }
  const today = localDayKey(now, tz);
  const tomorrow = dueAt(addDays(today, 1), settings.time, tz);
  if (facts.reflected) {
    return { action: 'wait', until: tomorrow };
  }
  const snoozed = state.snoozedUntil !== undefined && localDayKey(state.snoozedUntil, tz) === today ? state.snoozedUntil : undefined;
  if (snoozed !== undefined) {
    if (now < snoozed) {
      return { action: 'wait', until: snoozed };
    }
  } else {
    if (state.lastShownDay === today) {
      return { action: 'wait', until: tomorrow };
    }
    const due = dueAt(today, settings.time, tz);
    if (now < due) {
      return { action: 'wait', until: due };
    }
  }
  if (!facts.hasActivity) {
    return { action: 'wait', until: Math.min(now + RECHECK_MS, tomorrow) };
  }
  return { action: 'remind', day: today };
}

/** The state after the reminder was shown, and after the user's answer. */
export function afterShown(state: ReminderState, day: DayKey): ReminderState {
  return { ...state, lastShownDay: day, snoozedUntil: undefined };
}

export function afterLater(state: ReminderState, now: number): ReminderState {
  return { ...state, snoozedUntil: now + SNOOZE_MS };
}
