import * as vscode from 'vscode';
import type { Attribution, EditFact } from '../core/attribution/types';
import { isAiCategory } from '../core/categories';
import type { Clock } from '../core/clock';
import { FATE_HORIZON_MS, FateTracker, type FateSettlement, type OffsetChange } from '../core/fate/fateTracker';
import { Disposable } from './disposable';

/** Where settled figures go (the workspace history). */
export interface FateSink {
  /** What became of one group of AI inserts, at their horizon. */
  recordFate(settlement: FateSettlement): void;
  /** A counted attribution in the file `documentKey`, for who led it in its session. */
  noteLead(documentKey: string, attribution: Attribution): void;
  /** Sessions ended by `now` (all, without it) count their files by who led. */
  settleLeads(now?: number): void;
}

export interface FateWatcherOptions {
  readonly clock: Clock;
  readonly sink: FateSink;
  /** How long an AI insert is followed (the core's default: ten minutes). */
  readonly horizonMs?: number;
  /** Also follows each classified change, kept while its document is open (who wrote which lines). */
  readonly authorship?: ChangeFollower;
}

/** Another follower of the classified changes, fed in the same order as the fate tracker. */
export interface ChangeFollower {
  observe(documentKey: string, change: OffsetChange, attribution: Attribution, action: boolean): void;
  reclassify(previous: Attribution, next: Attribution): void;
  closeDocument(documentKey: string): void;
  clear(): void;
}

function isAi(attribution: Attribution): boolean {
  return isAiCategory(attribution.category);
}

/** A piece of an anonymous action: its category is the action's decision so far (AI chat or a tool's). */
function isActionPiece(attribution: Attribution): boolean {
  return (attribution.category === 'tool' || attribution.category === 'aiChat') && attribution.evidence.some((token) => token.startsWith('action:'));
}

/** How often horizons and ended sessions are looked at without edits. */
const TICK_MS = 15_000;

/** A content change in the shape the tracker takes, reused for every change (nothing allocated per keystroke). */
interface ScratchChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
  range: { start: { line: number }; end: { line: number } };
}

/**
 * Follows what becomes of AI-inserted text and who leads each file, from what the change watcher
 * already sees: each fact about to be classified, then its changes' attributions in order. Only
 * offsets live here (in the core tracker), never text. O(change) per keystroke; the horizon is
 * looked at on edits and every few seconds; a closed document counts as it was.
 */
export class FateWatcher extends Disposable {
  private readonly tracker: FateTracker;
  private fact: EditFact | undefined;
  private index = 0;
  private readonly crlf = new Set<string>();
  /** The document of each piece of an anonymous action, for when the action is decided otherwise. */
  private readonly actionDocuments = new WeakMap<Attribution, string>();
  private readonly change: ScratchChange = { rangeOffset: 0, rangeLength: 0, text: '', range: { start: { line: 0 }, end: { line: 0 } } };

  constructor(private readonly options: FateWatcherOptions) {
    super();
    const horizonMs = options.horizonMs ?? FATE_HORIZON_MS;
    this.tracker = new FateTracker({ horizonMs, onSettled: (settlement) => options.sink.recordFate(settlement) });
    this.register(vscode.workspace.onDidChangeTextDocument((event) => this.noteEol(event.document)));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => {
      const key = document.uri.toString();
      this.tracker.closeDocument(key);
      this.options.authorship?.closeDocument(key);
      this.crlf.delete(key);
    }));
    const timer = setInterval(() => this.tick(), Math.max(100, Math.min(TICK_MS, horizonMs / 2)));
    this.register({ dispose: () => clearInterval(timer) });
  }

  /** The fact about to be classified: the attributions that follow belong to its changes, in order. */
  noteFact(fact: EditFact): void {
    this.fact = fact;
    this.index = 0;
  }

  /** One counted attribution (after the history recorded it). */
  observe(attribution: Attribution): void {
    const fact = this.fact;
    if (this.isDisposed || fact === undefined || fact.at !== attribution.at || this.index >= fact.changes.length) {
      return;
    }
    const change = fact.changes[this.index++];
    this.options.sink.noteLead(fact.documentKey, attribution);
    if (change.rangeOffset === undefined) {
      return;
    }
    const scratch = this.change;
    scratch.rangeOffset = change.rangeOffset;
    scratch.rangeLength = change.rangeLength;
    scratch.text = change.text;
    scratch.range.start.line = change.start.line;
    scratch.range.end.line = change.end.line;
    const action = isActionPiece(attribution);
    if (action) {
      this.actionDocuments.set(attribution, fact.documentKey);
    }
    this.tracker.observe(fact.documentKey, scratch as OffsetChange, attribution, this.crlf.has(fact.documentKey), action);
    this.options.authorship?.observe(fact.documentKey, scratch as OffsetChange, attribution, action);
  }

  /**
   * An action was decided otherwise (an agent's first pieces a tool's, then an AI's): the text of
   * its pieces is followed from the start, and becomes AI text (or stops being it) here.
   */
  reclassify(previous: Attribution, next: Attribution): void {
    this.tracker.reclassify(previous, next);
    this.options.authorship?.reclassify(previous, next);
    const key = this.actionDocuments.get(previous);
    if (key !== undefined) {
      this.actionDocuments.set(next, key);
      if (isAi(next) && !isAi(previous)) {
        // The file's AI characters for who led (a tool's counted for neither side).
        this.options.sink.noteLead(key, next);
      }
    }
  }

  /** AI characters inserted in [from, to] (epoch ms) whose horizon has not passed yet. */
  pending(from: number, to: number): number {
    return this.tracker.pending(from, to);
  }

  /** The session ends (the window closes): everything counts as it is now. Before the final write. */
  settleAll(): void {
    this.tracker.settleAll();
    this.options.sink.settleLeads();
  }

  /** Delete All Data: forgets every range without counting it. */
  clear(): void {
    this.tracker.clear();
    this.options.authorship?.clear();
  }

  private tick(): void {
    const now = this.options.clock.now();
    this.tracker.settleDue(now);
    this.options.sink.settleLeads(now);
  }

  private noteEol(document: vscode.TextDocument): void {
    if (document.eol === vscode.EndOfLine.CRLF) {
      this.crlf.add(document.uri.toString());
    } else if (this.crlf.size > 0) {
      this.crlf.delete(document.uri.toString());
    }
  }
}
