import type { Attribution } from '../attribution/types';
import { emptyCounts, type CategoryCounts, type PasteCountsAs } from '../categories';
import { emptyLead, type LeadCounts } from '../fate/lead';
import { LEAD_MEASURES, type FateCounts, type LeadMeasure } from '../fate/outcome';
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
  /** Sessions by who led. */
  readonly leadSessions?: Readonly<LeadCounts>;
  /** Own and AI characters of the files, by who led each file. */
  readonly leadChars?: Readonly<LeadCounts>;
}

/** The outcome's fields, all there in a snapshot (the version 1 snapshot has none). */
type OutcomeKey = 'aiFate' | LeadMeasure;
const OUTCOME_KEYS: ReadonlySet<string> = new Set<OutcomeKey>(['aiFate', ...LEAD_MEASURES]);

/** The snapshot's current version; version 1 (without the outcome) is still served for one release. */
export const SNAPSHOT_VERSION = 2;

/**
 * A span's totals with what became of its AI characters and who led its files. Both are measured
 * live for today and the session, so they are always there (zeros when nothing happened).
 */
export type SnapshotSpan = Totals & {
  readonly aiFate: Readonly<FateCounts> & { readonly pending: number };
  /** Files (per session) by who led. */
  readonly lead: Readonly<LeadCounts>;
  /** Sessions by who led (the session in `session` counts once it has ended). */
  readonly leadSessions: Readonly<LeadCounts>;
  /** Own and AI characters of the files, by who led each file. */
  readonly leadChars: Readonly<LeadCounts>;
};

/** The public API's snapshot (`getSnapshot()`, command `ownershipRatio.snapshot`), version 2. Plain JSON. */
export interface Snapshot {
  readonly version: typeof SNAPSHOT_VERSION;
  /** This window's open session, else its latest one today, else an empty one (`id` '', start = end = now). */
  readonly session: SnapshotSpan & { readonly id: string; readonly start: string; readonly end: string };
  /** Today (local date of now), all windows of this workspace. */
  readonly today: SnapshotSpan & { readonly date: DayKey };
  /** The last attributions of this window, oldest first. */
  readonly recent: readonly Attribution[];
}

/**
 * Version 1 of the snapshot, as release 0.1 served it: the totals without the outcome.
 * @deprecated Served for one more release; read version 2 (`aiFate`, `lead` in each span).
 */
export interface SnapshotV1 {
  readonly version: 1;
  readonly session: Totals & { readonly id: string; readonly start: string; readonly end: string };
  readonly today: Totals & { readonly date: DayKey };
  readonly recent: readonly Attribution[];
}

function withoutOutcome<T extends SnapshotSpan>(span: T): Omit<T, OutcomeKey> {
  return Object.fromEntries(Object.entries(span).filter(([key]) => !OUTCOME_KEYS.has(key))) as Omit<T, OutcomeKey>;
}

/** The same snapshot in version 1. */
export function snapshotV1(snapshot: Snapshot): SnapshotV1 {
  return { version: 1, session: withoutOutcome(snapshot.session), today: withoutOutcome(snapshot.today), recent: snapshot.recent };
}

/** Which version a caller asks for (`{ version: 1 }` for the old one); anything else gets the current one. */
export function requestedSnapshotVersion(options: unknown): 1 | typeof SNAPSHOT_VERSION {
  return typeof options === 'object' && options !== null && (options as { version?: unknown }).version === 1 ? 1 : SNAPSHOT_VERSION;
}

/** A span's outcome with every field there (zeros where nothing was measured). */
function fullOutcome(span: SpanAgg | undefined, pending: number): Pick<SnapshotSpan, OutcomeKey> {
  const { aiFate, lead, leadSessions, leadChars } = outcomeOf(span, pending);
  return {
    aiFate: aiFate ?? { kept: 0, reworked: 0, removed: 0, pending: 0 },
    lead: lead ?? emptyLead(),
    leadSessions: leadSessions ?? emptyLead(),
    leadChars: leadChars ?? emptyLead(),
  };
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
  const out: { -readonly [K in keyof Outcome]: Outcome[K] } = {};
  if (fate !== undefined || pending > 0) {
    out.aiFate = { kept: fate?.kept ?? 0, reworked: fate?.reworked ?? 0, removed: fate?.removed ?? 0, pending };
  }
  for (const measure of LEAD_MEASURES) {
    const counts = span?.outcome[measure];
    if (counts !== undefined) {
      out[measure] = { ...counts };
    }
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
    version: SNAPSHOT_VERSION,
    session: {
      id: session?.id ?? '',
      start: formatLocalIso(session?.start ?? now, tz),
      end: formatLocalIso(session?.end ?? now, tz),
      ...(session === undefined ? { ...NO_TOTALS, chars: emptyCounts(), aiChatBy: emptyAiChatBy() } : session.totals(pasteCountsAs)),
      ...fullOutcome(session, session === undefined ? 0 : pending(session.start, session.end)),
    },
    today: { date: today.date, ...today.span.totals(pasteCountsAs), ...fullOutcome(today.span, pending(now - ((now + tz(now) * MINUTE_MS) % DAY_MS), now)) },
    recent,
  };
}

/**
 * What is read of a history day by day (the dashboard, the CSV export): this workspace's store
 * (`HistoryStore` satisfies it), or all projects summed.
 */
export interface DayReader {
  days(from: DayKey, to: DayKey): DaySummary[];
  sessionsOf(day: DayKey): SessionSummary[];
  dayRange(): { readonly first: DayKey; readonly last: DayKey } | undefined;
}
