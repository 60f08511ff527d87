/** Validation of stored reflections and of reflection edits arriving from the webview. */
import * as v from 'valibot';
import { isDayKey } from '../sessions/localDay';
import { ANSWER_KEYS, MAX_ANSWER_LENGTH, RATING_KEYS, RATING_MAX, RATING_MIN, type AnswerKey, type RatingKey, type ReflectionEntry } from './model';

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

const entrySchema = v.object({
  date: dayKeySchema,
  ratings: v.object(Object.fromEntries(RATING_KEYS.map((key) => [key, v.optional(ratingSchema)])) as Record<RatingKey, v.OptionalSchema<typeof ratingSchema, undefined>>),
  answers: v.object(Object.fromEntries(ANSWER_KEYS.map((key) => [key, v.optional(answerSchema)])) as Record<AnswerKey, v.OptionalSchema<typeof answerSchema, undefined>>),
  updated: v.pipe(v.number(), v.finite()),
});

export const REFLECTIONS_VERSION = 1;

/** The stored value: `{ v: 1, e: { 'YYYY-MM-DD': entry } }`. */
export interface StoredReflectionsV1 {
  readonly v: 1;
  readonly e: Record<string, ReflectionEntry>;
}

export type ParsedReflections =
  | { readonly kind: 'empty' }
  | { readonly kind: 'ok'; readonly entries: Map<string, ReflectionEntry>; readonly dropped: number }
  | { readonly kind: 'future'; readonly version: number }
  | { readonly kind: 'invalid' };

/** Reads the stored value, keeping every valid entry (a damaged entry is dropped, not the rest). */
export function parseStoredReflections(raw: unknown): ParsedReflections {
  if (raw === undefined || raw === null) {
    return { kind: 'empty' };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { kind: 'invalid' };
  }
  const record = raw as { v?: unknown; e?: unknown };
  if (typeof record.v === 'number' && record.v > REFLECTIONS_VERSION) {
    return { kind: 'future', version: record.v };
  }
  if (record.v !== REFLECTIONS_VERSION || typeof record.e !== 'object' || record.e === null || Array.isArray(record.e)) {
    return { kind: 'invalid' };
  }
  const entries = new Map<string, ReflectionEntry>();
  let dropped = 0;
  for (const [date, value] of Object.entries(record.e as Record<string, unknown>)) {
    const result = v.safeParse(entrySchema, value);
    if (result.success && result.output.date === date) {
      entries.set(date, result.output as ReflectionEntry);
    } else {
      dropped++;
    }
  }
  return { kind: 'ok', entries, dropped };
}
