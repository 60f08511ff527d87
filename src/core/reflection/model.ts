/**
 * The end-of-day reflection: a handful of one-tap ratings (1–5) and a
 * few optional open answers, one entry per local day. Plain JSON, shared by host and webview.
 */
import type { DayKey } from '../sessions/localDay';

/** Ratings 1–5. `boredom` is the only one where a higher value is the less pleasant one. */
export const RATING_KEYS = ['energy', 'meaning', 'autonomy', 'challenge', 'pride', 'enjoyment', 'boredom'] as const;
export type RatingKey = (typeof RATING_KEYS)[number];

/** Open questions: energy source, what made it valuable, hardest thing worked out yourself, proud of. */
export const ANSWER_KEYS = ['energySource', 'valuable', 'hardest', 'proud'] as const;
export type AnswerKey = (typeof ANSWER_KEYS)[number];

/** Longest answer kept, in UTF-16 code units. */
export const MAX_ANSWER_LENGTH = 2000;
export const RATING_MIN = 1;
export const RATING_MAX = 5;

export type Rating = 1 | 2 | 3 | 4 | 5;
export type Ratings = Partial<Record<RatingKey, Rating>>;
export type Answers = Partial<Record<AnswerKey, string>>;

export interface ReflectionEntry {
  readonly date: DayKey;
  readonly ratings: Ratings;
  readonly answers: Answers;
  /** Last edit, epoch ms. */
  readonly updated: number;
}

export function isRating(value: unknown): value is Rating {
  return typeof value === 'number' && Number.isInteger(value) && value >= RATING_MIN && value <= RATING_MAX;
}

/** True when nothing was rated or written: such an entry is deleted rather than kept. */
export function isEmptyEntry(entry: Pick<ReflectionEntry, 'ratings' | 'answers'>): boolean {
  return RATING_KEYS.every((key) => entry.ratings[key] === undefined) && ANSWER_KEYS.every((key) => (entry.answers[key] ?? '').trim() === '');
}
