import * as vscode from 'vscode';
import { ANY_DOCUMENT, type IntentLog } from '../../core/attribution/intents';
import type { IntentKind } from '../../core/attribution/types';
import type { Clock } from '../../core/clock';
import { Disposable } from '../disposable';

/** One observed command: the intent it records, for the active document or for every document. */
export interface ObservedCommand {
  readonly command: string;
  readonly kind: IntentKind;
  readonly scope: 'activeDocument' | 'anyDocument';
  /** Recorded when the command returns (a command whose edits follow its return, such as format). */
  readonly doneKind?: IntentKind;
}

/**
 * Observes editor commands by registering the same command ids: the latest registration wins, so
 * ours runs first, records the intent, steps aside and runs the editor's own command, then
 * registers again. Whatever fails on our side, the built-in still runs.
 */
export class CommandInterceptor extends Disposable {
  private readonly registrations = new Map<string, vscode.Disposable>();
  private enabled = false;

  constructor(
    private readonly commands: readonly ObservedCommand[],
    private readonly intents: IntentLog,
    private readonly clock: Clock,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.register({ dispose: () => this.setEnabled(false) });
  }

  setEnabled(enabled: boolean): void {
    if (enabled === this.enabled || (enabled && this.isDisposed)) {
      return;
    }
    this.enabled = enabled;
    if (enabled) {
      for (const observed of this.commands) {
        this.intercept(observed);
      }
      this.onEnabled();
    } else {
      for (const registration of this.registrations.values()) {
        registration.dispose();
      }
      this.registrations.clear();
    }
  }

  protected get isEnabled(): boolean {
    return this.enabled;
  }

  /** Called once each time observing is turned on (for commands that exist only in some editors). */
  protected onEnabled(): void {}

  protected intercept(observed: ObservedCommand): void {
    if (!this.enabled || this.registrations.has(observed.command)) {
      return;
    }
    try {
      this.registrations.set(observed.command, vscode.commands.registerCommand(observed.command, (...args: unknown[]) => this.run(observed, args)));
    } catch (error) {
      this.log.warn(`Could not observe ${observed.command}: ${String(error)}`);
    }
  }

  private recordIntent(observed: ObservedCommand, kind: IntentKind): void {
    try {
      const documentKey = observed.scope === 'anyDocument' ? ANY_DOCUMENT : vscode.window.activeTextEditor?.document.uri.toString();
      if (documentKey !== undefined) {
        this.intents.record({ kind, documentKey, at: this.clock.now(), detail: observed.command });
      }
    } catch (error) {
      this.log.warn(`Could not record ${observed.command}: ${String(error)}`);
    }
  }

  private async run(observed: ObservedCommand, args: unknown[]): Promise<unknown> {
    this.recordIntent(observed, observed.kind);
    // Step aside so the same id reaches the editor's command; no re-entry while it runs.
    this.registrations.get(observed.command)?.dispose();
    this.registrations.delete(observed.command);
    try {
      return await vscode.commands.executeCommand(observed.command, ...args);
    } finally {
      if (observed.doneKind !== undefined) {
        this.recordIntent(observed, observed.doneKind);
      }
      this.intercept(observed);
    }
  }
}
