import * as v from 'valibot';
import { isDayKey, type DayKey } from '../sessions/localDay';
import { BACKUP_KIND } from './model';
import type { EncodedHistory } from './codec';

/**
 * The stored shapes (schema v2) and their validation with valibot; the TypeScript types of the
 * stored values are derived from these schemas, so they are written once. Short keys keep a year
 * of history well under 150 KB. Each value is checked in three layers so that one bad part never
 * costs the good ones (a value of the wrong type, one bad day entry):
 *   1. a version probe: `v` above the current version → read-only (after a downgrade), never rewritten;
 *   2. the envelope (`v`, owner, times); a broken envelope is salvaged field by field;
 *   3. each day entry and each session on its own: valid → kept; repairable (a negative or NaN
 *      count, a numeric string, a fraction) → repaired; otherwise dropped. Every repair or drop is
 *      reported as an issue (paths only, never values).
 */

/**
 * Version 2 added the optional fields `ab`, `o`, `ld`, `ls` and `lc`. Version 1 (release 0.1) strips fields it
 * does not know when it rewrites a record, so records with them must look newer to it: it then
 * leaves them alone (read-only) instead of dropping them. A version 1 value has the same shape
 * minus those fields and is read as it is (`ReadableVersion`); whatever is written is version 2.
 */
export const SCHEMA_VERSION = 2;
/** The versions this build reads: the current one and version 1, which it upgrades on the next write. */
const ReadableVersion = v.union([v.literal(1), v.literal(2)]);

// ---- strict schemas: what we write ----

const Count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const Counts = v.pipe(v.array(Count), v.maxLength(7));
const LanguageId = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const Languages = v.pipe(v.record(LanguageId, Counts), v.maxEntries(40));
const Accepts = v.pipe(v.array(Count), v.maxLength(2));
const AiChatBy = v.pipe(v.array(Count), v.maxLength(3));
const Triple = v.pipe(v.array(Count), v.length(3));

/** The estimated part of the AI share can't exceed the AI share (aiInline + aiChat). */
function estimatedWithinAi(rec: { c: number[]; e?: number }): boolean {
  return (rec.e ?? 0) <= (rec.c[1] ?? 0) + (rec.c[2] ?? 0);
}

/** `aiChat` by source is a breakdown of the aiChat chars: it can't sum to more (it may sum to less: work counted before the split). */
function aiChatByWithinAiChat(rec: { c: number[]; ab?: number[] }): boolean {
  return rec.ab === undefined || rec.ab.reduce((sum, n) => sum + n, 0) <= (rec.c[2] ?? 0);
}

/** Per-language chars are a breakdown of the span's chars: per category they can't sum to more. */
function languagesWithinChars(rec: { c: number[]; l?: Record<string, number[]> }): boolean {
  if (rec.l === undefined) {
    return true;
  }
  const sums = [0, 0, 0, 0, 0, 0, 0];
  for (const counts of Object.values(rec.l)) {
    counts.forEach((n, i) => {
      sums[i] += n;
    });
  }
  return sums.every((n, i) => n <= (rec.c[i] ?? 0));
}

/** The figures of a span of work (a day or a session). Optional fields are omitted when zero. */
const spanEntries = {
  /** chars per category in `CATEGORIES` order, trailing zeros dropped. */
  c: Counts,
  /** estimated part of the AI chars. */
  e: v.optional(Count),
  /**
   * aiChat chars by source: [chat, extension, terminal] (`AI_CHAT_SOURCES`), trailing zeros
   * dropped; absent in history written before the split. What they leave of aiChat is not split.
   */
  ab: v.optional(AiChatBy),
  /** deleted chars. */
  x: v.optional(Count),
  /** accepts: [inline, chat], trailing zeros dropped. */
  a: v.optional(Accepts),
  /** active minutes. */
  m: v.optional(Count),
  /** chars per category per languageId: top languages; the rest (`other`) is derived on read. */
  l: v.optional(Languages),
  /** AI characters by what became of them: [kept, reworked, removed]; only where measured. */
  o: v.optional(Triple),
  /** files by who led: [you, ai, mixed]; only where measured. */
  ld: v.optional(Triple),
  /** sessions by who led: [you, ai, mixed]; only where measured. */
  ls: v.optional(Triple),
  /** own and AI characters of the files by who led them: [you, ai, mixed]; only where measured. */
  lc: v.optional(Triple),
};

export const DayRecSchema = v.pipe(
  /** `n`: sessions (pieces) started that day; kept after the session detail is compacted away. */
  v.object({ ...spanEntries, n: v.optional(Count) }),
  v.check((rec) => estimatedWithinAi(rec), 'estimated AI chars exceed AI chars'),
  v.check((rec) => languagesWithinChars(rec), 'languages exceed chars'),
  v.check((rec) => aiChatByWithinAiChat(rec), 'AI chat sources exceed AI chat chars'),
);

export const SessionRecSchema = v.pipe(
  /** `i`: id; `b`: start, `f`: end (last edit), epoch ms, end ≥ start. */
  v.object({ i: v.pipe(v.string(), v.minLength(1), v.maxLength(64)), b: Count, f: Count, ...spanEntries }),
  v.check((rec) => estimatedWithinAi(rec), 'estimated AI chars exceed AI chars'),
  v.check((rec) => languagesWithinChars(rec), 'languages exceed chars'),
  v.check((rec) => aiChatByWithinAiChat(rec), 'AI chat sources exceed AI chat chars'),
  v.check((s) => s.f >= s.b, 'session ends before it starts'),
);

/** Counts by category in `CATEGORIES` order, trailing zeros dropped. */
export type StoredCounts = number[];
export type SpanRec = v.InferOutput<v.ObjectSchema<typeof spanEntries, undefined>>;
/** One local day of one window. */
export type DayRec = v.InferOutput<typeof DayRecSchema>;
export type SessionRec = v.InferOutput<typeof SessionRecSchema>;

// ---- repair schemas: what we can salvage from a damaged entry ----

/** A count that is not a non-negative integer: a fraction is rounded, a numeric string read, anything else (negative, NaN stored as null, object) becomes 0. */
const RepairCount = v.fallback(v.union([
  Count,
  v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER), v.transform(Math.round)),
  v.pipe(v.string(), v.regex(/^\d{1,15}$/), v.transform(Number)),
]), 0);
const RepairCounts = v.fallback(v.pipe(v.array(RepairCount), v.transform((a) => a.slice(0, 7))), []);
const RepairAccepts = v.fallback(v.pipe(v.array(RepairCount), v.transform((a) => a.slice(0, 2))), []);
/** A damaged split is dropped (undefined), never guessed: the aiChat then reads as not split. */
const RepairAiChatBy = v.fallback(v.optional(v.pipe(v.array(RepairCount), v.transform((a) => a.slice(0, 3)))), undefined);
/** A damaged triple is left out (never invented as zeros). */
const RepairTriple = v.fallback(v.optional(v.pipe(v.array(RepairCount), v.transform((a) => [a[0] ?? 0, a[1] ?? 0, a[2] ?? 0]))), undefined);
const RepairLanguages = v.fallback(v.pipe(
  v.record(v.string(), RepairCounts),
  v.transform((rec) => Object.fromEntries(Object.entries(rec).filter(([id]) => id.length > 0 && id.length <= 64).slice(0, 40))),
), {});
const repairSpanEntries = {
  c: RepairCounts, e: v.optional(RepairCount), ab: RepairAiChatBy, x: v.optional(RepairCount), a: v.optional(RepairAccepts), m: v.optional(RepairCount), l: v.optional(RepairLanguages),
  o: RepairTriple, ld: RepairTriple, ls: RepairTriple, lc: RepairTriple,
};

/** Makes a salvaged span consistent: the estimated share clamped, an impossible language or AI chat source breakdown dropped. */
function clampEstimated<T extends { c: number[]; e?: number; ab?: number[]; l?: Record<string, number[]> }>(rec: T): T {
  if (rec.e !== undefined) {
    rec.e = Math.min(rec.e, (rec.c[1] ?? 0) + (rec.c[2] ?? 0));
  }
  if (!languagesWithinChars(rec)) {
    delete rec.l;
  }
  if (rec.ab === undefined || !aiChatByWithinAiChat(rec)) {
    delete rec.ab;
  }
  return rec;
}

const DayRecRepair = v.pipe(v.object({ ...repairSpanEntries, n: v.optional(RepairCount) }), v.transform(clampEstimated));
const SessionRecRepair = v.pipe(
  v.object({ ...repairSpanEntries, i: v.fallback(v.pipe(v.string(), v.minLength(1), v.maxLength(64)), ''), b: RepairCount, f: RepairCount }),
  v.transform((s) => {
    s.f = Math.max(s.f, s.b);
    if (s.i === '') {
      s.i = `r${s.b.toString(36)}`;
    }
    return clampEstimated(s);
  }),
);

// ---- envelopes ----

const VersionProbe = v.object({ v: v.pipe(v.number(), v.safeInteger()) });
const AnyRecord = v.record(v.string(), v.unknown());

const windowHead = {
  v: ReadableVersion,
  /** the window that owns (writes) the key. */
  w: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  /** last write, epoch ms. */
  t: Count,
  /** 1 when the window closed cleanly: the key may be folded into another window's. */
  z: v.optional(v.literal(1)),
  /** keys folded into this one whose deletion is not confirmed yet: readers skip them. */
  f: v.optional(v.array(v.string())),
};
const WindowEnvelope = v.object({ ...windowHead, d: AnyRecord, s: AnyRecord });
const DaysSchema = v.record(v.string(), DayRecSchema);
const SessionsSchema = v.record(v.string(), v.array(SessionRecSchema));
/** The value of one window's key `history.w.<windowId>`, as written. */
export const WindowRecordSchema = v.object({ ...windowHead, d: DaysSchema, s: SessionsSchema });
/** What we write: always the current version. */
export type StoredWindowRecord = Omit<v.InferOutput<typeof WindowRecordSchema>, 'v'> & { v: typeof SCHEMA_VERSION };

const WindowEnvelopeRepair = v.object({
  w: v.fallback(v.string(), ''),
  t: v.fallback(Count, 0),
  z: v.fallback(v.optional(v.literal(1)), undefined),
  f: v.fallback(v.optional(v.array(v.string())), undefined),
  d: v.fallback(AnyRecord, {}),
  s: v.fallback(AnyRecord, {}),
});

const backupHead = {
  v: ReadableVersion,
  k: v.literal(BACKUP_KIND),
  /** exported at, epoch ms. */
  t: Count,
  /** the reflections exactly as stored (their own versioned value), read by the reflection store on restore. */
  r: v.optional(v.unknown()),
};
const BackupEnvelope = v.object({ ...backupHead, d: AnyRecord, s: AnyRecord });
/** The merged history of all windows, as the host writes it to a backup file. */
export const BackupSchema = v.object({ ...backupHead, d: DaysSchema, s: SessionsSchema });
export type StoredBackup = Omit<v.InferOutput<typeof BackupSchema>, 'v'> & { v: typeof SCHEMA_VERSION };

export interface ParsedWindowRecord {
  readonly w: string;
  readonly t: number;
  readonly closed: boolean;
  readonly folded: readonly string[];
  readonly history: EncodedHistory;
}

export type ParseResult<T> =
  /** Valid as stored. */
  | { readonly kind: 'ok'; readonly value: T }
  /** Parts were repaired or dropped (listed in issues); `value` holds the rest. */
  | { readonly kind: 'repaired'; readonly value: T; readonly issues: readonly string[] }
  /** Written by a newer version: leave it alone. */
  | { readonly kind: 'future'; readonly version: number }
  /** Not a value we can read anything from (wrong type, not ours). */
  | { readonly kind: 'invalid'; readonly issues: readonly string[] };

function issuePaths(issues: readonly v.BaseIssue<unknown>[]): string {
  const paths = issues.map((issue) => v.getDotPath(issue) ?? '(root)');
  return [...new Set(paths)].slice(0, 5).join(', ');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates the day and session entries one by one. */
function parseEntries(d: Record<string, unknown>, s: Record<string, unknown>, issues: string[]): EncodedHistory {
  const days: Record<DayKey, DayRec> = {};
  for (const [day, raw] of Object.entries(d)) {
    if (!isDayKey(day)) {
      issues.push(`d["${day.slice(0, 20)}"]: not a date, dropped`);
      continue;
    }
    const strict = v.safeParse(DayRecSchema, raw);
    if (strict.success) {
      days[day] = strict.output;
      continue;
    }
    const repaired = v.safeParse(DayRecRepair, raw);
    if (repaired.success) {
      days[day] = repaired.output;
      issues.push(`d.${day}: repaired (${issuePaths(strict.issues)})`);
    } else {
      issues.push(`d.${day}: dropped (${issuePaths(strict.issues)})`);
    }
  }
  const sessions: Record<DayKey, SessionRec[]> = {};
  for (const [day, raw] of Object.entries(s)) {
    if (!isDayKey(day) || !Array.isArray(raw)) {
      issues.push(`s["${day.slice(0, 20)}"]: dropped`);
      continue;
    }
    const list: SessionRec[] = [];
    raw.forEach((item: unknown, index) => {
      const strict = v.safeParse(SessionRecSchema, item);
      if (strict.success) {
        list.push(strict.output);
        return;
      }
      const repaired = v.safeParse(SessionRecRepair, item);
      if (repaired.success) {
        list.push(repaired.output);
        issues.push(`s.${day}.${index}: repaired (${issuePaths(strict.issues)})`);
      } else {
        issues.push(`s.${day}.${index}: dropped (${issuePaths(strict.issues)})`);
      }
    });
    if (list.length > 0) {
      sessions[day] = list;
    }
  }
  return { d: days, s: sessions };
}

function probeFuture(raw: unknown): number | undefined {
  const probe = v.safeParse(VersionProbe, raw);
  return probe.success && probe.output.v > SCHEMA_VERSION ? probe.output.v : undefined;
}

/** Reads the value of a `history.w.*` key. */
export function parseWindowRecord(raw: unknown): ParseResult<ParsedWindowRecord> {
  if (!isPlainObject(raw)) {
    return { kind: 'invalid', issues: [`(root): expected an object, got ${raw === null ? 'null' : Array.isArray(raw) ? 'array' : typeof raw}`] };
  }
  const future = probeFuture(raw);
  if (future !== undefined) {
    return { kind: 'future', version: future };
  }
  const issues: string[] = [];
  let envelope: v.InferOutput<typeof WindowEnvelopeRepair>;
  const strict = v.safeParse(WindowEnvelope, raw);
  if (strict.success) {
    envelope = strict.output;
  } else {
    issues.push(`envelope: repaired (${issuePaths(strict.issues)})`);
    envelope = v.parse(WindowEnvelopeRepair, raw);
  }
  const history = parseEntries(envelope.d, envelope.s, issues);
  const value: ParsedWindowRecord = { w: envelope.w, t: envelope.t, closed: envelope.z === 1, folded: envelope.f ?? [], history };
  return issues.length === 0 ? { kind: 'ok', value } : { kind: 'repaired', value, issues };
}

export interface ParsedBackup {
  readonly t: number;
  readonly history: EncodedHistory;
}

/** Reads a backup file's JSON value. A broken envelope makes the whole backup invalid. */
export function parseBackup(raw: unknown): ParseResult<ParsedBackup> {
  if (!isPlainObject(raw)) {
    return { kind: 'invalid', issues: ['(root): expected an object'] };
  }
  const future = probeFuture(raw);
  if (future !== undefined) {
    return { kind: 'future', version: future };
  }
  const envelope = v.safeParse(BackupEnvelope, raw);
  if (!envelope.success) {
    return { kind: 'invalid', issues: [`envelope: ${issuePaths(envelope.issues)}`] };
  }
  const issues: string[] = [];
  const history = parseEntries(envelope.output.d, envelope.output.s, issues);
  const value: ParsedBackup = { t: envelope.output.t, history };
  return issues.length === 0 ? { kind: 'ok', value } : { kind: 'repaired', value, issues };
}
