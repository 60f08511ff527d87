import type { Attribution } from '../attribution/types';
import { CATEGORIES, emptyCounts, type CategoryCounts } from '../categories';
import type { DayKey } from '../sessions/localDay';
import { Tally } from '../tally';

/** Per-language counts of other (rare or overflowing) languages go to this bucket. */
export const OTHER_LANGUAGE = 'other';
/** At most this many languages are tracked per span in memory; the rest go to `other`. */
export const MAX_LIVE_LANGUAGES = 32;
const MAX_LANGUAGE_ID_LENGTH = 64;

/**
 * The figures of one span of work (a day or a session), mutated in place on the hot path.
 * `activeMinutes` counts wall-clock minutes with at least one user edit (not `external`).
 */
export class SpanAgg extends Tally {
  activeMinutes = 0;
  /** Sessions (or session pieces, split at midnight) that started in this span; days only. */
  sessions = 0;
  readonly languages = new Map<string, CategoryCounts>();
  /** The epoch minute of the last user edit counted in `activeMinutes`; not stored. */
  lastMinute = Number.NaN;

  override add(a: Attribution): void {
    super.add(a);
    if (a.category === 'aiInline') {
      this.inlineAccepts++;
    } else if (a.category === 'aiChat') {
      this.chatAccepts++;
    }
    let counts = this.languages.get(a.languageId);
    if (counts === undefined) {
      const id = this.languages.size < MAX_LIVE_LANGUAGES && a.languageId.length <= MAX_LANGUAGE_ID_LENGTH ? a.languageId : OTHER_LANGUAGE;
      counts = this.languages.get(id);
      if (counts === undefined) {
        counts = emptyCounts();
        this.languages.set(id, counts);
      }
    }
    counts[a.category] += a.chars;
  }

  /** Adds another span's figures (merging windows, base + live, folding). */
  addSpan(other: SpanAgg): void {
    addCounts(this.chars, other.chars);
    this.estimatedAiChars += other.estimatedAiChars;
    this.deletedChars += other.deletedChars;
    this.inlineAccepts += other.inlineAccepts;
    this.chatAccepts += other.chatAccepts;
    this.activeMinutes += other.activeMinutes;
    this.sessions += other.sessions;
    for (const [id, counts] of other.languages) {
      const mine = this.languages.get(id);
      if (mine === undefined) {
        this.languages.set(id, { ...counts });
      } else {
        addCounts(mine, counts);
      }
    }
  }

  isEmpty(): boolean {
    return this.deletedChars === 0 && this.activeMinutes === 0 && this.sessions === 0 && this.inlineAccepts === 0
      && this.chatAccepts === 0 && CATEGORIES.every((c) => this.chars[c] === 0);
  }
}

export function addCounts(target: CategoryCounts, source: Readonly<CategoryCounts>): void {
  for (const c of CATEGORIES) {
    target[c] += source[c];
  }
}

/** One session, or the piece of a session within one local day. Times are epoch ms. */
export class SessionAgg extends SpanAgg {
  constructor(
    readonly id: string,
    readonly day: DayKey,
    public start: number,
    public end: number,
  ) {
    super();
  }
}

/** A history in memory: per-day aggregates and the session detail kept for recent days. */
export interface HistoryData {
  readonly days: Map<DayKey, SpanAgg>;
  readonly sessions: Map<DayKey, SessionAgg[]>;
}

export function emptyHistory(): HistoryData {
  return { days: new Map(), sessions: new Map() };
}

/** Adds `source` into `target` (copies; `source` is not aliased). */
export function mergeHistory(target: HistoryData, source: HistoryData): void {
  for (const [day, span] of source.days) {
    let mine = target.days.get(day);
    if (mine === undefined) {
      mine = new SpanAgg();
      target.days.set(day, mine);
    }
    mine.addSpan(span);
  }
  for (const [day, list] of source.sessions) {
    let mine = target.sessions.get(day);
    if (mine === undefined) {
      mine = [];
      target.sessions.set(day, mine);
    }
    for (const s of list) {
      mine.push(copySession(s));
    }
  }
}

export function copySession(s: SessionAgg): SessionAgg {
  const copy = new SessionAgg(s.id, s.day, s.start, s.end);
  copy.addSpan(s);
  return copy;
}

// ---- Stored shapes (schema v1). Short keys keep a year of history well under 150 KB. ----

/** Counts by category in `CATEGORIES` order, trailing zeros dropped. */
export type CountsV1 = number[];

/** The figures of a span of work (a day or a session) as stored. Optional fields are omitted when zero. */
export interface SpanRecV1 {
  /** chars per category. */
  c: CountsV1;
  /** estimated part of the AI chars. */
  e?: number;
  /** deleted chars. */
  x?: number;
  /** accepts: [inline, chat], trailing zeros dropped. */
  a?: number[];
  /** active minutes. */
  m?: number;
  /** chars per category per languageId: top languages, the rest under `other`. */
  l?: Record<string, CountsV1>;
}

/** One local day of one window. */
export interface DayRecV1 extends SpanRecV1 {
  /** sessions (pieces) started that day; kept after the session detail is compacted away. */
  n?: number;
}

export interface SessionRecV1 extends SpanRecV1 {
  /** id. */
  i: string;
  /** start, epoch ms. */
  b: number;
  /** end (last edit), epoch ms, ≥ start. */
  f: number;
}

/** The value of one window's key `history.w.<windowId>`. */
export interface WindowRecordV1 {
  v: 1;
  /** the window that owns (writes) the key. */
  w: string;
  /** last write, epoch ms. */
  t: number;
  /** 1 when the window closed cleanly: the key may be folded into another window's. */
  z?: 1;
  /** keys folded into this one whose deletion is not confirmed yet: readers skip them. */
  f?: string[];
  d: Record<DayKey, DayRecV1>;
  s: Record<DayKey, SessionRecV1[]>;
}

export const BACKUP_KIND = 'ownership-ratio-backup';

/** The merged history of all windows, as the host writes it to a backup file. */
export interface BackupV1 {
  v: 1;
  k: typeof BACKUP_KIND;
  /** exported at, epoch ms. */
  t: number;
  d: Record<DayKey, DayRecV1>;
  s: Record<DayKey, SessionRecV1[]>;
}
