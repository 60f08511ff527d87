/**
 * History figures: stored size after a simulated year of heavy use, storage writes per minute
 * while typing, and status-bar updates per second during a burst. Time is simulated, so the
 * figures are exact and independent of the machine's load.
 */
import type { Attribution } from '../src/core/attribution/types';
import { HistoryStore } from '../src/core/history/historyStore';
import { generateSampleHistory } from '../src/core/history/sampleHistory';
import { RateControl } from '../src/core/rateControl';
import { LIVE_UPDATE_INTERVAL_MS } from '../src/core/liveUpdates';
import { FakeTime, SpyMemento } from '../test/unit/history/fakes';
import type { Figure } from './report';

const START = Date.UTC(2026, 2, 2, 8, 0, 0);

function storedYearKb(): number {
  const { key, record } = generateSampleHistory({ seed: 42, days: 365, profile: 'heavy' });
  return Buffer.byteLength(JSON.stringify({ [key]: record }), 'utf8') / 1024;
}

/**
 * Storage writes per minute of steady typing (after a first minute, whose first write also stores
 * the maintenance state once). The store writes at most every 10 s while typing goes on: the
 * README's promise that a crash loses at most the last 10 s, so six a minute is the budget.
 */
async function writesPerMinuteWhileTyping(): Promise<number> {
  const time = new FakeTime(START);
  const memento = new SpyMemento();
  const store = new HistoryStore({ memento, calendar: time.calendar(() => 60), scheduler: time, windowId: 'bench' });
  await store.load();
  const typed: Attribution = { at: 0, category: 'typed', confidence: 'exact', chars: 1, deleted: 0, languageId: 'typescript', evidence: [] };
  const type = async (minutes: number): Promise<void> => {
    for (let keystroke = 0; keystroke < minutes * 60 * 10; keystroke++) {
      store.record({ ...typed, at: time.now() });
      await time.advance(100);
    }
  };
  await type(1);
  const before = memento.log.length;
  const minutes = 10;
  await type(minutes);
  return memento.log.slice(before).filter((entry) => !entry.deleted).length / minutes;
}

/** The most status-bar renders in any one-second window of a burst. */
async function statusUpdatesPerSecondInBurst(): Promise<number> {
  const time = new FakeTime(START);
  const renders: number[] = [];
  const updates = new RateControl(() => renders.push(time.now()), { intervalMs: LIVE_UPDATE_INTERVAL_MS, trailing: true }, () => time.now(), time);
  // A burst of 1,000 changes a second for 5 s (a macro, replace-all, multi-cursor typing).
  for (let change = 0; change < 5_000; change++) {
    updates.request();
    await time.advance(1);
  }
  await time.advance(1_000);
  return Math.max(...renders.map((start) => renders.filter((at) => at >= start && at < start + 1_000).length));
}

export async function historyFigures(): Promise<Figure[]> {
  return [
    { name: 'stored history after a heavy year', value: Math.round(storedYearKb() * 10) / 10, unit: 'KB', budget: 150 },
    { name: 'storage writes while typing 10 chars/s', value: await writesPerMinuteWhileTyping(), unit: 'per min', budget: 6, note: 'steady typing; at most one write per 10 s, as the README promises' },
    { name: 'status-bar updates in a 1,000/s burst', value: await statusUpdatesPerSecondInBurst(), unit: 'per s', budget: 4 },
  ];
}
