import type { Attribution } from '../attribution/types';
import { CATEGORIES, emptyCounts, type CategoryCounts } from '../categories';
import { SpanOutcome } from '../fate/outcome';
import type { DayKey } from '../sessions/localDay';
import { Tally } from '../tally';
import { addAiChatBy } from '../terminal/aiChatBy';

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
  /** Accepted AI suggestions and applied chat edits (one per attribution). */
  inlineAccepts = 0;
  chatAccepts = 0;
  activeMinutes = 0;
  /** Sessions (or session pieces, split at midnight) that started in this span; days only. */
  sessions = 0;
  readonly languages = new Map<string, CategoryCounts>();
  /** The epoch minute of the last user edit counted in `activeMinutes`; not stored. */
  lastMinute = Number.NaN;
  /** What became of the AI text inserted here, and who led (settled later than the edits). */
  readonly outcome = new SpanOutcome();

  protected override addSigned(a: Attribution, sign: 1 | -1): void {
    super.addSigned(a, sign);
    // A later piece of one action is not another accepted suggestion or applied edit.
    if (a.continues !== true) {
      if (a.category === 'aiInline') {
        this.inlineAccepts += sign;
      } else if (a.category === 'aiChat') {
        this.chatAccepts += sign;
      }
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
    counts[a.category] += sign * a.chars;
  }

  /** Adds another span's figures (merging windows, base + live, folding). */
  addSpan(other: SpanAgg): void {
    addCounts(this.chars, other.chars);
    this.estimatedAiChars += other.estimatedAiChars;
    addAiChatBy(this.aiChatBy, other.aiChatBy);
    this.deletedChars += other.deletedChars;
    this.inlineAccepts += other.inlineAccepts;
    this.chatAccepts += other.chatAccepts;
    this.activeMinutes += other.activeMinutes;
    this.sessions += other.sessions;
    this.outcome.addOutcome(other.outcome);
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
      && this.chatAccepts === 0 && CATEGORIES.every((c) => this.chars[c] === 0) && !this.outcome.hasOutcome;
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

/** All `sources` merged into a new history (none of them aliased). */
export function mergeAll(sources: Iterable<HistoryData>): HistoryData {
  const merged = emptyHistory();
  for (const source of sources) {
    mergeHistory(merged, source);
  }
  return merged;
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

/** The `k` of a backup file: what tells our backups from any other JSON. */
export const BACKUP_KIND = 'ownership-ratio-backup';
