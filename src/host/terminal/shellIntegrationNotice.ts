import * as vscode from 'vscode';
import { systemScheduler, type Scheduler } from '../../core/clock';
import { Disposable } from '../disposable';

/** Shell integration activates within a second or two of a terminal opening; after this, it is off. */
export const SHELL_INTEGRATION_WAIT_MS = 10_000;

/**
 * Whether an open integrated terminal has no shell integration (turned off, or a shell it does not
 * support): agent CLIs run there cannot be recognised, and the status bar's tooltip says so.
 */
export class ShellIntegrationNotice extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly without = new Set<vscode.Terminal>();
  private readonly timers = new Map<vscode.Terminal, unknown>();

  constructor(private readonly scheduler: Scheduler = systemScheduler, private readonly waitMs = SHELL_INTEGRATION_WAIT_MS) {
    super();
    const window = vscode.window;
    this.register(window.onDidOpenTerminal((terminal) => this.watch(terminal)));
    this.register(window.onDidCloseTerminal((terminal) => this.forget(terminal)));
    if (typeof window.onDidChangeTerminalShellIntegration === 'function') {
      this.register(window.onDidChangeTerminalShellIntegration((event) => this.forget(event.terminal)));
    }
    for (const terminal of window.terminals) {
      this.watch(terminal);
    }
    this.register({ dispose: () => this.timers.forEach((timer) => scheduler.clearTimeout(timer)) });
  }

  /** An open terminal has no shell integration. */
  get missing(): boolean {
    return this.without.size > 0;
  }

  private watch(terminal: vscode.Terminal): void {
    if (terminal.shellIntegration !== undefined || this.timers.has(terminal) || this.isDisposed) {
      return;
    }
    this.timers.set(terminal, this.scheduler.setTimeout(() => {
      this.timers.delete(terminal);
      if (terminal.shellIntegration === undefined && terminal.exitStatus === undefined && !this.without.has(terminal)) {
        this.without.add(terminal);
        this.changed.fire();
      }
    }, this.waitMs));
  }

  private forget(terminal: vscode.Terminal): void {
    if (this.timers.has(terminal)) {
      this.scheduler.clearTimeout(this.timers.get(terminal));
      this.timers.delete(terminal);
    }
    if (this.without.delete(terminal)) {
      this.changed.fire();
    }
  }
}
