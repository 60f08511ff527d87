import { stringify, type Options as StringifyOptions } from 'csv-stringify/sync';
import type { DayReader, DaySummary, SessionSummary, SpanSummary } from '../history/snapshot';
import { aiChars } from '../ratio';
import { addDays, formatLocalIso, type DayKey, type TzOffset } from '../sessions/localDay';
import { AI_CHAT_SOURCES, aiChatNotSplit } from '../terminal/aiChatBy';

/**
 * CSV export of the user's own history (pure: no `vscode`, no file system). Records are written by
 * `csv-stringify` (its formula escaping included); this module only chooses the options and casts
 * cells: the library's formula escaping misses a leading LF, and NUL must not reach a file.
 *
 * Format (stable; documented for spreadsheets and scripts):
 * - RFC 4180: records end with CRLF, fields containing the delimiter, `"`, CR or LF (and, for
 *   safety when a file is opened with the other delimiter, `,` `;` and tab, or with white space at
 *   either end) are quoted, with inner quotes doubled. The header row is always present: an empty history gives a header-only file.
 * - New columns are added at the end, so every column keeps its position.
 * - Numbers are written as plain JavaScript numbers with a `.` decimal point, or a `,` when asked
 *   (`decimal`, for spreadsheets in comma-decimal locales), never otherwise localised or prefixed; an unknown value (no ratio on a day without own or AI characters) is an empty
 *   cell. Ratios and shares are fractions 0–1 rounded to 4 decimals.
 * - Dates are `YYYY-MM-DD` (local day); instants are ISO 8601 with the local offset.
 * - Text cells that a spreadsheet would run as a formula (first character `=` `+` `-` `@`, tab,
 *   CR, LF, or their full-width forms `＝` `＋` `－` `＠`; OWASP "CSV injection") get a leading `'`
 *   and are always quoted. NUL becomes U+FFFD, as do lone surrogates, so the text is well-formed
 *   UTF-8 (the TextEncoder would do that anyway) and never throws.
 * - Optional UTF-8 BOM (default on: Excel on Windows then reads UTF-8 correctly) and `;` delimiter
 *   (for spreadsheets in locales whose list separator is `;`, e.g. de-DE, nl-NL).
 *
 * Large exports are produced as an async generator of string chunks that pauses for the event
 * loop every `sliceMs` (default 20 ms), so the extension host is never blocked for long.
 */

export type CsvDelimiter = ',' | ';';
export type CsvDecimal = '.' | ',';
export type CsvCell = string | number | null | undefined;

export interface CsvOptions {
  /** Default `,`. */
  readonly delimiter?: CsvDelimiter;
  /** The decimal mark of numbers; default `.` (`,` for spreadsheets in comma-decimal locales). */
  readonly decimal?: CsvDecimal;
  /** Prepend U+FEFF to the first chunk. Default true. */
  readonly bom?: boolean;
  /** Time budget of one synchronous slice before pausing for the event loop. Default 20 ms. */
  readonly sliceMs?: number;
  /** How to pause; default a macrotask (`setTimeout(0)`). Tests and benchmarks may count pauses. */
  readonly pause?: () => Promise<void>;
}

export const CSV_BOM = '\uFEFF';

/** The daily summary CSV, one row per local day with data, ascending. */
export const DAILY_COLUMNS = [
  'date',
  'typed', 'ai_inline', 'ai_chat', 'paste', 'tool', 'undo_redo', 'external',
  'deleted', 'ownership_ratio', 'estimated_ai_chars', 'estimated_ai_share',
  'accepts_inline', 'accepts_chat', 'active_minutes', 'sessions', 'languages',
  'ai_chat_chat', 'ai_chat_extension', 'ai_chat_terminal',
  'ai_kept', 'ai_reworked', 'ai_removed', 'led_you', 'led_ai', 'led_mixed',
  'led_sessions_you', 'led_sessions_ai', 'led_sessions_mixed', 'led_chars_you', 'led_chars_ai', 'led_chars_mixed',
] as const;

/** The sessions CSV: one row per session (piece within a local day) kept in detail, by start time. */
export const SESSION_COLUMNS = [
  'session_id', 'date', 'start', 'end', 'duration_minutes',
  'typed', 'ai_inline', 'ai_chat', 'paste', 'tool', 'undo_redo', 'external',
  'deleted', 'ownership_ratio', 'estimated_ai_chars', 'estimated_ai_share',
  'accepts_inline', 'accepts_chat', 'active_minutes', 'languages',
  'ai_chat_chat', 'ai_chat_extension', 'ai_chat_terminal',
  'ai_kept', 'ai_reworked', 'ai_removed', 'led_you', 'led_ai', 'led_mixed',
  'led_sessions_you', 'led_sessions_ai', 'led_sessions_mixed', 'led_chars_you', 'led_chars_ai', 'led_chars_mixed',
] as const;

/** One day's reflection as the CSV takes it (a plain shape, independent of the reflection model). */
export interface ReflectionCsvRecord {
  readonly date: DayKey;
  readonly ratings: Readonly<Record<string, number | undefined>>;
  readonly answers: Readonly<Record<string, string | undefined>>;
  /** ISO 8601 text, or epoch ms (written as ISO 8601 with the local offset). */
  readonly updatedAt?: string | number;
}

export interface ReflectionCsvOptions extends CsvOptions {
  /** Local offset for `updatedAt` given as epoch ms (the calendar's zone). */
  readonly tz: TzOffset;
  /** Fixed rating / answer keys (column order); default: every key found, sorted. */
  readonly ratingKeys?: readonly string[];
  readonly answerKeys?: readonly string[];
}

// ---------------------------------------------------------------- cells

/** What a spreadsheet would run as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;
/** Quoted beyond what the library quotes (delimiter, `"`, CR, LF): either delimiter, tab, white space at either end. */
const ALSO_QUOTED = /[,;\t]|^\s|\s$/;
const NUL_OR_SURROGATE = /[\0\uD800-\uDFFF]/;
const NUL = /\0/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

type CastText = string | { value: string; quoted: true };

/**
 * A text cell before the library writes it. NUL must never reach a file, and lone surrogates would
 * not survive UTF-8: both become U+FFFD. Formula-like text is always quoted; the library's
 * `escape_formulas` adds the `'`, except before LF, which it does not cover, so that one is added here.
 */
function castText(value: string): CastText {
  const text = NUL_OR_SURROGATE.test(value) ? value.replace(NUL, '\uFFFD').replace(LONE_SURROGATE, '\uFFFD') : value;
  if (!FORMULA_START.test(text)) {
    return text;
  }
  return { value: text.charCodeAt(0) === 0x0a ? `'${text}` : text, quoted: true };
}

/** Finite numbers as JavaScript writes them (`-3`, `0.25`, or `0,25` with a decimal comma); anything else an empty cell. */
function castNumber(decimal: CsvDecimal): (value: number) => string | null {
  return (value) => (Number.isFinite(value) ? (decimal === '.' ? String(value) : String(value).replace('.', decimal)) : null);
}

function stringifyOptions(delimiter: CsvDelimiter, decimal: CsvDecimal): StringifyOptions {
  return {
    delimiter,
    record_delimiter: 'windows',
    // With a record delimiter given, the library would quote only CRLF, not a lone CR or LF.
    quote_record_delimiter: true,
    quoted_match: ALSO_QUOTED,
    escape_formulas: true,
    cast: { string: castText, number: castNumber(decimal) },
  };
}

const OPTIONS: Readonly<Record<`${CsvDelimiter}${CsvDecimal}`, StringifyOptions>> = {
  ',.': stringifyOptions(',', '.'), ';.': stringifyOptions(';', '.'), ',,': stringifyOptions(',', ','), ';,': stringifyOptions(';', ','),
};

/** Records as CSV text, each ending with CRLF (none: the empty string). */
export function formatRows(rows: readonly (readonly CsvCell[])[], delimiter: CsvDelimiter = ',', decimal: CsvDecimal = '.'): string {
  return stringify(rows as unknown[], OPTIONS[`${delimiter}${decimal}`]);
}

/** One record as CSV text, ending with CRLF. */
export function formatRow(cells: readonly CsvCell[], delimiter: CsvDelimiter = ',', decimal: CsvDecimal = '.'): string {
  return formatRows([cells], delimiter, decimal);
}

// ---------------------------------------------------------------- rows

function round4(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10_000) / 10_000;
}

function estimatedShare(span: SpanSummary): number | null {
  const ai = aiChars(span.chars);
  return ai > 0 ? round4(span.estimatedAiChars / ai) : null;
}

/** Languages by volume, `id:chars` separated by spaces (e.g. `typescript:1200 json:80 other:5`). */
export function languagesCell(languages: SpanSummary['languages']): string {
  const entries = Object.entries(languages).map(([id, counts]) => {
    let sum = 0;
    for (const value of Object.values(counts)) {
      sum += value;
    }
    return [id, sum] as const;
  });
  entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return entries.map(([id, sum]) => `${id}:${sum}`).join(' ');
}

function spanCells(span: SpanSummary): CsvCell[] {
  const c = span.chars;
  return [
    c.typed, c.aiInline, c.aiChat, c.paste, c.tool, c.undoRedo, c.external,
    span.deletedChars, round4(span.ownershipRatio), span.estimatedAiChars, estimatedShare(span),
    span.accepts.inline, span.accepts.chat, span.activeMinutes,
  ];
}

/**
 * `ai_chat` by source (chat, extension, terminal). Empty cells for a span whose AI chat work was
 * all counted before the split existed: nothing is made up. A span counted partly before it has
 * the known part here, and the rest of `ai_chat` in none of them.
 */
function aiChatByCells(span: SpanSummary): CsvCell[] {
  const unsplit = span.chars.aiChat > 0 && aiChatNotSplit(span.chars.aiChat, span.aiChatBy) === span.chars.aiChat;
  return AI_CHAT_SOURCES.map((source) => (unsplit ? null : span.aiChatBy[source]));
}

/** The fate of AI text and who led: empty cells where they were not measured (days from before). */
function outcomeCells(span: SpanSummary): CsvCell[] {
  const fate = span.aiFate;
  const leads = [span.lead, span.leadSessions, span.leadChars].flatMap((lead) => [lead?.you, lead?.ai, lead?.mixed]);
  return [fate?.kept, fate?.reworked, fate?.removed, ...leads];
}

export function dailyRow(day: DaySummary): CsvCell[] {
  return [day.date, ...spanCells(day), day.sessions, languagesCell(day.languages), ...aiChatByCells(day), ...outcomeCells(day)];
}

export function sessionRow(session: SessionSummary): CsvCell[] {
  const duration = (Date.parse(session.end) - Date.parse(session.start)) / 60_000;
  return [
    session.id, session.date, session.start, session.end, Number.isFinite(duration) ? Math.round(duration * 100) / 100 : null,
    ...spanCells(session), languagesCell(session.languages), ...aiChatByCells(session), ...outcomeCells(session),
  ];
}

/** Column name from a user-visible key: lower case `[a-z0-9_]`, at most 64 chars. */
function columnKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9_]+/g, '_').slice(0, 64) || '_';
}

function sortedKeys(records: readonly ReflectionCsvRecord[], pick: (r: ReflectionCsvRecord) => object): string[] {
  const keys = new Set<string>();
  for (const record of records) {
    for (const key of Object.keys(pick(record))) {
      keys.add(key);
    }
  }
  return [...keys].sort();
}

/** The reflections CSV columns: `date`, `rating_<key>`…, `answer_<key>`…, `updated_at`. */
export function reflectionColumns(ratingKeys: readonly string[], answerKeys: readonly string[]): string[] {
  return ['date', ...ratingKeys.map((k) => `rating_${columnKey(k)}`), ...answerKeys.map((k) => `answer_${columnKey(k)}`), 'updated_at'];
}

function reflectionRow(record: ReflectionCsvRecord, ratingKeys: readonly string[], answerKeys: readonly string[], tz: TzOffset): CsvCell[] {
  const own = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);
  const ratings = ratingKeys.map((k) => {
    const value = own(record.ratings, k) ? record.ratings[k] : undefined;
    return typeof value === 'number' ? value : null;
  });
  const answers = answerKeys.map((k) => {
    const value = own(record.answers, k) ? record.answers[k] : undefined;
    return typeof value === 'string' ? value : null;
  });
  const updated = record.updatedAt;
  const updatedCell = typeof updated === 'number' ? (Number.isFinite(updated) ? formatLocalIso(updated, tz) : null) : updated;
  return [record.date, ...ratings, ...answers, updatedCell];
}

// ---------------------------------------------------------------- chunked output

const now = (): number => (typeof performance === 'undefined' ? Date.now() : performance.now());
const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
/** Rows per library call, and between looks at the clock. */
const BATCH_ROWS = 64;

/**
 * The CSV text of a header and rows, as chunks of whole records. Pauses (`options.pause`) whenever
 * `sliceMs` has passed since the last pause, so even the row source's own work (it runs lazily
 * inside this loop) is cut into short slices.
 */
export async function* csvChunks(header: readonly string[], rows: Iterable<readonly CsvCell[]>, options: CsvOptions = {}): AsyncGenerator<string> {
  const delimiter = options.delimiter ?? ',';
  const decimal = options.decimal ?? '.';
  const sliceMs = options.sliceMs ?? 20;
  const pause = options.pause ?? macrotask;
  let chunk = ((options.bom ?? true) ? CSV_BOM : '') + formatRow(header, delimiter);
  let sliceStart = now();
  // A library call per batch is about twice as fast as one per row; checking the time costs little,
  // but not nothing, so it is checked once per batch too.
  let batch: (readonly CsvCell[])[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === BATCH_ROWS) {
      chunk += formatRows(batch, delimiter, decimal);
      batch = [];
      if (now() - sliceStart >= sliceMs) {
        yield chunk;
        chunk = '';
        await pause();
        sliceStart = now();
      }
    }
  }
  yield chunk + formatRows(batch, delimiter, decimal);
}

/** Days of the history in windows of `windowDays`, ascending (each window is one `days()` call). */
function* dayRows(source: DayReader, windowDays = 62): Generator<CsvCell[]> {
  const range = source.dayRange();
  if (range === undefined) {
    return;
  }
  let from = range.first;
  while (from <= range.last) {
    const to = addDays(from, windowDays - 1);
    for (const day of source.days(from, to < range.last ? to : range.last)) {
      yield dailyRow(day);
    }
    from = addDays(to, 1);
  }
}

function* sessionRows(source: DayReader): Generator<CsvCell[]> {
  const range = source.dayRange();
  if (range === undefined) {
    return;
  }
  for (let day = range.first; day <= range.last; day = addDays(day, 1)) {
    for (const session of source.sessionsOf(day)) {
      yield sessionRow(session);
    }
  }
}

/** The daily summary CSV of the whole history. */
export function dailyCsv(source: DayReader, options: CsvOptions = {}): AsyncGenerator<string> {
  return csvChunks(DAILY_COLUMNS, dayRows(source), options);
}

/** The sessions CSV: every session still kept in detail (see `sessionDetailDays`), by day and start. */
export function sessionsCsv(source: DayReader, options: CsvOptions = {}): AsyncGenerator<string> {
  return csvChunks(SESSION_COLUMNS, sessionRows(source), options);
}

/** The reflections CSV, one row per record in the given order. */
export function reflectionsCsv(records: readonly ReflectionCsvRecord[], options: ReflectionCsvOptions): AsyncGenerator<string> {
  const ratingKeys = options.ratingKeys ?? sortedKeys(records, (r) => r.ratings);
  const answerKeys = options.answerKeys ?? sortedKeys(records, (r) => r.answers);
  const tz = options.tz;
  function* rows(): Generator<CsvCell[]> {
    for (const record of records) {
      yield reflectionRow(record, ratingKeys, answerKeys, tz);
    }
  }
  return csvChunks(reflectionColumns(ratingKeys, answerKeys), rows(), options);
}

/** All chunks as one string (tests, small exports). */
export async function collectCsv(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) {
    text += chunk;
  }
  return text;
}

/** All chunks as UTF-8 bytes. Each chunk is well-formed text (whole records), so encoding per chunk is exact. */
export async function csvBytes(chunks: AsyncIterable<string>): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    const bytes = encoder.encode(chunk);
    parts.push(bytes);
    size += bytes.length;
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
