import type { Attribution } from '../attribution/types';
import { CATEGORIES } from '../categories';
import { sessionLead } from '../fate/lead';
import type { FateCounts } from '../fate/outcome';
import { SessionLeads } from '../fate/sessionLeads';
import { compactHistory, type RetentionPolicy } from '../history/compaction';
import { SessionAgg, SpanAgg, emptyHistory, type HistoryData } from '../history/model';
import { MINUTE_MS, dayKeyFromIndex, localDayIndex, type DayKey, type TzOffset } from './localDay';

export interface SessionTrackerOptions {
  readonly tz: TzOffset;
  /** A session ends after this much time without a user edit (setting, default 20 minutes). */
  readonly idleGapMs: number;
  /** Appended to session ids so sessions of different windows never share one. */
  readonly windowTag: string;
}

const CATEGORY_SET: Readonly<Record<string, true>> = Object.fromEntries(CATEGORIES.map((c) => [c, true]));

/**
 * Turns attributions into sessions and local-day aggregates, in memory ("live" data of this
 * window since it loaded). Rules:
 * - A session starts with the first user edit (any category but `external`) and ends after
 *   `idleGapMs` without one, when the window closes, or at local midnight (it is split: each piece
 *   belongs to one day). `external` edits (reload from disk, git checkout) count in the day, and in
 *   the session if one is open, but never start or extend one.
 * - An active minute is a wall-clock minute with at least one user edit.
 * - The local day is re-derived whenever the epoch minute changes. Local midnight and DST changes
 *   fall on minute boundaries, so that is exact; a time-zone change is seen within a minute.
 * - A clock moving backwards never makes a duration negative (`end` only grows) and never
 *   duplicates a day: counts go to the local day of the edit's own timestamp.
 * `record` is O(1) and allocates nothing except when a day, session or language first appears.
 */
export class SessionTracker {
  readonly live: HistoryData = emptyHistory();
  private current: SessionAgg | undefined;
  /** Timestamp of the last user edit: the idle gap is measured from it. */
  private lastAt = Number.NaN;
  private lastMinute = Number.NaN;
  private dayIndex = Number.NaN;
  private dayKey: DayKey = '';
  private day: SpanAgg = new SpanAgg();
  private readonly leads = new SessionLeads<SessionAgg>();

  constructor(private options: SessionTrackerOptions) {}

  setIdleGap(idleGapMs: number): void {
    this.options = { ...this.options, idleGapMs };
  }

  /** Returns false (and counts nothing) for an attribution with impossible numbers or category. */
  record(a: Attribution): boolean {
    const at = a.at;
    if (!this.isCountable(a)) {
      return false;
    }
    const minute = Math.floor(at / MINUTE_MS);
    if (minute !== this.lastMinute) {
      this.lastMinute = minute;
      this.locateDay(at);
    }
    const day = this.day;
    day.add(a);
    let session = this.current;
    const open = session !== undefined && session.day === this.dayKey && !(at - this.lastAt > this.options.idleGapMs);
    if (a.category === 'external') {
      if (open) {
        session?.add(a);
      }
      return true;
    }
    if (!open || session === undefined) {
      session = this.startSession(at, day);
    }
    session.add(a);
    if (at > session.end) {
      session.end = at;
    }
    this.lastAt = at;
    if (session.lastMinute !== minute) {
      session.lastMinute = minute;
      session.activeMinutes++;
    }
    if (day.lastMinute !== minute) {
      day.lastMinute = minute;
      day.activeMinutes++;
    }
    return true;
  }

  /**
   * Counts `next` instead of `previous`, recorded before (an action decided otherwise: same time,
   * size and language, another category). Active minutes and sessions stay as they are. Returns
   * false when `previous` was not counted here (compacted away, impossible numbers).
   */
  replace(previous: Attribution, next: Attribution): boolean {
    if (!this.isCountable(previous) || !this.isCountable(next) || previous.category === 'external' || next.category === 'external') {
      return false;
    }
    const dayKey = dayKeyFromIndex(localDayIndex(previous.at, this.options.tz));
    const day = this.live.days.get(dayKey);
    if (day === undefined) {
      return false;
    }
    day.remove(previous);
    day.add(next);
    const sessions = this.live.sessions.get(dayKey) ?? [];
    for (let i = sessions.length - 1; i >= 0; i--) {
      const session = sessions[i];
      if (session.start <= previous.at && previous.at <= session.end) {
        session.remove(previous);
        session.add(next);
        break;
      }
    }
    return true;
  }

  /** What became of AI text inserted at `at` (settled at its horizon): counted in that day and its session. */
  recordFate(at: number, fate: Readonly<FateCounts>): true {
    for (const span of this.spansAt(at)) {
      span.outcome.addFate(fate);
    }
    return true;
  }

  /**
   * Follows a counted attribution's file for who led it (call after `record`): when another
   * session starts, the files of the one before count by their lead in it and its day.
   */
  noteLead(documentKey: string, a: Attribution): boolean {
    const session = this.current;
    if (session === undefined || a.category === 'external') {
      return false;
    }
    const settled = this.leads.current !== undefined && this.leads.current !== session && this.settleLeads();
    this.leads.note(session, documentKey, a.category, a.chars);
    return settled;
  }

  /** The followed session's leads count now if it ended by `now` (idle, midnight), or always without `now` (the window closes). */
  settleLeads(now?: number): boolean {
    const session = this.leads.current;
    if (session === undefined || (now !== undefined && this.openSession(now) === session)) {
      return false;
    }
    const { leads } = this.leads.take();
    const lead = sessionLead(leads);
    if (lead === undefined) {
      return false;
    }
    for (const span of this.spansAt(session.end)) {
      for (const file of leads) {
        span.outcome.addLead(file.lead, 1, 'lead');
        span.outcome.addLead(file.lead, file.chars, 'leadChars');
      }
      span.outcome.addLead(lead, 1, 'leadSessions');
    }
    return true;
  }

  /** The day of `at` (created if compacted away) and the session holding it, if any. */
  private spansAt(at: number): SpanAgg[] {
    const dayKey = dayKeyFromIndex(localDayIndex(at, this.options.tz));
    let day = this.live.days.get(dayKey);
    if (day === undefined) {
      day = new SpanAgg();
      this.live.days.set(dayKey, day);
    }
    const sessions = this.live.sessions.get(dayKey) ?? [];
    for (let i = sessions.length - 1; i >= 0; i--) {
      if (sessions[i].start <= at && at <= sessions[i].end) {
        return [day, sessions[i]];
      }
    }
    return [day];
  }

  /** The open session at `now`: its last user edit is within the idle gap and on today's date. */
  openSession(now: number): SessionAgg | undefined {
    const s = this.current;
    if (s === undefined || now - this.lastAt > this.options.idleGapMs) {
      return undefined;
    }
    return dayKeyFromIndex(localDayIndex(now, this.options.tz)) === s.day ? s : undefined;
  }

  /** The open session, else the latest one if it is of `day`. */
  sessionOf(now: number, day: DayKey): SessionAgg | undefined {
    return this.openSession(now) ?? (this.current?.day === day ? this.current : undefined);
  }

  /** The latest session of this window (open or ended), if any. */
  latestSession(): SessionAgg | undefined {
    return this.current;
  }

  /** Compacts the live data; the tracker re-derives its day on the next edit. */
  compact(today: DayKey, policy: RetentionPolicy): void {
    if (!compactHistory(this.live, today, policy)) {
      return;
    }
    this.lastMinute = Number.NaN;
    this.dayIndex = Number.NaN;
    const s = this.current;
    if (s !== undefined && !(this.live.sessions.get(s.day)?.includes(s) ?? false)) {
      this.current = undefined;
    }
  }

  private isCountable(a: Attribution): boolean {
    return Number.isSafeInteger(a.at) && Number.isSafeInteger(a.chars) && a.chars >= 0 && Number.isSafeInteger(a.deleted)
      && a.deleted >= 0 && CATEGORY_SET[a.category] === true && typeof a.languageId === 'string';
  }

  private locateDay(at: number): void {
    const index = localDayIndex(at, this.options.tz);
    if (index === this.dayIndex) {
      return;
    }
    this.dayIndex = index;
    this.dayKey = dayKeyFromIndex(index);
    let day = this.live.days.get(this.dayKey);
    if (day === undefined) {
      day = new SpanAgg();
      this.live.days.set(this.dayKey, day);
    }
    this.day = day;
  }

  private startSession(at: number, day: SpanAgg): SessionAgg {
    let list = this.live.sessions.get(this.dayKey);
    if (list === undefined) {
      list = [];
      this.live.sessions.set(this.dayKey, list);
    }
    let id = `${at.toString(36)}-${this.options.windowTag}`;
    if (list.some((s) => s.id === id)) {
      id = `${id}-${list.length}`;
    }
    const session = new SessionAgg(id, this.dayKey, at, at);
    list.push(session);
    day.sessions++;
    this.current = session;
    return session;
  }
}
