import type { Category } from '../categories';

/*
 * One decision for one action: a run of edits nobody's intent explains (an extension streaming
 * into an editor, a tool's one-shot insert, an agent writing several files). The evidence is
 * gathered as the action grows; the decision is taken again after each edit, from the strongest
 * evidence down to size alone.
 */

/** Edits closer together than this, with no user action between them, are one action. */
export const ACTION_GAP_MS = 3000;
/**
 * After a pause this long, an edit that does not touch where the action last wrote starts another
 * action (an agent streams where it left off; a tool inserts its header at the top).
 */
export const ACTION_PAUSE_MS = 1000;
/**
 * A stream keeps a rhythm: once an action has shown it (at least ACTION_RHYTHM_EVENTS events), a
 * pause this many times its longest gap so far, and at least ACTION_RHYTHM_MIN_PAUSE_MS, is a
 * pause as well.
 */
export const ACTION_RHYTHM_EVENTS = 3;
export const ACTION_RHYTHM_FACTOR = 4;
export const ACTION_RHYTHM_MIN_PAUSE_MS = 400;
/** A stream: this many single-insert events, no gap longer than STREAM_MAX_GAP_MS, over at least STREAM_MIN_SPAN_MS. */
export const STREAM_MIN_EVENTS = 3;
export const STREAM_MAX_GAP_MS = 2500;
/** Tools apply their edits in one go; a run of inserts spread over time is generated text arriving. */
export const STREAM_MIN_SPAN_MS = 60;
export const STREAM_MIN_CHARS = 12;
/** A one-shot insert this large and multi-line, in an AI-like shape, is generated; smaller ones are tools' (headers, stubs). */
export const LARGE_ONE_SHOT_CHARS = 160;
export const LARGE_ONE_SHOT_LINES = 4;
/** A one-shot insert of at least this many non-blank lines is a block written at once (see resumesElsewhere). */
export const ONE_SHOT_BLOCK_LINES = 2;
/** The earlier pieces of an action are kept to move them when the decision changes; later ones follow the decision as it stands. */
export const MAX_ACTION_PIECES = 64;

/** What is known about an action so far. Mutated in place as edits join. */
export interface ActionEvidence {
  events: number;
  /** Events with exactly one change that inserts text. */
  singleInsertEvents: number;
  firstAt: number;
  lastAt: number;
  /** The longest gap between two of its events. */
  longestGapMs: number;
  insertedChars: number;
  /** Non-blank inserted lines. */
  contentLines: number;
  aiLike: boolean;
  /** Some edit landed in the focused editor. */
  inActiveEditor: boolean;
  /** A command the user ran was running (format, rename, a tool's command). */
  toolCommand: boolean;
  /** A chat or agent editing session was proposing changes, or a chat request was just sent. */
  chatEditing: boolean;
  /** An AI extension's diff view was open. */
  diffView: boolean;
  /** It wrote into a file created a moment before. */
  createdFile: boolean;
  /** An extension known to write with AI is installed and enabled. */
  aiExtensionActive: boolean;
  /**
   * The editor labels an edit a `workspace.applyEdit` of generated-looking code (how Cline, Roo and
   * Continue apply their answers); tools' workspace edits arrive as code actions, renames or fixes.
   */
  aiLikeWorkspaceEdit: boolean;
}

export type ActionReason =
  | 'toolCommand' | 'chatEditing' | 'diffView' | 'createdFile' | 'streamed' | 'noAiExtension' | 'background'
  | 'workspaceEdit' | 'largeOneShot' | 'oneShot';

export interface ActionDecision {
  readonly category: Extract<Category, 'aiChat' | 'tool'>;
  readonly reason: ActionReason;
}

export function emptyEvidence(at: number): ActionEvidence {
  return {
    events: 0, singleInsertEvents: 0, firstAt: at, lastAt: at, longestGapMs: 0, insertedChars: 0, contentLines: 0,
    aiLike: false, inActiveEditor: false, toolCommand: false, chatEditing: false, diffView: false, createdFile: false,
    aiExtensionActive: false, aiLikeWorkspaceEdit: false,
  };
}

function decision(category: ActionDecision['category'], reason: ActionReason): ActionDecision {
  return Object.freeze({ category, reason });
}

const DECISIONS: Readonly<Record<ActionReason, ActionDecision>> = {
  toolCommand: decision('tool', 'toolCommand'),
  chatEditing: decision('aiChat', 'chatEditing'),
  diffView: decision('aiChat', 'diffView'),
  createdFile: decision('aiChat', 'createdFile'),
  streamed: decision('aiChat', 'streamed'),
  noAiExtension: decision('tool', 'noAiExtension'),
  background: decision('aiChat', 'background'),
  workspaceEdit: decision('aiChat', 'workspaceEdit'),
  largeOneShot: decision('aiChat', 'largeOneShot'),
  oneShot: decision('tool', 'oneShot'),
};
const BACKGROUND_TOOL = decision('tool', 'background');

export function isStreamed(evidence: ActionEvidence): boolean {
  return evidence.singleInsertEvents >= STREAM_MIN_EVENTS && evidence.longestGapMs <= STREAM_MAX_GAP_MS
    && evidence.lastAt - evidence.firstAt >= STREAM_MIN_SPAN_MS && evidence.insertedChars >= STREAM_MIN_CHARS;
}

/** The category of the whole action, on all its evidence so far. Pure and O(1). */
export function decideAction(evidence: ActionEvidence): ActionDecision {
  if (evidence.toolCommand) {
    return DECISIONS.toolCommand;
  }
  if (evidence.chatEditing) {
    return DECISIONS.chatEditing;
  }
  if (evidence.diffView) {
    return DECISIONS.diffView;
  }
  // Written into a file created a moment before, in more than one go (a tool's header is one edit).
  if (evidence.createdFile && evidence.events >= 2 && evidence.insertedChars >= STREAM_MIN_CHARS) {
    return DECISIONS.createdFile;
  }
  if (isStreamed(evidence)) {
    return DECISIONS.streamed;
  }
  if (!evidence.aiExtensionActive) {
    return DECISIONS.noAiExtension;
  }
  if (!evidence.inActiveEditor) {
    // Nobody types into a document no editor shows: an agent's write, unless it is a rename-like touch-up.
    return evidence.aiLike ? DECISIONS.background : BACKGROUND_TOOL;
  }
  if (evidence.aiLikeWorkspaceEdit) {
    return DECISIONS.workspaceEdit;
  }
  if (evidence.aiLike && evidence.insertedChars >= LARGE_ONE_SHOT_CHARS && evidence.contentLines >= LARGE_ONE_SHOT_LINES) {
    return DECISIONS.largeOneShot;
  }
  return DECISIONS.oneShot;
}
