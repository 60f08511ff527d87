import * as vscode from 'vscode';
import type { Attribution } from '../core/attribution/types';
import type { PasteCountsAs } from '../core/categories';
import type { Clock } from '../core/clock';
import type { Snapshot } from '../core/snapshot';
import { Tally } from '../core/tally';

const RECENT_LIMIT = 50;

/** In-memory counts of this window's session and today, until the history store takes over. */
export class LiveCounts implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly session = new Tally();
  private readonly today = new Tally();
  private readonly recent: Attribution[] = [];
  private readonly sessionId: string;
  private sessionStart: number | undefined;
  private sessionEnd: number | undefined;

  constructor(private readonly clock: Clock, private readonly pasteCountsAs: () => PasteCountsAs) {
    this.sessionId = `${clock.now().toString(36)}-${Math.floor(Math.random() * 0xffffff).toString(36)}`;
  }

  record(attribution: Attribution): void {
    this.session.add(attribution);
    this.today.add(attribution);
    this.sessionStart ??= attribution.at;
    this.sessionEnd = attribution.at;
    if (this.recent.length >= RECENT_LIMIT) {
      this.recent.shift();
    }
    this.recent.push(attribution);
    this.changed.fire();
  }

  getSnapshot(): Snapshot {
    const pasteCountsAs = this.pasteCountsAs();
    const now = this.clock.now();
    return {
      version: 1,
      session: {
        ...this.session.totals(pasteCountsAs),
        id: this.sessionId,
        start: new Date(this.sessionStart ?? now).toISOString(),
        end: new Date(this.sessionEnd ?? now).toISOString(),
      },
      today: { ...this.today.totals(pasteCountsAs), date: new Date(now).toISOString().slice(0, 10) },
      recent: this.recent.slice(),
    };
  }

  dispose(): void {
    this.changed.dispose();
  }
}
