import * as vscode from 'vscode';
import { classify, isCountedScheme } from '../core/attribution/classify';
import { isInsideAnyFolder, type FolderLike } from '../core/attribution/schemes';
import type { IntentLog } from '../core/attribution/intents';
import type { Attribution, EditFact } from '../core/attribution/types';
import type { Clock } from '../core/clock';
import { Disposable } from './disposable';
import { toEditFact, toSelectionKind } from './editFacts';

/** How long a change waits for its paired selection event before it is classified without one. */
const SELECTION_PAIRING_MS = 100;

export interface ChangeWatcherOptions {
  readonly clock: Clock;
  readonly intents: IntentLog;
  readonly exactSources: () => boolean;
  readonly onAttribution: (attribution: Attribution) => void;
  /** Folders whose documents never count: the editor's own user data (settings, keybindings, snippets). */
  readonly uncountedFolders?: readonly FolderLike[];
  /** Changes to documents that are not counted (chat-editing models, output…), by scheme. */
  readonly onUncountedChange?: (scheme: string) => void;
  /** Sees each fact, paired with its selection change, just before it is classified (the corpus recorder). */
  readonly onFact?: (fact: EditFact) => void;
}

/** The watcher completes a fact (its selection change) before anyone else sees it. */
type PendingFact = { -readonly [K in keyof EditFact]: EditFact[K] };

interface PendingEdit {
  readonly document: vscode.TextDocument;
  readonly fact: PendingFact;
  /**
   * An insert longer than a keystroke waits out the pairing time and keeps the last selection: a
   * snippet moves the cursor into its placeholders only after a first selection change.
   */
  readonly settles: boolean;
}

/**
 * Turns text-document and selection events into facts for the classifier. Runs on every
 * keystroke: it does O(change) work, and never touches storage, the clipboard or the file system.
 */
export class ChangeWatcher extends Disposable {
  private pending: PendingEdit | undefined;
  private pairingTimer: NodeJS.Timeout | undefined;
  /** The pending edit the timer already found too young once. */
  private timedOut: PendingEdit | undefined;
  /** Whether each document counts (by scheme and folder), decided once per document, not per keystroke. */
  private readonly counted = new WeakMap<vscode.TextDocument, boolean>();

  constructor(private readonly options: ChangeWatcherOptions) {
    super();
    this.register(vscode.workspace.onDidChangeTextDocument((event) => this.onDocumentChanged(event)));
    this.register(vscode.window.onDidChangeTextEditorSelection((event) => this.onSelectionChanged(event)));
    this.register({
      dispose: () => {
        clearTimeout(this.pairingTimer);
        this.flushPending();
      },
    });
  }

  private onDocumentChanged(event: vscode.TextDocumentChangeEvent): void {
    const counts = this.counts(event.document);
    // Dirty-flag flips and saves arrive as events without content changes. One that leaves the
    // document clean is a save (also a save that skips save participants, as the chat's do): the
    // file watcher will echo it, and that echo is not another program.
    if (event.contentChanges.length === 0) {
      if (counts && !event.document.isDirty) {
        this.options.intents.record({ kind: 'saved', documentKey: event.document.uri.toString(), at: this.options.clock.now() });
      }
      return;
    }
    if (!counts) {
      this.options.onUncountedChange?.(event.document.uri.scheme);
      return;
    }
    this.flushPending();
    this.pending = {
      document: event.document,
      fact: toEditFact(event, this.options.clock.now(), this.options.exactSources()),
      settles: insertsMoreThanKeystroke(event.contentChanges),
    };
    this.armPairingTimer();
  }

  /** Documents people write in, outside the editor's own user data. */
  private counts(document: vscode.TextDocument): boolean {
    let counts = this.counted.get(document);
    if (counts === undefined) {
      counts = isCountedScheme(document.uri.scheme) && !isInsideAnyFolder(document.uri, this.options.uncountedFolders ?? []);
      this.counted.set(document, counts);
    }
    return counts;
  }

  private onSelectionChanged(event: vscode.TextEditorSelectionChangeEvent): void {
    const pending = this.pending;
    if (pending && event.textEditor.document === pending.document && pending.document.version === pending.fact.version) {
      if (!pending.settles) {
        pending.fact.selectionKind = toSelectionKind(event.kind);
        this.flushPending();
        return;
      }
      // The kind of the first selection change, the cursors of the last one; the pairing timer flushes.
      pending.fact.selectionKind ??= toSelectionKind(event.kind);
      pending.fact.cursorsAfter = event.selections.map((selection) => selection.active);
    }
  }

  /**
   * At most one timer, armed only when none is: no timer work per keystroke (the paired selection
   * change flushes first). When it fires early for a younger edit, it waits out the rest.
   */
  private armPairingTimer(delay = SELECTION_PAIRING_MS): void {
    if (this.pairingTimer === undefined && !this.isDisposed) {
      this.pairingTimer = setTimeout(this.onPairingTimeout, delay);
    }
  }

  private readonly onPairingTimeout = (): void => {
    this.pairingTimer = undefined;
    const pending = this.pending;
    if (!pending) {
      return;
    }
    const waited = this.options.clock.now() - pending.fact.at;
    if (waited >= 0 && waited < SELECTION_PAIRING_MS && pending !== this.timedOut) {
      // Armed for an earlier edit: wait out the rest of this one's time, once (a clock that does
      // not move must not hold it back forever).
      this.timedOut = pending;
      this.armPairingTimer(SELECTION_PAIRING_MS - waited);
    } else {
      this.flushPending();
    }
  };

  private flushPending(): void {
    const pending = this.pending;
    if (!pending) {
      return;
    }
    this.pending = undefined;
    this.options.onFact?.(pending.fact);
    const attributions = classify(pending.fact, { intents: this.options.intents, exactSources: this.options.exactSources() });
    for (const attribution of attributions) {
      this.options.onAttribution(attribution);
    }
  }
}

function insertsMoreThanKeystroke(changes: readonly vscode.TextDocumentContentChangeEvent[]): boolean {
  for (const change of changes) {
    if (change.text.length > 2) {
      return true;
    }
  }
  return false;
}
