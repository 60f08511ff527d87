import * as vscode from 'vscode';
import type { IntentLog } from '../../core/attribution/intents';
import type { IntentKind } from '../../core/attribution/types';
import type { Clock } from '../../core/clock';
import { Disposable } from '../disposable';

/** The editor's inline-suggestion accept commands, and Cursor's, with the intent each records. */
const ACCEPT_COMMANDS: ReadonlyArray<readonly [string, IntentKind]> = [
  ['editor.action.inlineSuggest.commit', 'inlineAccept'],
  ['editor.action.inlineSuggest.acceptNextWord', 'inlineAcceptWord'],
  ['editor.action.inlineSuggest.acceptNextLine', 'inlineAcceptLine'],
  ['editor.action.inlineSuggest.jump', 'inlineJump'],
];
const CURSOR_ACCEPT_COMMAND = 'editor.action.acceptCursorTabSuggestion';

/**
 * Observes inline-suggestion accepts (Tab, Ctrl+Right…) by registering the same command ids: the
 * latest registration wins, so ours runs first, records the intent, steps aside and runs the
 * editor's own command, then registers again. Whatever fails on our side, the built-in still runs.
 */
export class AcceptCommandInterceptor extends Disposable {
  private readonly registrations = new Map<string, vscode.Disposable>();
  private enabled = false;

  constructor(private readonly intents: IntentLog, private readonly clock: Clock, private readonly log: vscode.LogOutputChannel) {
    super();
    this.register({ dispose: () => this.setEnabled(false) });
  }

  setEnabled(enabled: boolean): void {
    if (enabled === this.enabled || (enabled && this.isDisposed)) {
      return;
    }
    this.enabled = enabled;
    if (enabled) {
      for (const [command, kind] of ACCEPT_COMMANDS) {
        this.intercept(command, kind);
      }
      // Cursor's own accept command exists only in Cursor; look it up without delaying activation.
      vscode.commands.getCommands(true).then((commands) => {
        if (this.enabled && commands.includes(CURSOR_ACCEPT_COMMAND)) {
          this.intercept(CURSOR_ACCEPT_COMMAND, 'inlineAccept');
        }
      }, () => undefined);
    } else {
      for (const registration of this.registrations.values()) {
        registration.dispose();
      }
      this.registrations.clear();
    }
  }

  private intercept(command: string, kind: IntentKind): void {
    if (!this.enabled || this.registrations.has(command)) {
      return;
    }
    try {
      this.registrations.set(command, vscode.commands.registerCommand(command, (...args: unknown[]) => this.run(command, kind, args)));
    } catch (error) {
      this.log.warn(`Could not observe ${command}: ${String(error)}`);
    }
  }

  private async run(command: string, kind: IntentKind, args: unknown[]): Promise<unknown> {
    try {
      const documentKey = vscode.window.activeTextEditor?.document.uri.toString();
      if (documentKey !== undefined) {
        this.intents.record({ kind, documentKey, at: this.clock.now() });
      }
    } catch (error) {
      this.log.warn(`Could not record an accept: ${String(error)}`);
    }
    // Step aside so the same id reaches the editor's command; no re-entry while it runs.
    this.registrations.get(command)?.dispose();
    this.registrations.delete(command);
    try {
      return await vscode.commands.executeCommand(command, ...args);
    } finally {
      this.intercept(command, kind);
    }
  }
}
