import {
  ACCEPT_INTENT_WINDOW_MS, ACCEPT_KINDS, ANY_DOCUMENT, CHAT_EDITING_ENDED_KINDS, CHAT_EDITING_KINDS, CHAT_EDITING_WINDOW_MS,
  CHAT_REQUEST_KINDS, CHAT_REQUEST_WINDOW_MS, CURSOR_MOVED_KINDS, FILE_CHANGE_ECHOED_KINDS, FILE_CHANGE_KINDS, FILE_CHANGE_WINDOW_MS, FILE_CREATED_KINDS, FILE_CREATED_WINDOW_MS, SAVE_KINDS,
  SAVE_WINDOW_MS, TOOL_COMMAND_DONE_KINDS, intentKinds, TOOL_COMMAND_KINDS, TOOL_COMMAND_EDIT_TAIL_MS, TOOL_COMMAND_MAX_MS, TOOL_COMMAND_TAIL_MS, type IntentLog,
} from './intents';
import type { Intent, IntentKind } from './types';

/*
 * The lifetime of every window an intent opens. A window ends when its cause ends (the save
 * finished, the chat's editing documents closed, the command returned, the cursor moved away), not
 * only when its timer runs out; and a user action after the intent closes it for good. All lookups
 * scan the small intent log and allocate nothing.
 */

const SAVED_ONLY: readonly IntentKind[] = intentKinds('saved');
const SAVE_OR_SAVED: readonly IntentKind[] = intentKinds('save', 'saved');
/** How close to a document's save the chat's model of it changes when its edits are kept (measured: within 75 ms). */
export const CHAT_KEEP_SAVE_MS = 100;

/** `later` ends `start` when it is of the same document (or every document) and not older. */
function ends(later: Intent | undefined, start: Intent): boolean {
  return later !== undefined && later.at >= start.at;
}

/**
 * The editor command the user ran (format, rename, quick fix…) whose edits these are, if one is
 * running at `at`: from its start until shortly after it returned, and never past a keystroke of
 * the user's (`userActedAt`). A command that waits for the user (rename, quick fix) has no return to
 * wait for: it ends right after its own edits (`commandEditedAt`, the last edit it explained),
 * which arrive together.
 */
export function toolCommandAt(intents: IntentLog, at: number, userActedAt: number, commandEditedAt = Number.NEGATIVE_INFINITY): Intent | undefined {
  const started = intents.peek(TOOL_COMMAND_KINDS, ANY_DOCUMENT, at, TOOL_COMMAND_MAX_MS);
  if (started === undefined || started.at < userActedAt) {
    return undefined;
  }
  if (commandEditedAt >= started.at && at - commandEditedAt > TOOL_COMMAND_EDIT_TAIL_MS) {
    return undefined;
  }
  const done = intents.peek(TOOL_COMMAND_DONE_KINDS, ANY_DOCUMENT, at, TOOL_COMMAND_MAX_MS);
  return ends(done, started) && done !== undefined && at - done.at > TOOL_COMMAND_TAIL_MS ? undefined : started;
}

/**
 * A chat or agent editing session is proposing changes: its documents opened or changed just now
 * and have not all closed since.
 */
export function isChatEditingAt(intents: IntentLog, documentKey: string, at: number): boolean {
  const active = intents.peek(CHAT_EDITING_KINDS, documentKey, at, CHAT_EDITING_WINDOW_MS);
  return active !== undefined && !isChatKeep(intents, active)
    && !ends(intents.peek(CHAT_EDITING_ENDED_KINDS, documentKey, at, CHAT_EDITING_WINDOW_MS), active);
}

/**
 * Keeping a chat's edits saves the document, and the chat's model of it catches up at that moment:
 * a chat model change that close to the document's save is the Keep, which ends the chat's editing
 * of that document, not activity that explains the next edit (a tool's, a second later).
 */
function isChatKeep(intents: IntentLog, active: Intent): boolean {
  return active.documentKey !== ANY_DOCUMENT
    && intents.hasNear(SAVE_OR_SAVED, active.documentKey, active.at, CHAT_KEEP_SAVE_MS);
}

/**
 * The user sent a chat request a moment ago and its edits may still follow while the model answers.
 * Once the chat's editing session shows activity (in any document), its edits are known by that
 * activity instead: the request window ends, so a tool's edit seconds later is not the chat's.
 */
export function isChatRequestAt(intents: IntentLog, documentKey: string, at: number): boolean {
  const request = intents.peek(CHAT_REQUEST_KINDS, documentKey, at, CHAT_REQUEST_WINDOW_MS);
  return request !== undefined && !ends(intents.peekAnyDocument(CHAT_EDITING_KINDS, at, CHAT_REQUEST_WINDOW_MS), request);
}

/** Format-on-save and trim edits run between the will-save event and the document being saved. */
export function isSavingAt(intents: IntentLog, documentKey: string, at: number): boolean {
  const save = intents.peek(SAVE_KINDS, documentKey, at, SAVE_WINDOW_MS);
  return save !== undefined && !ends(intents.peek(SAVED_ONLY, documentKey, at, SAVE_WINDOW_MS), save);
}

/**
 * Takes the accept that explains this edit, unless the user moved the cursor away after it: an
 * accept the editor did not apply (the suggestion was gone) explains nothing later.
 */
export function takeAccept(intents: IntentLog, documentKey: string, at: number): Intent | undefined {
  const accept = intents.peek(ACCEPT_KINDS, documentKey, at, ACCEPT_INTENT_WINDOW_MS);
  if (accept === undefined || ends(intents.peek(CURSOR_MOVED_KINDS, documentKey, at, ACCEPT_INTENT_WINDOW_MS), accept)) {
    return undefined;
  }
  return intents.take(ACCEPT_KINDS, documentKey, at, ACCEPT_INTENT_WINDOW_MS);
}

/**
 * Takes the document's file-changed-on-disk intent, unless the host found it to be the echo of the
 * editor's own save (the file watcher reports saves too).
 */
export function takeExternalChange(intents: IntentLog, documentKey: string, at: number): boolean {
  const change = intents.peek(FILE_CHANGE_KINDS, documentKey, at, FILE_CHANGE_WINDOW_MS);
  if (change === undefined || ends(intents.peek(FILE_CHANGE_ECHOED_KINDS, documentKey, at, FILE_CHANGE_WINDOW_MS), change)) {
    return false;
  }
  endFileChanges(intents, documentKey, at);
  return true;
}

/**
 * The document now holds what is on disk: every change reported so far is explained by this reload
 * (two quick writes are reloaded once), so none is left to claim the next edit, a tool's say.
 */
export function endFileChanges(intents: IntentLog, documentKey: string, at: number): void {
  let taken = intents.take(FILE_CHANGE_KINDS, documentKey, at, FILE_CHANGE_WINDOW_MS);
  while (taken !== undefined) {
    taken = intents.take(FILE_CHANGE_KINDS, documentKey, at, FILE_CHANGE_WINDOW_MS);
  }
}

/**
 * The document was created through the workspace API or the explorer a moment ago, and no action
 * has written into it since: the first one takes the creation, so a later action there (a tool's
 * header after the agent's stream) is not the file's creator.
 */
export function takeCreation(intents: IntentLog, documentKey: string, at: number): boolean {
  return intents.take(FILE_CREATED_KINDS, documentKey, at, FILE_CREATED_WINDOW_MS) !== undefined;
}
