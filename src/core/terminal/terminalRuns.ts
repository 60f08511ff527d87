import type { Clock } from '../clock';
import type { CommandKind } from './commandLine';

/** Writes this long after a command ended are still its own (flushes, the file watcher's delay). */
export const RUN_GRACE_MS = 3_000;
/** A run that never reports its end (a terminal killed mid-command) stops explaining writes after this. */
export const MAX_RUN_MS = 12 * 60 * 60_000;
/** Ended runs kept for the grace period; a bound so a busy terminal never grows the list. */
const MAX_RUNS = 64;

export interface TerminalRun {
  readonly kind: CommandKind['kind'];
  readonly name: string;
  readonly start: number;
  end: number | undefined;
}

/**
 * The terminal commands running now that explain file writes: agent CLIs and file-rewriting
 * commands, each from its start until a grace period after its end. Deterministic: the clock is
 * passed in and every query takes its time.
 */
export class TerminalRuns {
  private readonly runs = new Map<unknown, TerminalRun>();

  constructor(private readonly clock: Clock, private readonly graceMs = RUN_GRACE_MS) {}

  /** A command started; `key` identifies its execution (the host passes the execution object). */
  start(key: unknown, command: CommandKind, at = this.clock.now()): TerminalRun {
    this.prune(at);
    const run: TerminalRun = { kind: command.kind, name: command.name, start: at, end: undefined };
    this.runs.delete(key);
    this.runs.set(key, run);
    return run;
  }

  /** A command ended (unknown keys are ignored: commands that explain nothing are never started here). */
  end(key: unknown, at = this.clock.now()): void {
    const run = this.runs.get(key);
    if (run !== undefined && run.end === undefined) {
      run.end = at;
    }
  }

  private isActive(run: TerminalRun, at: number): boolean {
    const until = run.end === undefined ? run.start + MAX_RUN_MS : run.end + this.graceMs;
    return run.start <= at && at <= until;
  }

  /**
   * The run that explains a write at `at`: of the runs active then, the one started last (a
   * `git checkout` typed while an agent works in another terminal rewrites the files at once).
   */
  explain(at = this.clock.now()): TerminalRun | undefined {
    let found: TerminalRun | undefined;
    for (const run of this.runs.values()) {
      if (this.isActive(run, at) && (found === undefined || run.start >= found.start)) {
        found = run;
      }
    }
    return found;
  }

  /** The agent active at `at`, if the write is explained by one. */
  agentAt(at = this.clock.now()): string | undefined {
    const run = this.explain(at);
    return run?.kind === 'agent' ? run.name : undefined;
  }

  /** Whether any run explains writes at `at` (the host watches files only then). */
  anyActive(at = this.clock.now()): boolean {
    return this.explain(at) !== undefined;
  }

  /** When the last active run stops explaining writes (undefined: none active, or one still running). */
  quietAt(at = this.clock.now()): number | undefined {
    let latest = -Infinity;
    for (const run of this.runs.values()) {
      if (!this.isActive(run, at)) {
        continue;
      }
      if (run.end === undefined) {
        return undefined;
      }
      latest = Math.max(latest, run.end + this.graceMs);
    }
    return latest === -Infinity ? undefined : latest;
  }

  private prune(at: number): void {
    for (const [key, run] of this.runs) {
      if (!this.isActive(run, at) || this.runs.size > MAX_RUNS) {
        this.runs.delete(key);
      }
    }
  }
}
