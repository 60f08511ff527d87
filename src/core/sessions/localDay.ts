/**
 * Local calendar days. A day key is the local date `YYYY-MM-DD` of an instant, computed from an
 * injected time-zone offset function so DST (23/25-hour days), a time-zone change and a clock that
 * jumps are all deterministic under test. Day indices are local days since 1970-01-01: plain
 * integers, cheap to compare on the hot path.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** A local date, `YYYY-MM-DD`. */
export type DayKey = string;

/**
 * Minutes to add to UTC to get local time at an instant (east positive: +60 for CET in winter).
 * The opposite sign of `Date.prototype.getTimezoneOffset()`.
 */
export type TzOffset = (epochMs: number) => number;

/** Local days since 1970-01-01 of an instant. */
export function localDayIndex(epochMs: number, tz: TzOffset): number {
  return Math.floor((epochMs + tz(epochMs) * MINUTE_MS) / DAY_MS);
}

export function dayKeyFromIndex(index: number): DayKey {
  return new Date(index * DAY_MS).toISOString().slice(0, 10);
}

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (so `2025-02-30` is not a day key). */
export function isDayKey(value: string): boolean {
  const match = DAY_KEY.exec(value);
  if (match === null) {
    return false;
  }
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  return new Date(ms).toISOString().slice(0, 10) === value;
}

/** The index of a day key (no validation: pass keys checked by `isDayKey`). */
export function dayIndexFromKey(key: DayKey): number {
  return Math.round(Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, Number(key.slice(8, 10))) / DAY_MS);
}

export function localDayKey(epochMs: number, tz: TzOffset): DayKey {
  return dayKeyFromIndex(localDayIndex(epochMs, tz));
}

export function addDays(key: DayKey, days: number): DayKey {
  return dayKeyFromIndex(dayIndexFromKey(key) + days);
}

/** ISO 8601 with the local offset at that instant, e.g. `2025-03-30T01:59:00.000+01:00`. */
export function formatLocalIso(epochMs: number, tz: TzOffset): string {
  const offset = tz(epochMs);
  const local = new Date(epochMs + offset * MINUTE_MS).toISOString().slice(0, -1);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}
