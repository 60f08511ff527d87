/** Validation of stored reflections and of reflection edits arriving from the webview. */
import * as v from 'valibot';
import { isDayKey } from '../sessions/localDay';
import { ANSWER_KEYS, MAX_ANSWER_LENGTH, RATING_KEYS, RATING_MAX, RATING_MIN, isRating, type AnswerKey, type Answers, type RatingKey, type Ratings, type ReflectionEntry } from './model';

export const dayKeySchema = v.pipe(v.string(), v.length(10), v.check(isDayKey, 'not a calendar day'));
export const ratingSchema = v.pipe(v.number(), v.finite(), v.integer(), v.minValue(RATING_MIN), v.maxValue(RATING_MAX));
export const answerSchema = v.pipe(v.string(), v.maxLength(MAX_ANSWER_LENGTH));

/** Each rating optional; `null` clears it. Unknown keys are rejected. */
export const ratingsEditSchema = v.strictObject(
  Object.fromEntries(RATING_KEYS.map((key) => [key, v.optional(v.nullable(ratingSchema))])) as Record<RatingKey, v.OptionalSchema<v.NullableSchema<typeof ratingSchema, undefined>, undefined>>,
);
export const answersEditSchema = v.strictObject(
  Object.fromEntries(ANSWER_KEYS.map((key) => [key, v.optional(answerSchema)])) as Record<AnswerKey, v.OptionalSchema<typeof answerSchema, undefined>>,
);

export const REFLECTIONS_VERSION = 1;

/** The stored value: `{ v: 1, e: { 'YYYY-MM-DD': entry } }`; entries are kept exactly as read. */
export interface StoredReflectionsV1 {
  readonly v: 1;
  readonly e: Record<string, unknown>;
}

/** An entry that cannot be read at all (not an object, or not under a day): set aside, with why. */
export interface UnreadableReflection {
  readonly key: string;
  readonly raw: unknown;
  readonly reason: string;
}

export type ParsedReflections =
  | { readonly kind: 'empty' }
  | {
    readonly kind: 'ok';
    /** What can be read, per day: the readable fields of each entry. */
    readonly entries: Map<string, ReflectionEntry>;
    /** Every entry exactly as stored, readable or not: what a save writes back (never less). */
    readonly stored: Record<string, unknown>;
    readonly unreadable: readonly UnreadableReflection[];
    /** Fields out of range or of the wrong type: kept as they are in `stored`, ignored on read (paths only). */
    readonly ignored: readonly string[];
  }
  | { readonly kind: 'future'; readonly version: number }
  /** The value as a whole is not ours to read (wrong type, no version): set aside before any write. */
  | { readonly kind: 'invalid'; readonly reason: string };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

/**
 * The readable part of one stored entry: each rating and answer on its own, so a rating of 9
 * (written by a newer version, or damaged) costs only itself and never the text beside it.
 */
export function readEntry(date: string, raw: Record<string, unknown>, ignored: string[]): ReflectionEntry {
  const ratings: Ratings = {};
  const answers: Answers = {};
  const storedRatings = isPlainObject(raw.ratings) ? raw.ratings : {};
  const storedAnswers = isPlainObject(raw.answers) ? raw.answers : {};
  if (raw.ratings !== undefined && !isPlainObject(raw.ratings)) {
    ignored.push(`${date}.ratings`);
  }
  if (raw.answers !== undefined && !isPlainObject(raw.answers)) {
    ignored.push(`${date}.answers`);
  }
  for (const key of RATING_KEYS) {
    const value = storedRatings[key];
    if (isRating(value)) {
      ratings[key] = value;
    } else if (value !== undefined) {
      ignored.push(`${date}.ratings.${key}`);
    }
  }
  for (const key of ANSWER_KEYS) {
    const value = storedAnswers[key];
    if (typeof value === 'string') {
      // Longer than the form allows (a newer version's limit): shown cut, stored whole.
      answers[key] = value.slice(0, MAX_ANSWER_LENGTH);
    } else if (value !== undefined) {
      ignored.push(`${date}.answers.${key}`);
    }
  }
  const updated = typeof raw.updated === 'number' && Number.isFinite(raw.updated) ? raw.updated : 0;
  return { date, ratings, answers, updated };
}

/** Reads the stored value, keeping every entry: what cannot be read is reported, never dropped. */
export function parseStoredReflections(raw: unknown): ParsedReflections {
  if (raw === undefined || raw === null) {
    return { kind: 'empty' };
  }
  if (!isPlainObject(raw)) {
    return { kind: 'invalid', reason: `expected an object, got ${describe(raw)}` };
  }
  if (typeof raw.v === 'number' && raw.v > REFLECTIONS_VERSION) {
    return { kind: 'future', version: raw.v };
  }
  if (raw.v !== REFLECTIONS_VERSION) {
    return { kind: 'invalid', reason: `unknown version ${JSON.stringify(raw.v)?.slice(0, 20) ?? 'undefined'}` };
  }
  if (!isPlainObject(raw.e)) {
    return { kind: 'invalid', reason: `entries: expected an object, got ${describe(raw.e)}` };
  }
  const entries = new Map<string, ReflectionEntry>();
  const unreadable: UnreadableReflection[] = [];
  const ignored: string[] = [];
  for (const [key, value] of Object.entries(raw.e)) {
    if (!isDayKey(key)) {
      unreadable.push({ key, raw: value, reason: 'not under a calendar day' });
    } else if (!isPlainObject(value)) {
      unreadable.push({ key, raw: value, reason: `expected an object, got ${describe(value)}` });
    } else {
      entries.set(key, readEntry(key, value, ignored));
    }
  }
  return { kind: 'ok', entries, stored: { ...raw.e }, unreadable, ignored };
}
