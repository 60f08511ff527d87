import * as v from 'valibot';
import { CATEGORIES, emptyCounts, type PasteCountsAs } from '../categories';
import { ownershipRatio } from '../ratio';
import { isDayKey, type DayKey } from '../sessions/localDay';
import { AI_CHAT_SOURCES, emptyAiChatBy } from '../terminal/aiChatBy';
import type { DaySummary } from './snapshot';

/*
 * "All projects": each workspace keeps a copy of its daily totals in the global storage folder
 * (`projects/<key>.json`, never synced), so that any window can show them summed. Counts only:
 * per day the characters per category, the estimated AI part, where chat work came from, the
 * active minutes and the sessions. Never code, never file names.
 */

export const PROJECT_FILE_VERSION = 1;

/** Per day, in this order: the categories, then the estimated AI characters, aiChat by source, minutes and sessions. */
const DAY_FIELDS = CATEGORIES.length + 1 + AI_CHAT_SOURCES.length + 2;

/** A day's figures as the file keeps them. */
export type ProjectDay = readonly number[];

export interface ProjectFile {
  readonly v: typeof PROJECT_FILE_VERSION;
  /** The workspace's folder names, as the dashboard shows it. */
  readonly name: string;
  /** When a window of it last wrote this copy (epoch ms). */
  readonly updated: number;
  readonly days: Readonly<Record<DayKey, ProjectDay>>;
}

/** A project's copy is this large at most (ten years of days fit in a fraction of it); a larger file is not read. */
export const MAX_PROJECT_FILE_BYTES = 2 * 1024 * 1024;
/** At most this many other projects are read: the view stays quick however many folders were opened. */
export const MAX_PROJECTS = 200;
const MAX_DAYS = 20_000;

const count = v.pipe(v.number(), v.finite(), v.minValue(0));
const daySchema = v.pipe(v.array(count), v.length(DAY_FIELDS));
const fileSchema = v.object({
  v: v.literal(PROJECT_FILE_VERSION),
  name: v.pipe(v.string(), v.maxLength(1024)),
  updated: v.pipe(v.number(), v.finite()),
  days: v.pipe(
    v.record(v.pipe(v.string(), v.check(isDayKey, 'not a calendar day')), daySchema),
    v.check((days) => Object.keys(days).length <= MAX_DAYS, 'too many days'),
  ),
});

export type ParsedProject =
  | { readonly ok: true; readonly file: ProjectFile }
  /** `newer`: written by a newer version of the extension; left as it is and not shown. */
  | { readonly ok: false; readonly newer: boolean; readonly reason: string };

/** Reads a project's copy; what cannot be read is reported (the caller sets it aside), never patched. */
export function parseProjectFile(value: unknown): ParsedProject {
  const version = typeof value === 'object' && value !== null ? (value as { v?: unknown }).v : undefined;
  if (typeof version === 'number' && version > PROJECT_FILE_VERSION) {
    return { ok: false, newer: true, reason: `version ${version}` };
  }
  const result = v.safeParse(fileSchema, value);
  if (!result.success) {
    return { ok: false, newer: false, reason: result.issues.slice(0, 3).map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`).join('; ') };
  }
  return { ok: true, file: result.output };
}

/**
 * A workspace's key, from its storage folder (`…/workspaceStorage/<workspace id>/<extension id>`):
 * the workspace id VS Code gave it, safe as a file name. Undefined when the path has no such part.
 */
export function projectKey(storagePath: string): string | undefined {
  const parts = storagePath.split('/').filter((part) => part.length > 0);
  const id = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  return id !== undefined && isProjectKey(id) ? id : undefined;
}

/** A key is safe as a file name: no path, no hidden file. */
function isProjectKey(key: string): boolean {
  return /^[A-Za-z0-9._-]{1,128}$/.test(key) && !key.startsWith('.');
}

/** A file name under `projects/` that is a project's copy (not a temporary file), with its key. */
export function keyOfProjectFile(name: string): string | undefined {
  const key = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
  return isProjectKey(key) ? key : undefined;
}

/** This workspace's copy of its days; days with nothing counted are left out. Undefined when none is left. */
export function encodeProjectFile(name: string, days: readonly DaySummary[], updated: number): ProjectFile | undefined {
  const encoded: Record<DayKey, ProjectDay> = {};
  for (const day of days) {
    const figures = [
      ...CATEGORIES.map((category) => day.chars[category]),
      day.estimatedAiChars,
      ...AI_CHAT_SOURCES.map((source) => day.aiChatBy[source]),
      day.activeMinutes,
      day.sessions,
    ].map((value) => (Number.isFinite(value) && value > 0 ? Math.round(value) : 0));
    if (figures.some((value) => value > 0)) {
      encoded[day.date] = figures;
    }
  }
  return Object.keys(encoded).length === 0 ? undefined : { v: PROJECT_FILE_VERSION, name, updated, days: encoded };
}

/** A day summary being added up. */
export type MutableDaySummary = { -readonly [K in keyof DaySummary]: DaySummary[K] };

/** A day with nothing counted: the shape a copy's day is read into (no languages, fate or leads). */
export function emptyDaySummary(date: DayKey): MutableDaySummary {
  return {
    date, chars: emptyCounts(), estimatedAiChars: 0, aiChatBy: emptyAiChatBy(), ownershipRatio: null, deletedChars: 0,
    accepts: { inline: 0, chat: 0 }, activeMinutes: 0, languages: {}, sessions: 0,
  };
}

/** A stored day as the dashboard reads days: no languages, fate or leads (the copy does not keep them). */
export function projectDaySummary(date: DayKey, figures: ProjectDay, pasteCountsAs: PasteCountsAs): DaySummary {
  const day = emptyDaySummary(date);
  CATEGORIES.forEach((category, index) => {
    day.chars[category] = figures[index];
  });
  AI_CHAT_SOURCES.forEach((source, index) => {
    day.aiChatBy[source] = figures[CATEGORIES.length + 1 + index];
  });
  day.estimatedAiChars = figures[CATEGORIES.length];
  day.ownershipRatio = ownershipRatio(day.chars, pasteCountsAs);
  day.activeMinutes = figures[DAY_FIELDS - 2];
  day.sessions = figures[DAY_FIELDS - 1];
  return day;
}
