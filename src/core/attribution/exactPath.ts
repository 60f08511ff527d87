import { isAiLike } from './shape';
import type { IntentLog } from './intents';
import type { DetailedReason, EditFact } from './types';
import { anonymousVerdict, commandVerdict, safeToken, verdict, withEvidence, type Verdict } from './verdict';
import { isSavingAt } from './windows';

/*
 * The exact path: VS Code's own edit source (proposed API `detailedReason`), measured in VS Code 1.139
 * (see design/attribution.md). The metadata is untyped runtime data: every read is checked, nothing
 * here throws, and an unrecognised source returns undefined so the stable path decides.
 */

const TYPED = verdict('typed', 'exact', 'exact:cursor/type');
const TYPED_IME = verdict('typed', 'exact', 'exact:cursor/ime');
const TYPED_DELETE = verdict('typed', 'exact', 'exact:cursor/delete');
const TYPED_CUT = verdict('typed', 'exact', 'exact:cursor/cut');
const TYPED_COMMAND = verdict('typed', 'exact', 'exact:cursor/command');
const TOOL_COMMAND = verdict('tool', 'exact', 'exact:cursor/command');
const PASTE = verdict('paste', 'exact', 'exact:cursor/paste');
const INLINE_ACCEPT = verdict('aiInline', 'exact', 'exact:inlineAccept');
const INLINE_PARTIAL_ACCEPT = verdict('aiInline', 'exact', 'exact:inlinePartialAccept');
const CHAT = verdict('aiChat', 'exact', 'exact:chat');
const INLINE_CHAT = verdict('aiChat', 'exact', 'exact:inlineChat');
const CHAT_UNDO = verdict('undoRedo', 'exact', 'exact:chatUndo');
const SUGGEST = verdict('tool', 'exact', 'exact:suggest');
const SNIPPET = verdict('tool', 'exact', 'exact:snippet');
const CODE_ACTION = commandVerdict('tool', 'exact', 'exact:codeAction');
const RENAME = commandVerdict('tool', 'exact', 'exact:rename');
const EOL_CHANGE = verdict('tool', 'exact', 'exact:eolChange');
const UNDO_REDO = verdict('undoRedo', 'exact', 'exact:applyEdits');
/** `applyEdits` without an Undo/Redo reason: measured only for undo/redo, but not proven here. */
const UNDO_REDO_GUESS = verdict('undoRedo', 'estimated', 'exact:applyEdits');
const RELOAD = verdict('external', 'exact', 'exact:reloadFromDisk');
const SET_VALUE = verdict('external', 'estimated', 'exact:setValue');
const FORMAT = commandVerdict('tool', 'exact', 'exact:format');
const AUTO_IMPORT = verdict('tool', 'exact', 'exact:suggestAdditionalEdits');
const EDIT_SESSION_UNDO = verdict('undoRedo', 'exact', 'exact:editSessionUndoRedo');
const UPDATE_MODEL = verdict('external', 'estimated', 'exact:updateModel');
const SAVE_TRIM = verdict('tool', 'exact', 'exact:pushEditOperation', 'intent:save');
/** Any extension's `TextEditor.edit` (Vim, refactoring tools...): a tool unless proven otherwise. */
const EXTENSION_EDITOR_EDIT = anonymousVerdict('tool', 'estimated', 'exact:extensionEditorEdit');
/** `workspace.applyEdit` is how Cline, Continue or Roo apply AI edits; its shape decides. */
const WORKSPACE_EDIT_AI = anonymousVerdict('aiChat', 'estimated', 'exact:workspaceEdit', 'shape:aiLike');
const WORKSPACE_EDIT_TOOL = anonymousVerdict('tool', 'estimated', 'exact:workspaceEdit');

/** Cursor commands that insert what a keyboard key means (Tab, indent, insert line). */
const TYPED_COMMANDS: ReadonlySet<string> = new Set([
  'tab', 'outdent', 'lineBreakInsert', 'editor.action.insertLineAfter', 'editor.action.insertLineBefore',
  'editor.action.indentLines', 'editor.action.outdentLines',
]);

function field(record: unknown, key: string): unknown {
  return typeof record === 'object' && record !== null ? (record as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function everyChangeIsDeletion(fact: EditFact): boolean {
  for (const change of fact.changes) {
    if (typeof change.text === 'string' && change.text.length > 0) {
      return false;
    }
  }
  return true;
}

function someChangeIsAiLike(fact: EditFact): boolean {
  for (const change of fact.changes) {
    if (typeof change.text === 'string' && isAiLike(change.text)) {
      return true;
    }
  }
  return false;
}

function cursorVerdict(fact: EditFact, metadata: unknown): Verdict | undefined {
  const kind = text(field(metadata, 'kind'));
  switch (kind) {
    case 'type':
      return TYPED;
    case 'compositionType':
    case 'compositionEnd':
      return TYPED_IME;
    case 'paste':
      return PASTE;
    case 'cut':
      return TYPED_CUT;
    case 'executeCommands':
    case 'executeCommand': {
      // Backspace, Delete, Ctrl+Backspace, delete line: the user's keystrokes, counted as deletions.
      if (everyChangeIsDeletion(fact)) {
        return TYPED_DELETE;
      }
      const command = text(field(metadata, 'detailedSource'));
      if (command !== undefined && TYPED_COMMANDS.has(command)) {
        return TYPED_COMMAND;
      }
      // Toggle comment, replace all, copy/move lines: text the user did not write.
      return withEvidence(TOOL_COMMAND, safeToken('cmd', command));
    }
    default:
      return undefined;
  }
}

function unknownSourceVerdict(fact: EditFact, metadata: unknown, intents: IntentLog): Verdict | undefined {
  const name = text(field(metadata, 'name'));
  if (name === 'formatEditsCommand' || (name !== undefined && name.startsWith('format'))) {
    return FORMAT;
  }
  if (name !== undefined && name.startsWith('suggestController.')) {
    return AUTO_IMPORT;
  }
  if (name === 'MainThreadTextEditor') {
    return EXTENSION_EDITOR_EDIT;
  }
  if (name === 'editSessionUndoRedo') {
    return EDIT_SESSION_UNDO;
  }
  if (name === 'updateModel') {
    return UPDATE_MODEL;
  }
  if (name === 'pushEditOperation' && isSavingAt(intents, fact.documentKey, fact.at)) {
    return SAVE_TRIM;
  }
  if (name === undefined || name === '' || name === 'unknown' || name === 'pushEditOperation') {
    // An extension's workspace edit (or save trim with no save intent seen): AI only if it looks like it.
    return someChangeIsAiLike(fact) ? WORKSPACE_EDIT_AI : WORKSPACE_EDIT_TOOL;
  }
  return undefined;
}

/** Maps VS Code's edit source to a verdict for every change of the event, or undefined if unrecognised. */
export function exactVerdict(reason: DetailedReason, fact: EditFact, intents: IntentLog): Verdict | undefined {
  const metadata = field(reason, 'metadata');
  const source = text(field(reason, 'source')) ?? text(field(metadata, 'source'));
  switch (source) {
    case 'cursor':
      return cursorVerdict(fact, metadata);
    case 'inlineCompletionAccept':
      return withEvidence(INLINE_ACCEPT, field(metadata, '$nes') === true ? 'nes' : undefined,
        safeToken('by', field(metadata, '$extensionId')));
    case 'inlineCompletionPartialAccept':
      return withEvidence(INLINE_PARTIAL_ACCEPT, safeToken('type', field(metadata, 'type')),
        safeToken('by', field(metadata, '$extensionId')));
    case 'Chat.applyEdits':
      return withEvidence(CHAT, safeToken('by', field(metadata, '$extensionId')));
    case 'inlineChat.applyEdits':
      return withEvidence(INLINE_CHAT, safeToken('by', field(metadata, '$extensionId')));
    case 'Chat.undoEdits':
    case 'Chat.reset':
      return CHAT_UNDO;
    case 'suggest':
      return SUGGEST;
    case 'snippet':
      return SNIPPET;
    case 'codeAction':
      return CODE_ACTION;
    case 'rename':
      return RENAME;
    case 'applyEdits':
      return fact.reason === 'undo' || fact.reason === 'redo' ? UNDO_REDO : UNDO_REDO_GUESS;
    case 'reloadFromDisk':
      return RELOAD;
    case 'setValue':
      return SET_VALUE;
    case 'eolChange':
      return EOL_CHANGE;
    case 'unknown':
      return unknownSourceVerdict(fact, metadata, intents);
    default:
      return undefined;
  }
}
