/**
 * CSV export of two years of heavy use (a very large export): time to produce each file, and the longest
 * stretch the export keeps the event loop busy between pauses (the extension host's budget).
 */
import { calendarOf } from '../src/core/calendar';
import { csvBytes, dailyCsv, sessionsCsv, type CsvOptions } from '../src/core/export/csv';
import { HistoryStore } from '../src/core/history/historyStore';
import { sampleMemento } from '../src/core/history/sampleHistory';
import type { DayReader } from '../src/core/history/snapshot';
import type { Figure } from './report';

const DAYS = 730;
const END = '2025-12-31';
const RUNS = 5;

async function twoYearStore(): Promise<HistoryStore> {
  // Every session kept in detail: the worst case for the sessions CSV (the default keeps 14 days).
  const options = { retentionDays: 0, sessionDetailDays: DAYS };
  const memento = sampleMemento({ seed: 2024, days: DAYS, endDay: END, profile: 'heavy', retention: options });
  const now = Date.UTC(2025, 11, 31, 22);
  const store = new HistoryStore({
    memento,
    calendar: calendarOf({ now: () => now }, () => 60),
    scheduler: { setTimeout: () => 0, clearTimeout: () => undefined },
    windowId: 'bench',
  }, options);
  await store.load();
  return store;
}

interface Timing {
  readonly totalMs: number;
  readonly longestSliceMs: number;
  readonly bytes: number;
}

/** Runs one export with real macrotask pauses; total = busy time (pauses excluded). */
async function timeExport(make: (options: CsvOptions) => AsyncIterable<string>): Promise<Timing> {
  let busy = 0;
  let longest = 0;
  let sliceStart = performance.now();
  const pause = async (): Promise<void> => {
    const slice = performance.now() - sliceStart;
    busy += slice;
    longest = Math.max(longest, slice);
    await new Promise((resolve) => setTimeout(resolve, 0));
    sliceStart = performance.now();
  };
  sliceStart = performance.now();
  const bytes = await csvBytes(make({ pause }));
  const last = performance.now() - sliceStart;
  busy += last;
  longest = Math.max(longest, last);
  return { totalMs: busy, longestSliceMs: longest, bytes: bytes.length };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

async function measure(source: DayReader, make: (source: DayReader, options: CsvOptions) => AsyncIterable<string>): Promise<{ total: number; longest: number; bytes: number }> {
  await timeExport((options) => make(source, options)); // warm-up
  const runs: Timing[] = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(await timeExport((options) => make(source, options)));
  }
  return { total: median(runs.map((r) => r.totalMs)), longest: Math.max(...runs.map((r) => r.longestSliceMs)), bytes: runs[0].bytes };
}

export async function exportFigures(): Promise<Figure[]> {
  const store = await twoYearStore();
  const daily = await measure(store, dailyCsv);
  const sessions = await measure(store, sessionsCsv);
  return [
    { name: 'CSV export: daily summary, 2 years heavy', value: round(daily.total), unit: 'ms', budget: 100, note: `${round(daily.bytes / 1024)} KB` },
    { name: 'CSV export: sessions, 2 years heavy (all in detail)', value: round(sessions.total), unit: 'ms', budget: 500, note: `${round(sessions.bytes / 1024)} KB` },
    { name: 'CSV export: longest event-loop block', value: round(Math.max(daily.longest, sessions.longest)), unit: 'ms', budget: 100 },
  ];
}

if (require.main === module) {
  void exportFigures().then((figures) => console.table(figures));
}
