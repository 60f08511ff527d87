/**
 * The user's own patterns: how their ratings on higher-ownership days compare with those on
 * lower-ownership days, and solo blocks (sessions with ≥ 90% own characters). Descriptive only:
 * a small personal sample, never a verdict.
 */
import { addDays, type DayKey } from '../sessions/localDay';
import { RATING_KEYS, type RatingKey, type ReflectionEntry } from './model';

/** Reflected days with a ratio needed before comparisons are shown. */
export const MIN_REFLECTED_DAYS = 7;
/** A session counts as a solo block at or above this share of own characters. */
export const SOLO_THRESHOLD = 0.9;

export interface DayOwnership {
  readonly date: DayKey;
  readonly ratio: number | null;
}

export interface SessionOwnership {
  readonly date: DayKey;
  readonly own: number;
  readonly ai: number;
  readonly minutes: number;
}

export interface GroupSummary {
  /** Days in the group. */
  readonly days: number;
  /** Lowest and highest ownership ratio in the group (0–1). */
  readonly minRatio: number;
  readonly maxRatio: number;
  /** Mean rating per key over the group's days that have it; null when none do. */
  readonly means: Readonly<Record<RatingKey, number | null>>;
}

export interface SoloSummary {
  readonly blocks: number;
  readonly sessions: number;
  readonly minutes: number;
  readonly longestMinutes: number;
  /** Longest run of consecutive calendar days with at least one solo block. */
  readonly longestDayStreak: number;
}

export type Comparison =
  | { readonly status: 'notEnough'; readonly reflectedDays: number; readonly needed: number }
  | { readonly status: 'ready'; readonly reflectedDays: number; readonly higher: GroupSummary; readonly lower: GroupSummary };

export interface Insights {
  readonly comparison: Comparison;
  readonly solo: SoloSummary;
}

export function computeInsights(days: readonly DayOwnership[], reflections: readonly ReflectionEntry[], sessions: readonly SessionOwnership[]): Insights {
  return { comparison: compareByOwnership(days, reflections), solo: soloBlocks(sessions) };
}

export function compareByOwnership(days: readonly DayOwnership[], reflections: readonly ReflectionEntry[]): Comparison {
  const byDate = new Map(reflections.map((entry) => [entry.date, entry]));
  const pairs: Array<{ ratio: number; entry: ReflectionEntry }> = [];
  for (const day of days) {
    const entry = byDate.get(day.date);
    if (day.ratio !== null && Number.isFinite(day.ratio) && entry && RATING_KEYS.some((key) => entry.ratings[key] !== undefined)) {
      pairs.push({ ratio: day.ratio, entry });
    }
  }
  if (pairs.length < MIN_REFLECTED_DAYS) {
    return { status: 'notEnough', reflectedDays: pairs.length, needed: MIN_REFLECTED_DAYS };
  }
  pairs.sort((a, b) => a.ratio - b.ratio || (a.entry.date < b.entry.date ? -1 : 1));
  // Halves by rank; with an odd count the middle day belongs to neither.
  const half = Math.floor(pairs.length / 2);
  return {
    status: 'ready',
    reflectedDays: pairs.length,
    lower: summarize(pairs.slice(0, half)),
    higher: summarize(pairs.slice(pairs.length - half)),
  };
}

function summarize(group: ReadonlyArray<{ ratio: number; entry: ReflectionEntry }>): GroupSummary {
  const means = {} as Record<RatingKey, number | null>;
  for (const key of RATING_KEYS) {
    const values = group.map((pair) => pair.entry.ratings[key]).filter((value): value is NonNullable<typeof value> => value !== undefined);
    means[key] = values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
  }
  return { days: group.length, minRatio: group[0].ratio, maxRatio: group[group.length - 1].ratio, means };
}

export function soloBlocks(sessions: readonly SessionOwnership[]): SoloSummary {
  let blocks = 0;
  let counted = 0;
  let minutes = 0;
  let longestMinutes = 0;
  const soloDays = new Set<DayKey>();
  for (const session of sessions) {
    const total = session.own + session.ai;
    if (total <= 0) {
      continue;
    }
    counted++;
    if (session.own / total >= SOLO_THRESHOLD) {
      blocks++;
      minutes += session.minutes;
      longestMinutes = Math.max(longestMinutes, session.minutes);
      soloDays.add(session.date);
    }
  }
  let longestDayStreak = 0;
  for (const day of soloDays) {
    if (soloDays.has(addDays(day, -1))) {
      continue;
    }
    let length = 1;
    while (soloDays.has(addDays(day, length))) {
      length++;
    }
    longestDayStreak = Math.max(longestDayStreak, length);
  }
  return { blocks, sessions: counted, minutes, longestMinutes, longestDayStreak };
}
