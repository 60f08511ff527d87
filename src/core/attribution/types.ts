import type { Category, Confidence } from '../categories';

/** A position in a document, zero-based like VS Code's. */
export interface Pos {
  readonly line: number;
  readonly character: number;
}

/** One content change of a text-change event, as the host saw it. */
export interface ChangeFact {
  readonly start: Pos;
  readonly end: Pos;
  /** Length (UTF-16 units) of the replaced range. */
  readonly rangeLength: number;
  /** Offset (UTF-16 units) of the replaced range in the document before the change; absent in recordings made before it was kept. */
  readonly rangeOffset?: number;
  /**
   * The inserted text. Only read for its length and shape (newlines, leading whitespace), never
   * stored, logged or sent anywhere.
   */
  readonly text: string;
}

/** The host's own label of an edit, where it exposes one (proposed API `detailedReason`). */
export interface DetailedReason {
  readonly source: string;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** How the selection changed right after the edit, paired by document version. */
export type SelectionKind = 'keyboard' | 'mouse' | 'command' | 'none';

/** All the facts about one `onDidChangeTextDocument` event that the classifier may use. */
export interface EditFact {
  /** Milliseconds since the epoch (from the injected clock). */
  readonly at: number;
  /** A stable key for the document within this window (its URI string). */
  readonly documentKey: string;
  readonly scheme: string;
  readonly languageId: string;
  readonly version: number;
  /** `TextDocumentChangeReason`: undo or redo, else undefined. */
  readonly reason: 'undo' | 'redo' | undefined;
  /** Present only when the host exposes it (code-server) and exact sources are enabled. */
  readonly detailedReason: DetailedReason | undefined;
  readonly changes: readonly ChangeFact[];
  /** The document is shown in the focused editor. */
  readonly inActiveEditor: boolean;
  /** The active editor's selections (cursor positions) just before the change, if it is this document. */
  readonly cursors: readonly Pos[];
  /** The document had unsaved changes before this event. */
  readonly wasDirty: boolean;
  /** The paired selection change, if one arrived for this document version. */
  readonly selectionKind: SelectionKind | undefined;
  /**
   * Where the cursors ended up (active positions of the last selection change for this document
   * version), recorded only for inserts longer than a keystroke. A snippet leaves them inside its text.
   */
  readonly cursorsAfter?: readonly Pos[];
  /** One change replaced the whole content of the document (a reload, a revert, a chat undo). */
  readonly replacesDocument?: boolean;
  /**
   * The editor reported the document dirty right after this edit, before it was classified: the
   * edit changed a saved document. A reload from disk leaves it clean, so this edit is no reload.
   */
  readonly madeDirty?: boolean;
}

/**
 * Something the user or the editor did just before an edit, observed by the host:
 * - `saved`: the document became clean without an edit (any save, also those that skip save
 *   participants, as the chat's do);
 * - `toolCommand` / `toolCommandDone`: the user ran an editor command that edits (format, rename,
 *   quick fix, organize imports) and it returned;
 * - `fileChangeEchoed`: the file on disk holds what its document holds: the change reported before
 *   was the editor's own save, not another program;
 * - `fileCreated`: a file was created through the workspace API or the explorer;
 * - `cursorMoved`: the user moved the cursor away (an accept before it no longer explains an edit);
 * - `chatRequest`: the user sent a chat request (a chat may edit for a while after it).
 */
export const INTENT_KINDS = [
  'inlineAccept', 'inlineAcceptWord', 'inlineAcceptLine', 'inlineJump', 'paste', 'save', 'saved', 'fileChangedOnDisk',
  'fileChangeEchoed', 'chatEditingActive', 'chatEditingEnded', 'toolCommand', 'toolCommandDone', 'fileCreated', 'cursorMoved', 'chatRequest',
] as const;
export type IntentKind = (typeof INTENT_KINDS)[number];

export interface Intent {
  readonly kind: IntentKind;
  readonly documentKey: string;
  readonly at: number;
  /** A short identifier-like detail (a command id), never document text. */
  readonly detail?: string;
}

/** The classifier's verdict on one content change. */
export interface Attribution {
  readonly at: number;
  readonly category: Category;
  readonly confidence: Confidence;
  /** Inserted characters: Unicode code points, CRLF counted as one. */
  readonly chars: number;
  /** Deleted characters (UTF-16 length of the replaced range). */
  readonly deleted: number;
  readonly languageId: string;
  /** Why, in short tokens such as `intent:inlineAccept` or `len=42`. Never document text. */
  readonly evidence: readonly string[];
  /**
   * A later piece of one action (an agent's streamed insert): it adds characters but is not another
   * accepted suggestion or applied edit.
   */
  readonly continues?: boolean;
}
