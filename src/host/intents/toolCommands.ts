import type * as vscode from 'vscode';
import type { IntentLog } from '../../core/attribution/intents';
import type { Clock } from '../../core/clock';
import { CommandInterceptor, type ObservedCommand } from './commandInterceptor';

/** Commands whose edits follow their return: the window ends shortly after it. */
function returnsAfterEditing(command: string): ObservedCommand {
  return { command, kind: 'toolCommand', scope: 'anyDocument', doneKind: 'toolCommandDone' };
}

/** Commands that wait for the user (a new name, a menu choice): the window lasts until the user acts. */
function waitsForUser(command: string): ObservedCommand {
  return { command, kind: 'toolCommand', scope: 'anyDocument' };
}

/** The editor's commands that edit as tools: formatting, renaming, code actions. */
const TOOL_COMMANDS: readonly ObservedCommand[] = [
  returnsAfterEditing('editor.action.formatDocument'),
  returnsAfterEditing('editor.action.formatSelection'),
  returnsAfterEditing('editor.action.organizeImports'),
  returnsAfterEditing('editor.action.fixAll'),
  returnsAfterEditing('editor.action.autoFix'),
  waitsForUser('editor.action.rename'),
  waitsForUser('editor.action.quickFix'),
  waitsForUser('editor.action.refactor'),
  waitsForUser('editor.action.sourceAction'),
];

/**
 * Observes the editor's editing commands, so that their edits count as `tool` even while a chat
 * session is open (setting `ownershipRatio.detection.observeToolCommands`).
 */
export class ToolCommandInterceptor extends CommandInterceptor {
  constructor(intents: IntentLog, clock: Clock, log: vscode.LogOutputChannel) {
    super(TOOL_COMMANDS, intents, clock, log);
  }
}
