/** What host classes read counts from, in memory, for the host unit tests. */
import { emptyCounts, type CategoryCounts } from '../../../src/core/categories';
import type { Snapshot } from '../../../src/core/history/snapshot';
import { ownershipRatio } from '../../../src/core/ratio';
import type { Totals } from '../../../src/core/tally';
import { calendarOf } from '../../../src/core/calendar';
import { ReflectionStore } from '../../../src/core/reflection/store';
import type { DashboardDeps } from '../../../src/host/dashboardPanel';
import { FakeUri, MemoryMemento, type FakeEmitter, type FakeVscode } from '../../support/fakeVscode';
import type { FakeTime } from '../history/fakes';

export function totals(chars: Partial<CategoryCounts> = {}): Totals {
  const all = { ...emptyCounts(), ...chars };
  return { chars: all, estimatedAiChars: 0, aiChatBy: { chat: 0, extension: all.aiChat, terminal: 0 }, ownershipRatio: ownershipRatio(all, 'excluded') };
}

/** A counts source whose today the test sets; `changed()` fires its change event. */
export class FakeCounts {
  readonly changes: FakeEmitter<void>;
  today: Totals = totals();
  last7: Totals = totals();
  countsOnlyInMemory = false;

  constructor(vscode: FakeVscode, readonly date = '2026-03-10') {
    this.changes = vscode.emitter<void>();
  }

  get onDidChange(): FakeEmitter<void>['event'] {
    return this.changes.event;
  }

  set(chars: Partial<CategoryCounts>): void {
    this.today = totals(chars);
    this.changes.fire();
  }

  getSnapshot(): Snapshot {
    // What a test set of the outcome (`aiFate`, `lead` on `today`) is kept; the rest is zeros.
    const none = { you: 0, ai: 0, mixed: 0 };
    const span = { aiFate: { kept: 0, reworked: 0, removed: 0, pending: 0 }, lead: none, leadSessions: none, leadChars: none, ...this.today };
    return {
      version: 2,
      session: { ...span, id: 's1', start: `${this.date}T09:00:00.000+01:00`, end: `${this.date}T09:30:00.000+01:00` },
      today: { ...span, date: this.date },
      recent: [],
    };
  }

  lastDays(): Totals {
    return this.last7;
  }
}

/** A dashboard's dependencies over `counts`, with no history and reflections on. */
export function fakeDashboardDeps(vscode: FakeVscode, time: FakeTime, counts: FakeCounts): DashboardDeps {
  const store = { refresh: () => undefined, days: () => [], sessionsOf: () => [], dayRange: () => undefined };
  return {
    extensionUri: FakeUri.file('/extension') as never,
    source: { onDidChange: counts.onDidChange, getSnapshot: () => counts.getSnapshot(), store },
    reflections: { enabled: () => true, store: new ReflectionStore(new MemoryMemento(), time) },
    log: vscode.window.createOutputChannel() as never,
    calendar: calendarOf(time, () => 0),
    scheduler: time,
  };
}
