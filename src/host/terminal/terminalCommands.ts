import * as vscode from 'vscode';
import { classifyCommandLine, terminalAgentNames } from '../../core/terminal/commandLine';
import type { TerminalRun, TerminalRuns } from '../../core/terminal/terminalRuns';
import { Disposable } from '../disposable';

export interface TerminalCommandsOptions {
  readonly runs: TerminalRuns;
  /** Setting `ownershipRatio.detection.terminalAgents`, read again when it changes. */
  readonly agentSetting: () => readonly unknown[];
  /** A command that rewrites files started or ended (the file writes watch around it). */
  readonly onRunStarted?: (run: TerminalRun) => void;
  readonly onRunEnded?: (run: TerminalRun) => void;
  readonly log?: vscode.LogOutputChannel;
}

/**
 * The integrated terminal's commands, through its shell integration: an agent CLI or a
 * file-rewriting command (git checkout, a package install) opens a run that explains file writes.
 * Other commands are ignored; nothing of the command line is kept beyond the agent's name.
 */
export class TerminalCommands extends Disposable {
  private agents: ReadonlySet<string>;
  private readonly started = new Map<vscode.TerminalShellExecution, TerminalRun>();

  constructor(private readonly options: TerminalCommandsOptions) {
    super();
    this.agents = terminalAgentNames(options.agentSetting());
    const window = vscode.window;
    // Hosts before shell integration's stable API have neither event: the fallback is today's.
    if (typeof window.onDidStartTerminalShellExecution === 'function') {
      this.register(window.onDidStartTerminalShellExecution((event) => this.onStart(event.execution)));
    }
    if (typeof window.onDidEndTerminalShellExecution === 'function') {
      this.register(window.onDidEndTerminalShellExecution((event) => this.onEnd(event.execution)));
    }
    this.register(vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('ownershipRatio.detection.terminalAgents')) {
        this.agents = terminalAgentNames(options.agentSetting());
      }
    }));
  }

  private onStart(execution: vscode.TerminalShellExecution): void {
    const line = execution.commandLine?.value;
    const command = typeof line === 'string' ? classifyCommandLine(line, this.agents) : undefined;
    if (command === undefined) {
      return;
    }
    const run = this.options.runs.start(execution, command);
    this.options.log?.info(`Terminal: ${command.kind === 'agent' ? 'agent' : 'file-rewriting command'} "${command.name}" started`);
    this.started.set(execution, run);
    this.options.onRunStarted?.(run);
  }

  private onEnd(execution: vscode.TerminalShellExecution): void {
    const run = this.started.get(execution);
    if (run === undefined) {
      return;
    }
    this.started.delete(execution);
    this.options.runs.end(execution);
    this.options.log?.info(`Terminal: "${run.name}" ended`);
    this.options.onRunEnded?.(run);
  }
}
