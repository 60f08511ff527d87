/**
 * The typed messages between the extension host and the dashboard webview. Both sides import
 * this file; both validate what arrives, because a webview message is untrusted input.
 */
import * as v from 'valibot';
import type { Snapshot } from './core/history/snapshot';
import type { Insights } from './core/reflection/insights';
import type { AnswerKey, RatingKey, ReflectionEntry } from './core/reflection/model';
import { answersEditSchema, dayKeySchema, ratingsEditSchema } from './core/reflection/schema';

// Kept apart (no validation library in it) for the dashboard's small boot script.
import { RANGES, type RangeKey } from './ranges';
export { RANGES, type RangeKey };

/** One day of the daily chart. Characters per counted category; ratio 0–1 or null (nothing counted). */
export interface DayPoint {
  readonly date: string;
  readonly typed: number;
  readonly aiInline: number;
  readonly aiChat: number;
  readonly paste: number;
  readonly ratio: number | null;
  /** Volume-weighted ratio of the 7 days ending with this one; null when they count nothing. */
  readonly rolling: number | null;
  readonly minutes: number;
  readonly sessions: number;
}

export interface LanguagePoint {
  readonly language: string;
  readonly own: number;
  readonly ai: number;
}

export interface HistoryPayload {
  readonly range: RangeKey;
  /** Every calendar day from the first to the last of the range (gaps filled with zeros); empty without data. */
  readonly days: readonly DayPoint[];
  readonly languages: readonly LanguagePoint[];
  readonly ratio: number | null;
}

export interface SessionPoint {
  readonly id: string;
  readonly start: string;
  readonly end: string;
  readonly minutes: number;
  readonly own: number;
  readonly ai: number;
  readonly paste: number;
  readonly ratio: number | null;
}

/** Host → webview. */
export type ToWebviewMessage =
  | { readonly type: 'init'; readonly locale: string; readonly strings: Readonly<Record<string, string>>; readonly reflection: boolean }
  | { readonly type: 'snapshot'; readonly snapshot: Snapshot }
  | { readonly type: 'history'; readonly history: HistoryPayload }
  | { readonly type: 'sessions'; readonly date: string; readonly sessions: readonly SessionPoint[] }
  | { readonly type: 'reflection'; readonly date: string; readonly today: string; readonly entry: ReflectionEntry | null; readonly dates: readonly string[] }
  | { readonly type: 'saved'; readonly date: string; readonly ok: boolean }
  | { readonly type: 'insights'; readonly insights: Insights }
  | { readonly type: 'focus'; readonly section: 'reflection' };

const num = v.pipe(v.number(), v.finite());
const ratio = v.nullable(num);
const countsSchema = v.object({
  typed: num, aiInline: num, aiChat: num, paste: num,
  tool: num, undoRedo: num, external: num,
});
const totalsEntries = {
  chars: countsSchema,
  estimatedAiChars: num,
  ownershipRatio: ratio,
};
const looseRecord = v.record(v.string(), v.unknown());

const toWebviewSchema = v.variant('type', [
  v.object({ type: v.literal('init'), locale: v.string(), strings: v.record(v.string(), v.string()), reflection: v.boolean() }),
  v.object({
    type: v.literal('snapshot'),
    snapshot: v.looseObject({
      version: v.literal(1),
      session: v.looseObject({ ...totalsEntries, id: v.string(), start: v.string(), end: v.string() }),
      today: v.looseObject({ ...totalsEntries, date: v.string() }),
      recent: v.array(v.looseObject({})),
    }),
  }),
  v.object({
    type: v.literal('history'),
    history: v.object({
      range: v.picklist(RANGES),
      days: v.array(v.object({ date: v.string(), typed: num, aiInline: num, aiChat: num, paste: num, ratio, rolling: ratio, minutes: num, sessions: num })),
      languages: v.array(v.object({ language: v.string(), own: num, ai: num })),
      ratio,
    }),
  }),
  v.object({
    type: v.literal('sessions'),
    date: v.string(),
    sessions: v.array(v.object({ id: v.string(), start: v.string(), end: v.string(), minutes: num, own: num, ai: num, paste: num, ratio })),
  }),
  v.object({
    type: v.literal('reflection'),
    date: v.string(),
    today: v.string(),
    entry: v.nullable(v.object({ date: v.string(), ratings: v.record(v.string(), num), answers: v.record(v.string(), v.string()), updated: num })),
    dates: v.array(v.string()),
  }),
  v.object({ type: v.literal('saved'), date: v.string(), ok: v.boolean() }),
  v.object({ type: v.literal('insights'), insights: v.object({ comparison: looseRecord, solo: looseRecord }) }),
  v.object({ type: v.literal('focus'), section: v.literal('reflection') }),
]);

/** Webview → host: a closed set of actions, with no pass-through to commands or files. */
export type FromWebviewMessage =
  /** The page is loaded; `range` is the one it restored, so the host sends that history at once. */
  | { readonly type: 'ready'; readonly range?: RangeKey }
  | { readonly type: 'refresh' }
  | { readonly type: 'getHistory'; readonly range: RangeKey }
  | { readonly type: 'getSessions'; readonly date: string }
  | { readonly type: 'getReflection'; readonly date: string }
  | {
    readonly type: 'saveReflection';
    readonly date: string;
    readonly ratings: Partial<Record<RatingKey, number | null>>;
    readonly answers: Partial<Record<AnswerKey, string>>;
  };

const fromWebviewSchema = v.variant('type', [
  v.strictObject({ type: v.literal('ready'), range: v.optional(v.picklist(RANGES)) }),
  v.strictObject({ type: v.literal('refresh') }),
  v.strictObject({ type: v.literal('getHistory'), range: v.picklist(RANGES) }),
  v.strictObject({ type: v.literal('getSessions'), date: dayKeySchema }),
  v.strictObject({ type: v.literal('getReflection'), date: dayKeySchema }),
  v.strictObject({ type: v.literal('saveReflection'), date: dayKeySchema, ratings: ratingsEditSchema, answers: answersEditSchema }),
]);

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
  return result.success ? (result.output as FromWebviewMessage) : undefined;
}

export function parseToWebview(value: unknown): ToWebviewMessage | undefined {
  const result = v.safeParse(toWebviewSchema, value);
  return result.success ? (result.output as unknown as ToWebviewMessage) : undefined;
}

/**
 * A token bucket for incoming webview messages: `burst` at once, then `perSecond`. Extra messages
 * are dropped (a page flooding the host is a bug or an attack, never a user).
 */
export class RateLimiter {
  private tokens: number;
  private last: number;
  private droppedCount = 0;

  constructor(private readonly now: () => number, private readonly perSecond = 20, private readonly burst = 60) {
    this.tokens = burst;
    this.last = now();
  }

  /** Messages refused so far. */
  get dropped(): number {
    return this.droppedCount;
  }

  tryTake(): boolean {
    const now = this.now();
    const elapsed = Math.max(0, now - this.last);
    this.last = now;
    this.tokens = Math.min(this.burst, this.tokens + (elapsed * this.perSecond) / 1000);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    this.droppedCount++;
    return false;
  }
}
