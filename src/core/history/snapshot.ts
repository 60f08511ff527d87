import type { Attribution } from '../attribution/types';
import { emptyCounts, type CategoryCounts, type PasteCountsAs } from '../categories';
import type { LeadCounts } from '../fate/lead';
import type { FateCounts } from '../fate/outcome';
import { DAY_MS, MINUTE_MS, formatLocalIso, type DayKey, type TzOffset } from '../sessions/localDay';
import type { Totals } from '../tally';
import { emptyAiChatBy } from '../terminal/aiChatBy';
import { boundLanguages } from './codec';
import type { SessionAgg, SpanAgg } from './model';

/**
 * What became of a span's AI characters and who led its files, each only where measured (absent on
 * days from before, never invented). `pending`: AI characters inserted here whose horizon has not
 * passed yet (this window's).
 */
export interface Outcome {
  readonly aiFate?: Readonly<FateCounts> & { readonly pending: number };
  /** Files (per session) by who led. */
  readonly lead?: Readonly<LeadCounts>;
}

/** The public API's snapshot (`getSnapshot()`, command `ownershipRatio.snapshot`). Plain JSON. */
export interface Snapshot {
  readonly version: 1;
  /** This window's open session, else its latest one today, else an empty one (`id` '', start = end = now). */
  readonly session: Totals & Outcome & { readonly id: string; readonly start: string; readonly end: string };
  /** Today (local date of now), all windows of this workspace. */
  readonly today: Totals & Outcome & { readonly date: DayKey };
  /** The last attributions of this window, oldest first. */
  readonly recent: readonly Attribution[];
}

/** What the dashboard shows of a span beyond the snapshot's `Totals`. */
export interface SpanSummary extends Totals, Outcome {
  readonly deletedChars: number;
  readonly accepts: { readonly inline: number; readonly chat: number };
  readonly activeMinutes: number;
  /** chars per category per languageId: the top languages, the rest under `other`. */
  readonly languages: Readonly<Record<string, CategoryCounts>>;
}

export interface DaySummary extends SpanSummary {
  readonly date: DayKey;
  /** Sessions (pieces split at midnight count for each day) of all windows. */
  readonly sessions: number;
}

export interface SessionSummary extends SpanSummary {
  readonly id: string;
  readonly date: DayKey;
  /** ISO 8601 with the local offset. */
  readonly start: string;
  readonly end: string;
}

export function summarizeSpan(span: SpanAgg, pasteCountsAs: PasteCountsAs, languageLimit: number): SpanSummary {
  return {
    ...span.totals(pasteCountsAs),
    deletedChars: span.deletedChars,
    accepts: { inline: span.inlineAccepts, chat: span.chatAccepts },
    activeMinutes: span.activeMinutes,
    languages: Object.fromEntries(boundLanguages(span.languages, languageLimit)),
    ...outcomeOf(span, 0),
  };
}

/** The span's outcome fields, present only where measured (or, for the fate, where some is pending). */
export function outcomeOf(span: SpanAgg | undefined, pending: number): Outcome {
  const fate = span?.outcome.fate;
  const lead = span?.outcome.lead;
  const out: { aiFate?: Outcome['aiFate']; lead?: Outcome['lead'] } = {};
  if (fate !== undefined || pending > 0) {
    out.aiFate = { kept: fate?.kept ?? 0, reworked: fate?.reworked ?? 0, removed: fate?.removed ?? 0, pending };
  }
  if (lead !== undefined) {
    out.lead = { ...lead };
  }
  return out;
}

export function summarizeDay(date: DayKey, span: SpanAgg, pasteCountsAs: PasteCountsAs, languageLimit: number): DaySummary {
  return { date, ...summarizeSpan(span, pasteCountsAs, languageLimit), sessions: span.sessions };
}

export function summarizeSession(session: SessionAgg, tz: TzOffset, pasteCountsAs: PasteCountsAs, languageLimit: number): SessionSummary {
  return {
    id: session.id,
    date: session.day,
    start: formatLocalIso(session.start, tz),
    end: formatLocalIso(session.end, tz),
    ...summarizeSpan(session, pasteCountsAs, languageLimit),
  };
}

const NO_TOTALS: Totals = { chars: emptyCounts(), estimatedAiChars: 0, aiChatBy: emptyAiChatBy(), ownershipRatio: null };

/** AI characters inserted in [from, to] (epoch ms) whose fate is still pending. */
export type PendingFate = (from: number, to: number) => number;

export function buildSnapshot(
  session: SessionAgg | undefined,
  now: number,
  today: { readonly date: DayKey; readonly span: SpanAgg },
  recent: readonly Attribution[],
  tz: TzOffset,
  pasteCountsAs: PasteCountsAs,
  pending: PendingFate = () => 0,
): Snapshot {
  return {
    version: 1,
    session: {
      id: session?.id ?? '',
      start: formatLocalIso(session?.start ?? now, tz),
      end: formatLocalIso(session?.end ?? now, tz),
      ...(session === undefined ? { ...NO_TOTALS, chars: emptyCounts(), aiChatBy: emptyAiChatBy() } : session.totals(pasteCountsAs)),
      ...outcomeOf(session, session === undefined ? 0 : pending(session.start, session.end)),
    },
    today: { date: today.date, ...today.span.totals(pasteCountsAs), ...outcomeOf(today.span, pending(now - ((now + tz(now) * MINUTE_MS) % DAY_MS), now)) },
    recent,
  };
}
