import * as vscode from 'vscode';
import type { ChangeFact, DetailedReason, EditFact, SelectionKind } from '../core/attribution/types';

/*
 * VS Code events → the classifier's facts. Shared by the change watcher and the test-only corpus
 * recorder, so the corpus holds exactly the facts the product classifies. Runs on every keystroke.
 */

/**
 * The fact of one text-change event, before its selection change is paired with it. `withDetailedReason`
 * says whether to read the host's own label (setting `ownershipRatio.detection.exactSources`).
 */
export function toEditFact(event: vscode.TextDocumentChangeEvent, at: number, withDetailedReason: boolean): EditFact {
  const document = event.document;
  const activeEditor = vscode.window.activeTextEditor;
  const inActiveEditor = activeEditor !== undefined && activeEditor.document === document;
  return {
    at,
    documentKey: document.uri.toString(),
    scheme: document.uri.scheme,
    languageId: document.languageId,
    version: document.version,
    reason: event.reason === vscode.TextDocumentChangeReason.Undo ? 'undo' : event.reason === vscode.TextDocumentChangeReason.Redo ? 'redo' : undefined,
    detailedReason: withDetailedReason ? readDetailedReason(event) : undefined,
    changes: event.contentChanges.map(toChangeFact),
    inActiveEditor,
    cursors: inActiveEditor ? activeEditor.selections.map(activePosition) : [],
    // The event fires after the edit, so a clean document here means it was clean before it too,
    // unless this very edit made it dirty; the classifier only uses this with a file-change intent.
    wasDirty: document.isDirty,
    selectionKind: undefined,
    cursorsAfter: undefined,
    replacesDocument: replacesDocument(event),
  };
}

/** One change rewrote the whole document. Reads the text only for a rare candidate (a replacement from the very start). */
function replacesDocument(event: vscode.TextDocumentChangeEvent): boolean {
  if (event.contentChanges.length !== 1) {
    return false;
  }
  const change = event.contentChanges[0];
  return change.rangeLength > 0 && change.text.length > 2 && change.range.start.line === 0 && change.range.start.character === 0
    && event.document.getText().length === change.text.length;
}

/** Where a selection's cursor is (a function made once, not a closure per keystroke). */
export function activePosition(selection: vscode.Selection): vscode.Position {
  return selection.active;
}

function toChangeFact(change: vscode.TextDocumentContentChangeEvent): ChangeFact {
  return { start: change.range.start, end: change.range.end, rangeLength: change.rangeLength, rangeOffset: change.rangeOffset, text: change.text };
}

export function toSelectionKind(kind: vscode.TextEditorSelectionChangeKind | undefined): SelectionKind {
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
export function readDetailedReason(event: vscode.TextDocumentChangeEvent): DetailedReason | undefined {
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
