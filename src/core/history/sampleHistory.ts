import type { Attribution } from '../attribution/types';
import type { Category, Confidence } from '../categories';
import { SessionTracker } from '../sessions/sessionTracker';
import { DAY_MS, MINUTE_MS, addDays, dayIndexFromKey, type DayKey, type TzOffset } from '../sessions/localDay';
import { DEFAULT_ENCODE_LIMITS, encodeHistory, type EncodeLimits } from './codec';
import { DEFAULT_RETENTION, firstKeptDay, type RetentionPolicy } from './compaction';
import { SCHEMA_VERSION, type StoredWindowRecord } from './schema';
import { InMemoryMemento } from './ports';

/**
 * Deterministic, realistic history from a seed: for the size benchmark (a heavy year must stay
 * ≤ 150 KB), the demo mode and tests. Edits go through the real `SessionTracker` and encoder, so
 * the stored value has exactly the shape and size the store would write.
 */

export type SampleProfile = 'heavy' | 'typical';

export interface SampleHistoryOptions {
  readonly seed: number;
  /** Days of history, ending with `endDay`. */
  readonly days: number;
  /** Last day (local date). Default 2025-12-31 so the output does not depend on today. */
  readonly endDay?: DayKey;
  readonly profile?: SampleProfile;
  readonly windowId?: string;
  /** Default: a fixed UTC+1 zone, for reproducible output on any machine. */
  readonly tz?: TzOffset;
  readonly retention?: Partial<RetentionPolicy>;
  readonly limits?: Partial<EncodeLimits>;
}

/** mulberry32: small, fast, good enough for sample data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'json', 'markdown', 'python', 'css', 'html', 'yaml', 'shellscript', 'rust', 'sql'];
const LANGUAGE_WEIGHTS = [30, 14, 10, 9, 8, 7, 5, 4, 4, 3, 3, 3];

/** [category, share of edits, min chars, max chars] */
/** [category, share of edit events, min chars, max chars]: a developer who writes most code by hand. */
const MIX: readonly (readonly [Category, number, number, number])[] = [
  ['typed', 0.85, 1, 30],
  ['aiInline', 0.06, 8, 120],
  ['aiChat', 0.01, 40, 900],
  ['paste', 0.02, 5, 300],
  ['tool', 0.03, 1, 60],
  ['undoRedo', 0.02, 1, 40],
  ['external', 0.01, 50, 4000],
];
const NO_EVIDENCE: readonly string[] = [];
/** AI chat work from each source (the editor's chat, an agent extension, a terminal agent), so the demo shows the split. */
const AI_CHAT_EVIDENCE: readonly (readonly string[])[] = [['exact:chat'], ['shape:aiLike'], ['terminal:claude']];

function pickWeighted(random: () => number, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i];
    if (r < 0) {
      return i;
    }
  }
  return weights.length - 1;
}

function between(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

const fixedTz: TzOffset = () => 60;

/** The attributions of one local day: sessions between 08:00 and 23:30 separated by idle gaps. */
export function* sampleDayAttributions(random: () => number, day: DayKey, tz: TzOffset, profile: SampleProfile): Generator<Attribution> {
  const midnightUtc = dayIndexFromKey(day) * DAY_MS;
  const dayStart = midnightUtc - tz(midnightUtc) * MINUTE_MS;
  const weekday = new Date(midnightUtc).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  const heavy = profile === 'heavy';
  // Some days lean on AI much more than others, as real weeks do.
  const aiAppetite = 0.3 + random() * 2.7;
  const weights = MIX.map(([category, share]) => (category === 'aiInline' || category === 'aiChat' ? share * aiAppetite : share));
  const sessions = weekend ? between(random, heavy ? 2 : 0, heavy ? 5 : 2) : between(random, heavy ? 7 : 2, heavy ? 12 : 5);
  const meanGapMs = heavy ? 18_000 : 30_000;
  let t = dayStart + 8 * 60 * MINUTE_MS + between(random, 0, 60) * MINUTE_MS;
  const lastStart = dayStart + (23 * 60 + 30) * MINUTE_MS;
  for (let s = 0; s < sessions && t < lastStart; s++) {
    const primary = LANGUAGES[pickWeighted(random, LANGUAGE_WEIGHTS)];
    const end = t + between(random, heavy ? 20 : 10, heavy ? 150 : 90) * MINUTE_MS;
    while (t < end) {
      const [category, , min, max] = MIX[pickWeighted(random, weights)];
      const ai = category === 'aiInline' || category === 'aiChat';
      const confidence: Confidence = ai && random() < 0.4 ? 'estimated' : 'exact';
      const chars = between(random, min, max);
      yield {
        at: t,
        category,
        confidence,
        chars,
        deleted: random() < 0.2 ? between(random, 1, 30) : 0,
        languageId: random() < 0.8 ? primary : LANGUAGES[between(random, 0, LANGUAGES.length - 1)],
        // Picked without another random draw, so the rest of a seeded sample stays as it was.
        evidence: category === 'aiChat' ? AI_CHAT_EVIDENCE[chars % AI_CHAT_EVIDENCE.length] : NO_EVIDENCE,
      };
      t += Math.max(1_000, Math.round(-Math.log(1 - random()) * meanGapMs));
    }
    t += (21 + between(random, 0, 90)) * MINUTE_MS;
  }
}

/** The stored value of one window key after `days` days of use, compacted as the store would. */
export function generateSampleHistory(options: SampleHistoryOptions): { readonly key: string; readonly record: StoredWindowRecord } {
  const endDay = options.endDay ?? '2025-12-31';
  const tz = options.tz ?? fixedTz;
  const profile = options.profile ?? 'heavy';
  const windowId = options.windowId ?? 'sample01';
  const retention = { ...DEFAULT_RETENTION, ...options.retention };
  const limits = { ...DEFAULT_ENCODE_LIMITS, ...options.limits };
  const random = seededRandom(options.seed);
  const tracker = new SessionTracker({ tz, idleGapMs: 20 * MINUTE_MS, windowTag: windowId.slice(0, 6) });
  let lastAt = 0;
  for (let i = options.days - 1; i >= 0; i--) {
    const day = addDays(endDay, -i);
    for (const a of sampleDayAttributions(random, day, tz, profile)) {
      tracker.record(a);
      lastAt = a.at;
    }
    tracker.compact(day, retention);
  }
  const { d, s } = encodeHistory(tracker.live, limits, firstKeptDay(endDay, retention.languageDetailDays));
  return { key: `history.w.${windowId}`, record: { v: SCHEMA_VERSION, w: windowId, t: lastAt, z: 1, d, s } };
}

/** An in-memory Memento holding a sample history (demo mode, tests). */
export function sampleMemento(options: SampleHistoryOptions): InMemoryMemento {
  const memento = new InMemoryMemento();
  const { key, record } = generateSampleHistory(options);
  void memento.update(key, record);
  return memento;
}
