import * as vscode from 'vscode';
import type { IntentLog } from '../../core/attribution/intents';
import type { Clock } from '../../core/clock';
import { CommandInterceptor, type ObservedCommand } from './commandInterceptor';

/** The editor's inline-suggestion accept commands (Tab, Ctrl+Right…), with the intent each records. */
const ACCEPT_COMMANDS: readonly ObservedCommand[] = [
  { command: 'editor.action.inlineSuggest.commit', kind: 'inlineAccept', scope: 'activeDocument' },
  { command: 'editor.action.inlineSuggest.acceptNextWord', kind: 'inlineAcceptWord', scope: 'activeDocument' },
  { command: 'editor.action.inlineSuggest.acceptNextLine', kind: 'inlineAcceptLine', scope: 'activeDocument' },
  { command: 'editor.action.inlineSuggest.jump', kind: 'inlineJump', scope: 'activeDocument' },
];
/** Cursor's own accept command; it exists only in Cursor. */
const CURSOR_ACCEPT: ObservedCommand = { command: 'editor.action.acceptCursorTabSuggestion', kind: 'inlineAccept', scope: 'activeDocument' };

/** Observes inline-suggestion accepts (setting `ownershipRatio.detection.interceptAcceptCommands`). */
export class AcceptCommandInterceptor extends CommandInterceptor {
  constructor(intents: IntentLog, clock: Clock, log: vscode.LogOutputChannel) {
    super(ACCEPT_COMMANDS, intents, clock, log);
  }

  protected override onEnabled(): void {
    // Look Cursor's command up without delaying activation.
    vscode.commands.getCommands(true).then((commands) => {
      if (this.isEnabled && commands.includes(CURSOR_ACCEPT.command)) {
        this.intercept(CURSOR_ACCEPT);
      }
    }, () => undefined);
  }
}
