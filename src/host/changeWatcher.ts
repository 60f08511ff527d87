import * as vscode from 'vscode';
import { classify, isCountedScheme } from '../core/attribution/classify';
import type { IntentLog } from '../core/attribution/intents';
import type { Attribution, ChangeFact, DetailedReason, EditFact, SelectionKind } from '../core/attribution/types';
import type { Clock } from '../core/clock';
import { Disposable } from './disposable';

/** How long a change waits for its paired selection event before it is classified without one. */
const SELECTION_PAIRING_MS = 100;

export interface ChangeWatcherOptions {
  readonly clock: Clock;
  readonly intents: IntentLog;
  readonly exactSources: () => boolean;
  readonly onAttribution: (attribution: Attribution) => void;
  /** Changes to documents that are not counted (chat-editing models, output…), by scheme. */
  readonly onUncountedChange?: (scheme: string) => void;
}

interface PendingEdit {
  readonly document: vscode.TextDocument;
  fact: EditFact;
}

/**
 * Turns text-document and selection events into facts for the classifier. Runs on every
 * keystroke: it does O(change) work, and never touches storage, the clipboard or the file system.
 */
export class ChangeWatcher extends Disposable {
  private pending: PendingEdit | undefined;
  private pairingTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: ChangeWatcherOptions) {
    super();
    this.register(vscode.workspace.onDidChangeTextDocument((event) => this.onDocumentChanged(event)));
    this.register(vscode.window.onDidChangeTextEditorSelection((event) => this.onSelectionChanged(event)));
    this.register({ dispose: () => this.flushPending() });
  }

  private onDocumentChanged(event: vscode.TextDocumentChangeEvent): void {
    // Dirty-flag flips and saves arrive as events without content changes.
    if (event.contentChanges.length === 0) {
      return;
    }
    if (!isCountedScheme(event.document.uri.scheme)) {
      this.options.onUncountedChange?.(event.document.uri.scheme);
      return;
    }
    this.flushPending();
    this.pending = { document: event.document, fact: this.toFact(event) };
    this.armPairingTimer();
  }

  private onSelectionChanged(event: vscode.TextEditorSelectionChangeEvent): void {
    const pending = this.pending;
    if (pending && event.textEditor.document === pending.document && pending.document.version === pending.fact.version) {
      pending.fact = { ...pending.fact, selectionKind: toSelectionKind(event.kind) };
      this.flushPending();
    }
  }

  private armPairingTimer(): void {
    // One timer, re-armed with refresh(): no timer allocation per keystroke.
    if (this.pairingTimer) {
      this.pairingTimer.refresh();
    } else {
      this.pairingTimer = setTimeout(() => this.flushPending(), SELECTION_PAIRING_MS);
      this.register({ dispose: () => clearTimeout(this.pairingTimer) });
    }
  }

  private flushPending(): void {
    const pending = this.pending;
    if (!pending) {
      return;
    }
    this.pending = undefined;
    const attributions = classify(pending.fact, { intents: this.options.intents, exactSources: this.options.exactSources() });
    for (const attribution of attributions) {
      this.options.onAttribution(attribution);
    }
  }

  private toFact(event: vscode.TextDocumentChangeEvent): EditFact {
    const document = event.document;
    const activeEditor = vscode.window.activeTextEditor;
    const inActiveEditor = activeEditor !== undefined && activeEditor.document === document;
    return {
      at: this.options.clock.now(),
      documentKey: document.uri.toString(),
      scheme: document.uri.scheme,
      languageId: document.languageId,
      version: document.version,
      reason: event.reason === vscode.TextDocumentChangeReason.Undo ? 'undo' : event.reason === vscode.TextDocumentChangeReason.Redo ? 'redo' : undefined,
      detailedReason: this.options.exactSources() ? readDetailedReason(event) : undefined,
      changes: event.contentChanges.map(toChangeFact),
      inActiveEditor,
      cursors: inActiveEditor ? activeEditor.selections.map((selection) => selection.active) : [],
      // The event fires after the edit, so a clean document here means it was clean before it too,
      // unless this very edit made it dirty; the classifier only uses this with a file-change intent.
      wasDirty: document.isDirty,
      selectionKind: undefined,
    };
  }
}

function toChangeFact(change: vscode.TextDocumentContentChangeEvent): ChangeFact {
  return { start: change.range.start, end: change.range.end, rangeLength: change.rangeLength, text: change.text };
}

function toSelectionKind(kind: vscode.TextEditorSelectionChangeKind | undefined): SelectionKind {
  switch (kind) {
    case vscode.TextEditorSelectionChangeKind.Keyboard:
      return 'keyboard';
    case vscode.TextEditorSelectionChangeKind.Mouse:
      return 'mouse';
    case vscode.TextEditorSelectionChangeKind.Command:
      return 'command';
    default:
      return 'none';
  }
}

/**
 * Reads the proposed `detailedReason` where the host exposes it (code-server does, to every
 * extension). Feature-detected at runtime; the proposal is never declared in package.json.
 */
function readDetailedReason(event: vscode.TextDocumentChangeEvent): DetailedReason | undefined {
  const value = (event as { readonly detailedReason?: unknown }).detailedReason;
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const { source, metadata } = value as { source?: unknown; metadata?: unknown };
  if (typeof source !== 'string') {
    return undefined;
  }
  return { source, metadata: typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>) : {} };
}
