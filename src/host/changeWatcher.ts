import * as vscode from 'vscode';
import type { ActionSignals } from '../core/attribution/actions';
import { Attributor } from '../core/attribution/attributor';
import { isCountedScheme } from '../core/attribution/classify';
import { isChatEditingModel, isInsideAnyFolder, type FolderLike } from '../core/attribution/schemes';
import type { IntentLog } from '../core/attribution/intents';
import type { TerminalExplainer } from '../core/attribution/terminalVerdict';
import type { Attribution, EditFact } from '../core/attribution/types';
import type { Clock } from '../core/clock';
import { Disposable } from './disposable';
import { activePosition, toEditFact, toSelectionKind } from './editFacts';

/** How long a change waits for its paired selection event before it is classified without one. */
const SELECTION_PAIRING_MS = 100;
/**
 * While a chat editing session holds a document, the chat's model of it changes with every edit,
 * within a millisecond before the document itself. Such a change is a mirror, not chat activity;
 * the chat's own edits reach its model hundreds of milliseconds before the document.
 */
export const CHAT_MIRROR_MS = 50;
/**
 * The mirror of another extension's edit reaches the chat's model after the document, 50 ms and
 * more later on a busy machine. Nothing of the chat's own comes in that order (its model changes
 * first), so this side can wait longer.
 */
export const CHAT_MIRROR_AFTER_MS = 250;

export interface ChangeWatcherOptions {
  readonly clock: Clock;
  readonly intents: IntentLog;
  readonly exactSources: () => boolean;
  readonly onAttribution: (attribution: Attribution) => void;
  /** An action was decided otherwise: `next` counts in place of `previous` (recorded before). */
  readonly onReplace: (previous: Attribution, next: Attribution) => void;
  /** What the host knows around an action (diff views, AI extensions). */
  readonly signals?: ActionSignals;
  /** The terminal commands running (agent CLIs, git checkout): their rewrites of open files are theirs. */
  readonly terminal?: TerminalExplainer;
  /** Folders whose documents never count: the editor's own user data (settings, keybindings, snippets). */
  readonly uncountedFolders?: readonly FolderLike[];
  /**
   * Changes to documents that are not counted (output, chat input…), by scheme; a chat-editing
   * model's change only when it is not the mirror of an edit to a counted document.
   */
  readonly onUncountedChange?: (scheme: string, path: string) => void;
  /** Sees each fact, paired with its selection change, just before it is classified (the corpus recorder). */
  readonly onFact?: (fact: EditFact) => void;
}

/** The watcher completes a fact (its selection change) before anyone else sees it. */
type PendingFact = { -readonly [K in keyof EditFact]: EditFact[K] };

/**
 * Turns text-document and selection events into facts for the classifier. Runs on every
 * keystroke: it does O(change) work, and never touches storage, the clipboard or the file system.
 */
export class ChangeWatcher extends Disposable {
  /** The edit waiting for its selection change, and its document (fields, not an object per keystroke). */
  private pending: PendingFact | undefined;
  private pendingDocument: vscode.TextDocument | undefined;
  /**
   * An insert longer than a keystroke waits out the pairing time and keeps the last selection: a
   * snippet moves the cursor into its placeholders only after a first selection change.
   */
  private pendingSettles = false;
  private pairingTimer: NodeJS.Timeout | undefined;
  /** The pending edit the timer already found too young once. */
  private timedOut: PendingFact | undefined;
  /** Whether each document counts (by scheme and folder), decided once per document, not per keystroke. */
  private readonly counted = new WeakMap<vscode.TextDocument, boolean>();
  private readonly attributor: Attributor;
  /** A chat-editing model's change that may still turn out to be a mirror; its scheme and path (the path of the document it holds). */
  private modelChange: { at: number; scheme: string; path: string } | undefined;
  private modelTimer: NodeJS.Timeout | undefined;
  /** The last counted change (reused, no allocation per keystroke): a chat model changing right after it mirrors it. */
  private readonly lastCounted = { at: Number.NEGATIVE_INFINITY, path: '' };

  constructor(private readonly options: ChangeWatcherOptions) {
    super();
    this.attributor = new Attributor({
      intents: options.intents,
      exactSources: options.exactSources,
      sink: { record: options.onAttribution, replace: options.onReplace },
      signals: options.signals,
      terminal: options.terminal,
    });
    // The methods themselves, called with this watcher: no wrapper in between on every keystroke.
    this.register(vscode.workspace.onDidChangeTextDocument(this.onDocumentChanged, this));
    this.register(vscode.window.onDidChangeTextEditorSelection(this.onSelectionChanged, this));
    this.register({
      dispose: () => {
        clearTimeout(this.pairingTimer);
        clearTimeout(this.modelTimer);
        this.flushPending();
      },
    });
  }

  private onDocumentChanged(event: vscode.TextDocumentChangeEvent): void {
    const counts = this.counts(event.document);
    // Dirty-flag flips and saves arrive as events without content changes. One that leaves the
    // document clean is a save (also a save that skips save participants, as the chat's do): the
    // file watcher will echo it, and that echo is not another program. One that makes it dirty
    // right after an edit of a clean document shows that edit was no reload from disk (a reload
    // keeps it clean), whatever the file watcher reported just before.
    if (event.contentChanges.length === 0) {
      if (counts && !event.document.isDirty) {
        this.options.intents.record({ kind: 'saved', documentKey: event.document.uri.toString(), at: this.options.clock.now() });
      } else if (this.pending !== undefined && this.pendingDocument === event.document && !this.pending.wasDirty) {
        this.pending.madeDirty = true;
      }
      return;
    }
    if (!counts) {
      this.onUncountedChange(event.document.uri);
      return;
    }
    this.settleModelChange(true);
    this.lastCounted.at = this.options.clock.now();
    this.lastCounted.path = event.document.uri.path;
    this.flushPending();
    this.pending = toEditFact(event, this.options.clock.now(), this.options.exactSources());
    this.pendingDocument = event.document;
    this.pendingSettles = insertsMoreThanKeystroke(event.contentChanges);
    this.armPairingTimer();
  }

  private onUncountedChange(uri: vscode.Uri): void {
    const scheme = uri.scheme;
    if (!isChatEditingModel(scheme)) {
      this.options.onUncountedChange?.(scheme, uri.path);
      return;
    }
    this.settleModelChange(false);
    const now = this.options.clock.now();
    // The mirror of an extension's TextEditor.edit can reach the chat's model just after the document.
    if (now - this.lastCounted.at <= CHAT_MIRROR_AFTER_MS && this.lastCounted.path === uri.path) {
      return;
    }
    this.modelChange = { at: now, scheme, path: uri.path };
    if (this.modelTimer === undefined && !this.isDisposed) {
      this.modelTimer = setTimeout(() => {
        this.modelTimer = undefined;
        this.settleModelChange(false);
      }, CHAT_MIRROR_MS);
    }
  }

  /** A counted change right after a chat model's change shows it was a mirror; otherwise it was the chat's. */
  private settleModelChange(countedChangeNow: boolean): void {
    const change = this.modelChange;
    if (change === undefined) {
      return;
    }
    this.modelChange = undefined;
    const mirror = countedChangeNow && this.options.clock.now() - change.at <= CHAT_MIRROR_MS;
    if (!mirror) {
      this.options.onUncountedChange?.(change.scheme, change.path);
    }
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
    if (event.kind === vscode.TextEditorSelectionChangeKind.Mouse) {
      // A click moves the cursor away: an accept before it no longer explains an edit.
      this.options.intents.record({ kind: 'cursorMoved', documentKey: event.textEditor.document.uri.toString(), at: this.options.clock.now() });
    }
    const pending = this.pending;
    const document = this.pendingDocument;
    if (pending !== undefined && document !== undefined && event.textEditor.document === document && document.version === pending.version) {
      if (!this.pendingSettles) {
        pending.selectionKind = toSelectionKind(event.kind);
        this.flushPending();
        return;
      }
      // The kind of the first selection change, the cursors of the last one; the pairing timer flushes.
      pending.selectionKind ??= toSelectionKind(event.kind);
      pending.cursorsAfter = event.selections.map(activePosition);
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
    const waited = this.options.clock.now() - pending.at;
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
    this.pendingDocument = undefined;
    this.options.onFact?.(pending);
    this.attributor.attribute(pending);
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
