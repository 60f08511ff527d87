import type { Attribution } from '../attribution/types';
import { emptyCounts, type CategoryCounts, type PasteCountsAs } from '../categories';
import { formatLocalIso, type DayKey, type TzOffset } from '../sessions/localDay';
import type { Totals } from '../tally';
import { emptyAiChatBy } from '../terminal/aiChatBy';
import { boundLanguages } from './codec';
import type { SessionAgg, SpanAgg } from './model';

/** The public API's snapshot (`getSnapshot()`, command `ownershipRatio.snapshot`). Plain JSON. */
export interface Snapshot {
  readonly version: 1;
  /** This window's open session, else its latest one today, else an empty one (`id` '', start = end = now). */
  readonly session: Totals & { readonly id: string; readonly start: string; readonly end: string };
  /** Today (local date of now), all windows of this workspace. */
  readonly today: Totals & { readonly date: DayKey };
  /** The last attributions of this window, oldest first. */
  readonly recent: readonly Attribution[];
}

/** What the dashboard shows of a span beyond the snapshot's `Totals`. */
export interface SpanSummary extends Totals {
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
  };
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

export function buildSnapshot(
  session: SessionAgg | undefined,
  now: number,
  today: { readonly date: DayKey; readonly span: SpanAgg },
  recent: readonly Attribution[],
  tz: TzOffset,
  pasteCountsAs: PasteCountsAs,
): Snapshot {
  return {
    version: 1,
    session: {
      id: session?.id ?? '',
      start: formatLocalIso(session?.start ?? now, tz),
      end: formatLocalIso(session?.end ?? now, tz),
      ...(session === undefined ? { ...NO_TOTALS, chars: emptyCounts(), aiChatBy: emptyAiChatBy() } : session.totals(pasteCountsAs)),
    },
    today: { date: today.date, ...today.span.totals(pasteCountsAs) },
    recent,
  };
}
