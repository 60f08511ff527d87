import { countCodePoints } from '../text';
import {
  ACCEPT_INTENT_WINDOW_MS, ACCEPT_KINDS, CHAT_EDITING_KINDS, CHAT_EDITING_WINDOW_MS, FILE_CHANGE_KINDS, FILE_CHANGE_WINDOW_MS, PASTE_INTENT_WINDOW_MS,
  PASTE_KINDS, SAVE_KINDS, SAVE_WINDOW_MS, TOOL_COMMAND_KINDS, TOOL_COMMAND_MAX_MS, intentKinds, type IntentLog,
} from './intents';
import {
  hasNonBlank, insertedText, isAiLike, isDeletion, isSuggestShape, leavesCursorInside, replacedLength, typedShapeAt,
  type TypedShape,
} from './shape';
import type { ChangeFact, EditFact } from './types';
import { anonymousVerdict, commandVerdict, verdict, type Verdict } from './verdict';
import { isChatEditingAt, isSavingAt, takeAccept, takeExternalChange, toolCommandAt } from './windows';

/*
 * The stable path (desktop VS Code, Cursor, Windsurf, VSCodium): intents first, heuristics last, in
 * the priority order of design/attribution.md. Intents are matched once per event; shapes per change.
 */

/** What decides an event as a whole, found once before its changes are judged one by one. */
export type EventSignal =
  | 'undo' | 'redo' | 'inlineAccept' | 'paste' | 'external' | 'restore' | 'toolCommand' | 'chatEditing' | 'save'
  | 'multiCursor' | 'multiChange' | 'single';

const UNDO = verdict('undoRedo', 'exact', 'reason:undo');
const REDO = verdict('undoRedo', 'exact', 'reason:redo');
const INLINE_ACCEPT = verdict('aiInline', 'exact', 'intent:inlineAccept');
const PASTE = verdict('paste', 'exact', 'intent:paste');
const EXTERNAL = verdict('external', 'estimated', 'intent:fileChanged', 'notDirty');
const RESTORE = verdict('undoRedo', 'estimated', 'shape:replacesDocument', 'notDirty');
const CHAT_EDITING = verdict('aiChat', 'estimated', 'intent:chatEditing');
const SAVE = verdict('tool', 'estimated', 'intent:save');
const TOOL_COMMAND = commandVerdict('tool', 'estimated', 'intent:toolCommand');
const MULTI_CURSOR_EXACT = verdict('typed', 'exact', 'shape:multiCursor', 'sel:keyboard');
const MULTI_CURSOR_ESTIMATED = verdict('typed', 'estimated', 'shape:multiCursor');
const MULTI_CHANGE = anonymousVerdict('tool', 'estimated', 'shape:multiChange');
const DELETE_AWAY = anonymousVerdict('tool', 'estimated', 'shape:deleteAwayFromCursor');
const BACKGROUND = anonymousVerdict('aiChat', 'estimated', 'shape:backgroundInsert');
const SUGGEST = verdict('tool', 'estimated', 'shape:suggest');
const SNIPPET = verdict('tool', 'estimated', 'shape:snippet', 'sel:insideInsert');
const AI_LIKE = anonymousVerdict('aiChat', 'estimated', 'shape:aiLike');
const UNKNOWN = anonymousVerdict('tool', 'estimated', 'shape:unknown');

/**
 * The intents that can decide an event's signal (an accept, a paste, a file change, a command, a
 * chat editing, a save), and the longest window any of them opens.
 */
const SIGNAL_KINDS = intentKinds(...ACCEPT_KINDS, ...PASTE_KINDS, ...FILE_CHANGE_KINDS, ...TOOL_COMMAND_KINDS, ...CHAT_EDITING_KINDS, ...SAVE_KINDS);
const SIGNAL_WINDOW_MS = Math.max(
  ACCEPT_INTENT_WINDOW_MS, PASTE_INTENT_WINDOW_MS, FILE_CHANGE_WINDOW_MS, TOOL_COMMAND_MAX_MS, CHAT_EDITING_WINDOW_MS, SAVE_WINDOW_MS,
);

type TypedVerdicts = Readonly<Record<TypedShape, Verdict>>;
const TYPED_EXACT: TypedVerdicts = {
  short: verdict('typed', 'exact', 'shape:short', 'sel:keyboard'),
  enterIndent: verdict('typed', 'exact', 'shape:enterIndent', 'sel:keyboard'),
  indent: verdict('typed', 'exact', 'shape:indent', 'sel:keyboard'),
  ime: verdict('typed', 'exact', 'shape:ime', 'sel:keyboard'),
  delete: verdict('typed', 'exact', 'shape:delete', 'sel:keyboard'),
};
const TYPED_ESTIMATED: TypedVerdicts = {
  short: verdict('typed', 'estimated', 'shape:short'),
  enterIndent: verdict('typed', 'estimated', 'shape:enterIndent'),
  indent: verdict('typed', 'estimated', 'shape:indent'),
  ime: verdict('typed', 'estimated', 'shape:ime'),
  delete: verdict('typed', 'estimated', 'shape:delete'),
};

function isKeyboard(fact: EditFact): boolean {
  return fact.selectionKind === 'keyboard';
}

/** By name, not by indexing the table with the shape: that read would be a slow keyed one on every keystroke. */
function typedVerdict(shape: TypedShape, keyboard: boolean): Verdict {
  const verdicts = keyboard ? TYPED_EXACT : TYPED_ESTIMATED;
  switch (shape) {
    case 'short':
      return verdicts.short;
    case 'enterIndent':
      return verdicts.enterIndent;
    case 'indent':
      return verdicts.indent;
    case 'ime':
      return verdicts.ime;
    case 'delete':
      return verdicts.delete;
  }
}

/**
 * Typing that overrides a window (save, chat, file change): a typed shape at a cursor, paired with a
 * Keyboard selection change, or Enter / a deletion, whose selection change VS Code leaves unlabelled.
 */
function userTypingVerdict(fact: EditFact, change: ChangeFact): Verdict | undefined {
  const keyboard = isKeyboard(fact);
  const shape = typedShapeAt(fact, change, keyboard);
  if (shape === undefined || !(keyboard || shape === 'enterIndent' || shape === 'delete')) {
    return undefined;
  }
  return typedVerdict(shape, keyboard);
}

function someChangeInserts(fact: EditFact): boolean {
  for (const change of fact.changes) {
    if (insertedText(change).length > 0) {
      return true;
    }
  }
  return false;
}

/** One keystroke (1–2 characters at a cursor, Keyboard selection change): typing, whatever intent is pending. */
function isKeystroke(fact: EditFact): boolean {
  return fact.changes.length === 1 && isKeyboard(fact) && typedShapeAt(fact, fact.changes[0], true) === 'short';
}

function everyChangeIsUserTyping(fact: EditFact): boolean {
  for (const change of fact.changes) {
    if (userTypingVerdict(fact, change) === undefined) {
      return false;
    }
  }
  return true;
}

/**
 * Several changes in one event are typing when each is a typed shape at its own cursor, or, with the
 * cursors unknown, when a Keyboard-paired event inserts the same 1–2 characters everywhere.
 */
function isMultiCursorTyping(fact: EditFact): boolean {
  const keyboard = isKeyboard(fact);
  const first = insertedText(fact.changes[0]);
  let allTyped = true;
  let identical = true;
  for (const change of fact.changes) {
    if (allTyped && typedShapeAt(fact, change, keyboard) === undefined) {
      allTyped = false;
    }
    if (identical && (insertedText(change) !== first || replacedLength(change) !== replacedLength(fact.changes[0]))) {
      identical = false;
    }
  }
  if (allTyped) {
    return true;
  }
  // Fewer known cursors than changes: one cursor and edits elsewhere (rename), not multi-cursor typing.
  const cursors = Array.isArray(fact.cursors) ? fact.cursors.length : 0;
  const firstLength = first.length > 0 && first.length <= 4 ? countCodePoints(first) : 0;
  return keyboard && identical && firstLength >= 1 && firstLength <= 2 && (cursors === 0 || cursors >= fact.changes.length);
}

/**
 * Matches the event's intents (consuming the one-shot ones) and its overall shape. `userActedAt` is
 * the time of the user's last keystroke: a command's window never outlasts it.
 */
export function stableEventSignal(fact: EditFact, intents: IntentLog, userActedAt = Number.NEGATIVE_INFINITY, commandEditedAt = Number.NEGATIVE_INFINITY): EventSignal {
  if (fact.reason === 'undo' || fact.reason === 'redo') {
    return fact.reason;
  }
  const key = fact.documentKey;
  const at = fact.at;
  // While the user types, no such intent is recent: none of the windows below is open.
  if (intents.noneWithin(SIGNAL_KINDS, at, SIGNAL_WINDOW_MS)) {
    return shapeSignal(fact);
  }
  const inserts = someChangeInserts(fact);
  // One accept or one paste explains one event that inserts text.
  if (inserts && takeAccept(intents, key, at) !== undefined) {
    return 'inlineAccept';
  }
  // A paste the user cancelled by typing leaves its intent behind: a keystroke never takes it.
  if (inserts && intents.peek(PASTE_KINDS, key, at, PASTE_INTENT_WINDOW_MS) !== undefined && !isKeystroke(fact)) {
    intents.take(PASTE_KINDS, key, at, PASTE_INTENT_WINDOW_MS);
    return 'paste';
  }
  if (!fact.wasDirty && fact.madeDirty !== true && !everyChangeIsUserTyping(fact) && takeExternalChange(intents, key, at)) {
    return 'external';
  }
  if (isRestore(fact)) {
    return 'restore';
  }
  // A command the user ran edits as a tool, even while a chat session is open beside it.
  if (toolCommandAt(intents, at, userActedAt, commandEditedAt) !== undefined) {
    return 'toolCommand';
  }
  if (isChatEditingAt(intents, key, at)) {
    return 'chatEditing';
  }
  if (isSavingAt(intents, key, at)) {
    return 'save';
  }
  return changesSignal(fact);
}

/**
 * The whole content rewritten, clean, and no other program changed the file: the editor restored a
 * version (a chat's Undo, Revert File). Nobody's new work.
 */
function isRestore(fact: EditFact): boolean {
  return !fact.wasDirty && fact.replacesDocument === true;
}

function changesSignal(fact: EditFact): EventSignal {
  if (fact.changes.length > 1) {
    return isMultiCursorTyping(fact) ? 'multiCursor' : 'multiChange';
  }
  return 'single';
}

/** The signal of an event no intent explains: what its shape shows. */
function shapeSignal(fact: EditFact): EventSignal {
  return isRestore(fact) ? 'restore' : changesSignal(fact);
}

/** Edits of editor tools whose shape shows: a snippet waiting in its placeholders, a completion. */
function toolShapeVerdict(fact: EditFact, change: ChangeFact): Verdict | undefined {
  if (leavesCursorInside(fact, change)) {
    return SNIPPET;
  }
  return isSuggestShape(fact, change) ? SUGGEST : undefined;
}

/** Heuristics for a lone change with no intent, from the surest typed shapes to the AI-like fallback. */
function singleChangeVerdict(fact: EditFact, change: ChangeFact): Verdict {
  const keyboard = isKeyboard(fact);
  const shape = typedShapeAt(fact, change, keyboard);
  if (shape !== undefined) {
    return typedVerdict(shape, keyboard);
  }
  const text = insertedText(change);
  if (isDeletion(change) || !hasNonBlank(text)) {
    // Away from every cursor (a deletion or whitespace): a tool or another extension.
    return isDeletion(change) ? DELETE_AWAY : UNKNOWN;
  }
  if (!fact.inActiveEditor && (replacedLength(change) === 0 ? countCodePoints(text) >= 2 : isAiLike(text))) {
    // Nobody types into a document that is not in the focused editor; one-line replacements there are rename-like.
    return BACKGROUND;
  }
  return toolShapeVerdict(fact, change) ?? (isAiLike(text) ? AI_LIKE : UNKNOWN);
}

/** The verdict of one change, given its event's signal. */
export function stableVerdict(fact: EditFact, change: ChangeFact, signal: EventSignal): Verdict {
  switch (signal) {
    case 'undo':
      return UNDO;
    case 'redo':
      return REDO;
    case 'inlineAccept':
      return INLINE_ACCEPT;
    case 'paste':
      return PASTE;
    case 'external':
      return userTypingVerdict(fact, change) ?? EXTERNAL;
    case 'restore':
      return RESTORE;
    case 'chatEditing':
      // The chat-editing signal lasts while the user works on: their snippets and completions stay tools.
      return userTypingVerdict(fact, change) ?? toolShapeVerdict(fact, change) ?? CHAT_EDITING;
    case 'save':
      return userTypingVerdict(fact, change) ?? SAVE;
    case 'toolCommand':
      return userTypingVerdict(fact, change) ?? TOOL_COMMAND;
    case 'multiCursor':
      return isKeyboard(fact) ? MULTI_CURSOR_EXACT : MULTI_CURSOR_ESTIMATED;
    case 'multiChange':
      return MULTI_CHANGE;
    case 'single':
      return singleChangeVerdict(fact, change);
  }
}
