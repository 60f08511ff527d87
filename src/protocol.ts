/**
 * The messages between the extension host and the dashboard webview, written once as valibot
 * schemas; the TypeScript types are derived from them. Both sides validate what arrives, because
 * a webview message is untrusted input. The page's boot script imports only types from here, so
 * no validation code goes into it.
 */
import * as v from 'valibot';
import { CATEGORIES, type Category } from './core/categories';
import { AI_CHAT_SOURCES } from './core/terminal/aiChatBy';
import { ANSWER_KEYS, RATING_KEYS } from './core/reflection/model';
import { answerSchema, answersEditSchema, dayKeySchema, ratingSchema, ratingsEditSchema } from './core/reflection/schema';
import { RANGES } from './ranges';

export { DEFAULT_RANGE, RANGES, type RangeKey } from './ranges';

/** An object schema with the same schema under each of `keys`. */
function keyed<K extends string, S extends v.GenericSchema>(keys: readonly K[], schema: S): v.ObjectSchema<Record<K, S>, undefined> {
  return v.object(Object.fromEntries(keys.map((key) => [key, schema])) as Record<K, S>);
}

const num = v.pipe(v.number(), v.finite());
const share = v.nullable(num);

const glancePeriodSchema = v.object({
  period: v.picklist(['today', '7', '30']),
  own: num,
  ai: num,
  share,
  /** The share of the period just before (yesterday, the 7 or 30 days before); null when it counted nothing. */
  previous: share,
  /** The period's aiChat characters by source; `notSplit`: the part counted before the split existed. */
  aiChatBy: v.object({ ...keyed(AI_CHAT_SOURCES, num).entries, notSplit: num }),
});

/** The header: today's characters per category, and the share yours today, over 7 and over 30 days. */
const glanceSchema = v.object({
  date: v.string(),
  chars: keyed<Category, typeof num>(CATEGORIES, num),
  estimatedAiChars: num,
  periods: v.array(glancePeriodSchema),
});

/** One day of the daily chart. Characters per counted category; ratio 0–1 or null (nothing counted). */
const leadSchema = v.object({ you: num, ai: num, mixed: num });
const dayPointSchema = v.object({
  date: v.string(),
  typed: num,
  aiInline: num,
  aiChat: num,
  paste: num,
  ratio: share,
  /** Volume-weighted ratio of the 7 days (4 weeks, 3 months) ending with this one; null when they count nothing. */
  rolling: share,
  minutes: num,
  sessions: num,
  /** AI characters by what became of them, only on days where it was measured. */
  fate: v.optional(v.object({ kept: num, reworked: num, removed: num })),
  /** Files by who led, only on days where it was measured. */
  lead: v.optional(leadSchema),
  /** Sessions by who led, only on days where it was measured. */
  leadSessions: v.optional(leadSchema),
  /** Own and AI characters of the files by who led them, only on days where it was measured. */
  leadChars: v.optional(leadSchema),
});

/** `name`: the language's display name (TypeScript JSX for typescriptreact), the id when it has none. */
const languagePointSchema = v.object({ language: v.string(), name: v.string(), own: num, ai: num });

const historySchema = v.object({
  range: v.picklist(RANGES),
  /** What one point stands for: a day, or a week or month for long ranges (`date`: its first day). */
  unit: v.picklist(['day', 'week', 'month']),
  /** Every day (week, month) from the first to the last of the range, gaps filled with zeros; empty without data. */
  days: v.array(dayPointSchema),
  languages: v.array(languagePointSchema),
  ratio: share,
});

const sessionPointSchema = v.object({ id: v.string(), start: v.string(), end: v.string(), minutes: num, own: num, ai: num, paste: num, ratio: share });

const reflectionEntrySchema = v.object({
  date: v.string(),
  ratings: keyed(RATING_KEYS, v.optional(ratingSchema)),
  answers: keyed(ANSWER_KEYS, v.optional(answerSchema)),
  updated: num,
});

const groupSchema = v.object({ days: num, minRatio: num, maxRatio: num, means: keyed(RATING_KEYS, v.nullable(num)) });
const ratingsSchema = v.object({ days: num, means: keyed(RATING_KEYS, v.nullable(num)) });
const insightsSchema = v.object({
  comparison: v.variant('status', [
    v.object({ status: v.literal('notEnough'), reflectedDays: num, needed: num }),
    v.object({ status: v.literal('ready'), reflectedDays: num, higher: groupSchema, lower: groupSchema }),
  ]),
  byLead: v.variant('status', [
    v.object({ status: v.literal('notEnough'), youLedDays: num, aiLedDays: num, needed: num }),
    v.object({ status: v.literal('ready'), you: ratingsSchema, ai: ratingsSchema }),
  ]),
  solo: v.object({ blocks: num, sessions: num, minutes: num, longestMinutes: num, longestDayStreak: num }),
});

/** Whose figures the page shows: this workspace's, or all projects' summed. */
const scopeSchema = v.picklist(['this', 'all']);
/** A project's key (its copy's file name): never a path. */
const projectKeySchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9._-]{1,128}$/));

const projectRowSchema = v.object({
  key: projectKeySchema,
  name: v.string(),
  /** This window's workspace. */
  current: v.boolean(),
  days: num,
  own: num,
  ai: num,
  share,
  lastActive: v.nullable(v.string()),
});

/** For all projects, one row per project over the page's range and their sum; for this project, no rows. */
const projectsSchema = v.object({ scope: scopeSchema, rows: v.array(projectRowSchema), total: v.object({ own: num, ai: num, share }) });

const toWebviewSchema = v.variant('type', [
  v.object({ type: v.literal('init'), locale: v.string(), strings: v.record(v.string(), v.string()), reflection: v.boolean() }),
  v.object({ type: v.literal('glance'), glance: glanceSchema }),
  v.object({ type: v.literal('history'), history: historySchema }),
  v.object({ type: v.literal('sessions'), date: v.string(), sessions: v.array(sessionPointSchema) }),
  v.object({ type: v.literal('reflection'), date: v.string(), today: v.string(), entry: v.nullable(reflectionEntrySchema), dates: v.array(v.string()) }),
  v.object({ type: v.literal('saved'), date: v.string(), ok: v.boolean() }),
  v.object({ type: v.literal('insights'), insights: insightsSchema }),
  /** Sent only when there is a project to sum (a folder is open): the page then shows the switch. */
  v.object({ type: v.literal('projects'), projects: projectsSchema }),
  /** Show this place of the page (the reflection: today's, with its first question focused). */
  v.object({ type: v.literal('focus'), section: v.picklist(['dashboard', 'reflection']) }),
]);

/** Webview → host: a closed set of actions, with no pass-through to commands or files. */
const fromWebviewSchema = v.variant('type', [
  /** The page is loaded; `range` is the one it restored, so the host sends that history at once. */
  v.strictObject({ type: v.literal('ready'), range: v.optional(v.picklist(RANGES)), scope: v.optional(scopeSchema) }),
  v.strictObject({ type: v.literal('setScope'), scope: scopeSchema }),
  /** Asks to remove another project's copy (the host confirms first). */
  v.strictObject({ type: v.literal('removeProject'), key: projectKeySchema }),
  v.strictObject({ type: v.literal('getHistory'), range: v.picklist(RANGES) }),
  v.strictObject({ type: v.literal('getSessions'), date: dayKeySchema }),
  v.strictObject({ type: v.literal('getReflection'), date: dayKeySchema }),
  v.strictObject({ type: v.literal('saveReflection'), date: dayKeySchema, ratings: ratingsEditSchema, answers: answersEditSchema }),
]);

/** Host → webview. */
export type ToWebviewMessage = v.InferOutput<typeof toWebviewSchema>;
/** Webview → host. */
export type FromWebviewMessage = v.InferOutput<typeof fromWebviewSchema>;
export type Glance = v.InferOutput<typeof glanceSchema>;
export type GlancePeriod = v.InferOutput<typeof glancePeriodSchema>;
export type DayPoint = v.InferOutput<typeof dayPointSchema>;
export type LanguagePoint = v.InferOutput<typeof languagePointSchema>;
export type HistoryPayload = v.InferOutput<typeof historySchema>;
export type SessionPoint = v.InferOutput<typeof sessionPointSchema>;
export type InsightsPayload = v.InferOutput<typeof insightsSchema>;
export type Scope = v.InferOutput<typeof scopeSchema>;
export type ProjectRowPayload = v.InferOutput<typeof projectRowSchema>;
export type ProjectsPayload = v.InferOutput<typeof projectsSchema>;
export type ReflectionPayload = Extract<ToWebviewMessage, { type: 'reflection' }>;

/** A message larger than this (as JSON) is refused before it is looked at: 4 answers of 2,000 characters fit easily. */
export const MAX_MESSAGE_CHARS = 64 * 1024;

export function parseFromWebview(value: unknown): FromWebviewMessage | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return undefined;
  }
  try {
    // Size first: a 10 MB string is refused without walking it through the schema.
    const json = JSON.stringify(value);
    if (json === undefined || json.length > MAX_MESSAGE_CHARS) {
      return undefined;
    }
  } catch {
    return undefined;
  }
  const result = v.safeParse(fromWebviewSchema, value);
  return result.success ? result.output : undefined;
}

export function parseToWebview(value: unknown): ToWebviewMessage | undefined {
  const result = v.safeParse(toWebviewSchema, value);
  return result.success ? result.output : undefined;
}
