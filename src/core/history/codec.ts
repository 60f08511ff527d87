import { CATEGORIES, emptyCounts, type CategoryCounts } from '../categories';
import type { DayKey } from '../sessions/localDay';
import { AI_CHAT_SOURCES, type AiChatBy } from '../terminal/aiChatBy';
import { LEAD_MEASURES, type LeadMeasure } from '../fate/outcome';
import { OTHER_LANGUAGE, SessionAgg, SpanAgg, addCounts, type HistoryData } from './model';
import type { StoredCounts, DayRec, SessionRec, SpanRec } from './schema';

/**
 * Between the in-memory model and the stored JSON (plain numbers, strings, arrays, objects only).
 * Per-language figures keep the top languages by volume; the `other` bucket is not stored but
 * derived on read as the span's chars minus the listed languages (they always sum to the chars).
 */

export interface EncodeLimits {
  /** Languages kept per day; the rest are summed under `other`. */
  readonly languagesPerDay: number;
  readonly languagesPerSession: number;
}

export const DEFAULT_ENCODE_LIMITS: EncodeLimits = { languagesPerDay: 4, languagesPerSession: 2 };

export function encodeCounts(counts: Readonly<CategoryCounts>): StoredCounts {
  let last = CATEGORIES.length - 1;
  while (last >= 0 && counts[CATEGORIES[last]] === 0) {
    last--;
  }
  const out: number[] = [];
  for (let i = 0; i <= last; i++) {
    out.push(counts[CATEGORIES[i]]);
  }
  return out;
}

export function decodeCounts(values: readonly number[]): CategoryCounts {
  const counts = emptyCounts();
  for (let i = 0; i < CATEGORIES.length && i < values.length; i++) {
    counts[CATEGORIES[i]] = values[i];
  }
  return counts;
}

function total(counts: Readonly<CategoryCounts>): number {
  let sum = 0;
  for (const c of CATEGORIES) {
    sum += counts[c];
  }
  return sum;
}

/** Top `limit` languages by volume (ties by name), the rest summed under `other`; empty ones dropped. */
export function boundLanguages(languages: ReadonlyMap<string, CategoryCounts>, limit: number): Map<string, CategoryCounts> {
  const entries = [...languages].filter(([, counts]) => total(counts) > 0);
  entries.sort((a, b) => total(b[1]) - total(a[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out = new Map<string, CategoryCounts>();
  let other: CategoryCounts | undefined;
  for (const [id, counts] of entries) {
    if (id !== OTHER_LANGUAGE && out.size < limit) {
      out.set(id, { ...counts });
    } else {
      other ??= emptyCounts();
      addCounts(other, counts);
    }
  }
  if (other !== undefined) {
    out.set(OTHER_LANGUAGE, other);
  }
  return out;
}

/**
 * `aiChat` by source in `AI_CHAT_SOURCES` order, trailing zeros dropped; omitted when nothing was
 * split (no AI chat work, or only work counted before the split existed). A split that would not
 * fit its `aiChat` (never, when counts are consistent) is left out rather than stored wrong.
 */
function encodeAiChatBy(by: Readonly<AiChatBy>, aiChat: number): number[] | undefined {
  const values = AI_CHAT_SOURCES.map((s) => Math.max(0, by[s]));
  if (values.reduce((sum, n) => sum + n, 0) > aiChat) {
    return undefined;
  }
  let last = values.length - 1;
  while (last >= 0 && values[last] === 0) {
    last--;
  }
  return last < 0 ? undefined : values.slice(0, last + 1);
}

function encodeSpanRec(span: SpanAgg, languageLimit: number): SpanRec {
  const out: SpanRec = { c: encodeCounts(span.chars) };
  if (span.estimatedAiChars > 0) {
    out.e = span.estimatedAiChars;
  }
  if (span.deletedChars > 0) {
    out.x = span.deletedChars;
  }
  const ab = encodeAiChatBy(span.aiChatBy, span.chars.aiChat);
  if (ab !== undefined) {
    out.ab = ab;
  }
  if (span.chatAccepts > 0) {
    out.a = [span.inlineAccepts, span.chatAccepts];
  } else if (span.inlineAccepts > 0) {
    out.a = [span.inlineAccepts];
  }
  if (span.activeMinutes > 0) {
    out.m = span.activeMinutes;
  }
  encodeOutcome(span, out);
  if (languageLimit > 0) {
    const languages = boundLanguages(span.languages, languageLimit);
    const l: Record<string, StoredCounts> = {};
    let any = false;
    for (const [id, counts] of languages) {
      if (id !== OTHER_LANGUAGE) {
        l[id] = encodeCounts(counts);
        any = true;
      }
    }
    if (any) {
      out.l = l;
    }
  }
  return out;
}

function decodeSpanRec(target: SpanAgg, rec: Readonly<SpanRec>): void {
  addCounts(target.chars, decodeCounts(rec.c));
  target.estimatedAiChars = rec.e ?? 0;
  target.deletedChars = rec.x ?? 0;
  // No `ab` (history written before the split): nothing is made up, the aiChat stays unsplit.
  AI_CHAT_SOURCES.forEach((s, i) => {
    target.aiChatBy[s] = rec.ab?.[i] ?? 0;
  });
  target.inlineAccepts = rec.a?.[0] ?? 0;
  target.chatAccepts = rec.a?.[1] ?? 0;
  target.activeMinutes = rec.m ?? 0;
  decodeOutcome(target, rec);
  if (rec.l !== undefined) {
    // `other` is not stored: it is what the listed languages leave of the span's chars.
    const other = { ...target.chars };
    for (const [id, values] of Object.entries(rec.l)) {
      const counts = decodeCounts(values);
      target.languages.set(id, counts);
      for (const c of CATEGORIES) {
        other[c] = Math.max(0, other[c] - counts[c]);
      }
    }
    if (total(other) > 0) {
      const stored = target.languages.get(OTHER_LANGUAGE);
      if (stored === undefined) {
        target.languages.set(OTHER_LANGUAGE, other);
      } else {
        addCounts(stored, other);
      }
    }
  }
}

/** Where each measure of who led is stored: [you, ai, mixed]. */
const LEAD_KEYS = { lead: 'ld', leadSessions: 'ls', leadChars: 'lc' } as const satisfies Record<LeadMeasure, keyof SpanRec>;

/**
 * The fate of AI text (`o`: kept, reworked, removed) and who led (`ld` files, `ls` sessions, `lc`
 * characters: you, ai, mixed), only where measured.
 */
function encodeOutcome(span: SpanAgg, out: SpanRec): void {
  const { fate } = span.outcome;
  if (fate !== undefined) {
    out.o = [fate.kept, fate.reworked, fate.removed];
  }
  for (const measure of LEAD_MEASURES) {
    const counts = span.outcome[measure];
    if (counts !== undefined) {
      out[LEAD_KEYS[measure]] = [counts.you, counts.ai, counts.mixed];
    }
  }
}

function decodeOutcome(target: SpanAgg, rec: Readonly<SpanRec>): void {
  if (rec.o !== undefined) {
    target.outcome.addFate({ kept: rec.o[0] ?? 0, reworked: rec.o[1] ?? 0, removed: rec.o[2] ?? 0 });
  }
  for (const measure of LEAD_MEASURES) {
    const stored = rec[LEAD_KEYS[measure]];
    if (stored !== undefined) {
      target.outcome.addLead('you', stored[0] ?? 0, measure);
      target.outcome.addLead('ai', stored[1] ?? 0, measure);
      target.outcome.addLead('mixed', stored[2] ?? 0, measure);
    }
  }
}

/** `languageLimit` 0 drops the per-language detail (old days, see `languageDetailDays`). */
export function encodeDay(span: SpanAgg, languageLimit: number): DayRec {
  const rec: DayRec = encodeSpanRec(span, languageLimit);
  if (span.sessions > 0) {
    rec.n = span.sessions;
  }
  return rec;
}

export function decodeDay(rec: Readonly<DayRec>): SpanAgg {
  const span = new SpanAgg();
  decodeSpanRec(span, rec);
  span.sessions = rec.n ?? 0;
  return span;
}

export function encodeSession(session: SessionAgg, languageLimit: number): SessionRec {
  return { i: session.id, b: session.start, f: session.end, ...encodeSpanRec(session, languageLimit) };
}

export function decodeSession(rec: Readonly<SessionRec>, day: DayKey): SessionAgg {
  const session = new SessionAgg(rec.i, day, rec.b, Math.max(rec.f, rec.b));
  decodeSpanRec(session, rec);
  return session;
}

export interface EncodedHistory {
  d: Record<DayKey, DayRec>;
  s: Record<DayKey, SessionRec[]>;
}

/**
 * Encodes a history, days in ascending order. `keepLanguagesFrom`: days before it lose their
 * per-language detail (undefined keeps all).
 */
export function encodeHistory(data: HistoryData, limits: EncodeLimits = DEFAULT_ENCODE_LIMITS, keepLanguagesFrom?: DayKey): EncodedHistory {
  const d: Record<DayKey, DayRec> = {};
  for (const day of [...data.days.keys()].sort()) {
    const detail = keepLanguagesFrom === undefined || day >= keepLanguagesFrom;
    d[day] = encodeDay(data.days.get(day) as SpanAgg, detail ? limits.languagesPerDay : 0);
  }
  const s: Record<DayKey, SessionRec[]> = {};
  for (const day of [...data.sessions.keys()].sort()) {
    const list = data.sessions.get(day) as SessionAgg[];
    if (list.length > 0) {
      s[day] = [...list].sort((a, b) => a.start - b.start).map((x) => encodeSession(x, limits.languagesPerSession));
    }
  }
  return { d, s };
}

export function decodeHistory(encoded: Readonly<EncodedHistory>): HistoryData {
  const days = new Map<DayKey, SpanAgg>();
  for (const [day, rec] of Object.entries(encoded.d)) {
    days.set(day, decodeDay(rec));
  }
  const sessions = new Map<DayKey, SessionAgg[]>();
  for (const [day, list] of Object.entries(encoded.s)) {
    sessions.set(day, list.map((rec) => decodeSession(rec, day)));
  }
  return { days, sessions };
}
