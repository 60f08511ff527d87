/**
 * The user's own patterns: how their ratings on higher-ownership days compare with those on
 * lower-ownership days, on days they led the work with days AI led it, and solo blocks (sessions
 * with ≥ 90% own characters). Descriptive only: a small personal sample, never a verdict.
 */
import type { LeadCounts } from '../fate/lead';
import { addDays, type DayKey } from '../sessions/localDay';
import { RATING_KEYS, type RatingKey, type ReflectionEntry } from './model';

/** Reflected days with a ratio needed before comparisons are shown. */
export const MIN_REFLECTED_DAYS = 7;
/** A session counts as a solo block at or above this share of own characters. */
export const SOLO_THRESHOLD = 0.9;

/** Reflected days needed on each side (days you led, days AI led) before they are compared. */
export const MIN_LED_DAYS = 3;

export interface DayOwnership {
  readonly date: DayKey;
  readonly ratio: number | null;
  /** Files (per session) by who led them that day; none before it was measured. */
  readonly lead?: Readonly<LeadCounts>;
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

export interface RatingsSummary {
  readonly days: number;
  /** Mean rating per key over the group's days that have it; null when none do. */
  readonly means: Readonly<Record<RatingKey, number | null>>;
}

export type LeadComparison =
  | { readonly status: 'notEnough'; readonly youLedDays: number; readonly aiLedDays: number; readonly needed: number }
  | { readonly status: 'ready'; readonly you: RatingsSummary; readonly ai: RatingsSummary };

export interface Insights {
  readonly comparison: Comparison;
  readonly byLead: LeadComparison;
  readonly solo: SoloSummary;
}

export function computeInsights(days: readonly DayOwnership[], reflections: readonly ReflectionEntry[], sessions: readonly SessionOwnership[]): Insights {
  return { comparison: compareByOwnership(days, reflections), byLead: compareByLead(days, reflections), solo: soloBlocks(sessions) };
}

/**
 * Who led a day: you, when you led more of its files (per session) than AI did; AI, when AI led
 * more than you; neither on a tie or a day of only mixed files.
 */
export function dayLeader(lead: Readonly<LeadCounts> | undefined): 'you' | 'ai' | undefined {
  if (lead === undefined || lead.you === lead.ai) {
    return undefined;
  }
  return lead.you > lead.ai ? 'you' : 'ai';
}

/** Ratings on the reflected days you led against those on the reflected days AI led. */
export function compareByLead(days: readonly DayOwnership[], reflections: readonly ReflectionEntry[]): LeadComparison {
  const byDate = new Map(reflections.map((entry) => [entry.date, entry]));
  const you: ReflectionEntry[] = [];
  const ai: ReflectionEntry[] = [];
  for (const day of days) {
    const entry = byDate.get(day.date);
    const leader = dayLeader(day.lead);
    if (leader !== undefined && entry !== undefined && RATING_KEYS.some((key) => entry.ratings[key] !== undefined)) {
      (leader === 'you' ? you : ai).push(entry);
    }
  }
  if (you.length < MIN_LED_DAYS || ai.length < MIN_LED_DAYS) {
    return { status: 'notEnough', youLedDays: you.length, aiLedDays: ai.length, needed: MIN_LED_DAYS };
  }
  return { status: 'ready', you: { days: you.length, means: meanRatings(you) }, ai: { days: ai.length, means: meanRatings(ai) } };
}

function meanRatings(entries: readonly ReflectionEntry[]): Record<RatingKey, number | null> {
  const means = {} as Record<RatingKey, number | null>;
  for (const key of RATING_KEYS) {
    const values = entries.map((entry) => entry.ratings[key]).filter((value): value is NonNullable<typeof value> => value !== undefined);
    means[key] = values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
  }
  return means;
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
  const means = meanRatings(group.map((pair) => pair.entry));
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
