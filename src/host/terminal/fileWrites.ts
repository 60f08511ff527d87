import * as vscode from 'vscode';
import type { Attribution } from '../../core/attribution/types';
import { systemScheduler, type Clock, type Scheduler } from '../../core/clock';
import { Baselines } from '../../core/files/baselines';
import { MAX_COUNTED_FILE_BYTES, ignoredFoldersGlob, isBinaryContent, isCountedPath } from '../../core/files/countedFiles';
import { fileWriteAttribution } from '../../core/files/fileWrite';
import { RUN_GRACE_MS, type TerminalRun, type TerminalRuns } from '../../core/terminal/terminalRuns';
import { Disposable } from '../disposable';

/** Files listed when a run starts (their content is the baseline its writes are diffed against). */
const MAX_SNAPSHOT_FILES = 2_000;
/** Memory for baselines: enough for a large project's sources, bounded whatever the workspace holds. */
const BASELINE_LIMITS = { maxEntries: MAX_SNAPSHOT_FILES, maxChars: 16_000_000, maxFileChars: MAX_COUNTED_FILE_BYTES };
/** A command's start reaches the extension a moment after the shell started it: its first writes may be older. */
const START_SLACK_MS = 1_000;
/** After a run's grace period, its files are checked once more: the file watcher may coalesce or drop events. */
const SWEEP_SLACK_MS = 500;

export interface FileWritesOptions {
  readonly runs: TerminalRuns;
  readonly clock: Clock;
  readonly log: vscode.LogOutputChannel;
  readonly onAttribution: (attribution: Attribution) => void;
  readonly scheduler?: Scheduler;
}

/**
 * Writes by terminal commands to workspace files that no editor shows (an open document's change
 * arrives as a reload and is the classifier's). When a run starts, the workspace's counted files are
 * read as baselines; each write during the run (file watcher events, and a sweep after the run, for
 * events the watcher coalesced) is diffed against the file's last known content. All of it runs
 * off the keystroke path, one file at a time; file text stays in memory and is never stored.
 */
export class TerminalFileWrites extends Disposable {
  private readonly baselines = new Baselines(BASELINE_LIMITS);
  /**
   * Files known to exist before the write being counted, with their size when their content is not
   * kept (a file unknown here is new and counts whole). Bounded like the listing.
   */
  private readonly known = new Map<string, number>();
  private readonly queue = new Map<string, vscode.Uri>();
  private draining: Promise<void> | undefined;
  private snapshotting: Promise<void> = Promise.resolve();
  /** Files each run wrote to: later writes continue the same action. */
  private readonly written = new WeakMap<TerminalRun, Set<string>>();
  private readonly sweeps = new Set<unknown>();
  private readonly scheduler: Scheduler;

  constructor(private readonly options: FileWritesOptions) {
    super();
    this.scheduler = options.scheduler ?? systemScheduler;
    const watcher = this.register(vscode.workspace.createFileSystemWatcher('**/*', false, false, true));
    this.register(watcher.onDidCreate((uri) => this.onWrite(uri)));
    this.register(watcher.onDidChange((uri) => this.onWrite(uri)));
    // The last content of a file that was open is known without reading it.
    this.register(vscode.workspace.onDidCloseTextDocument((document) => {
      if (this.relativePath(document.uri) !== undefined) {
        this.baselines.set(document.uri.toString(), document.getText());
      }
    }));
    this.register({ dispose: () => this.sweeps.forEach((timer) => this.scheduler.clearTimeout(timer)) });
    // Baselines before the first command: a git checkout rewrites files within milliseconds of
    // its start, sooner than any read at that moment. Terminals are where runs come from.
    this.register(vscode.window.onDidOpenTerminal(() => this.prepare()));
    if (vscode.window.terminals.length > 0) {
      this.prepare();
    }
  }

  /** Reads the baselines now, with no run going (a terminal opened, a run ended). */
  prepare(): void {
    this.snapshotting = this.snapshotting.then(() => this.snapshot(undefined)).catch((error: unknown) => {
      this.options.log.warn(`Terminal: the workspace's files could not be listed (${String(error)})`);
    });
  }

  /** Takes the baselines of a run that just started. */
  runStarted(run: TerminalRun): void {
    this.snapshotting = this.snapshotting.then(() => this.snapshot(run.start)).catch((error: unknown) => {
      this.options.log.warn(`Terminal: the workspace's files could not be listed (${String(error)})`);
    });
  }

  /** Checks the run's files once its grace period is over. */
  runEnded(run: TerminalRun): void {
    if (this.isDisposed) {
      return;
    }
    const timer = this.scheduler.setTimeout(() => {
      this.sweeps.delete(timer);
      void this.sweep(run).then(() => this.idle()).then(() => this.prepare());
    }, RUN_GRACE_MS + SWEEP_SLACK_MS);
    this.sweeps.add(timer);
  }

  /** Resolves when every write seen so far is counted (tests, and an orderly shutdown). */
  async idle(): Promise<void> {
    await this.snapshotting;
    while (this.draining !== undefined) {
      await this.draining;
    }
  }

  private onWrite(uri: vscode.Uri): void {
    if (this.options.runs.explain(this.options.clock.now()) !== undefined) {
      this.enqueue(uri);
    }
  }

  private enqueue(uri: vscode.Uri): void {
    if (this.isDisposed) {
      return;
    }
    this.queue.set(uri.toString(), uri);
    this.draining ??= this.drain().finally(() => {
      this.draining = undefined;
    });
  }

  private async drain(): Promise<void> {
    await this.snapshotting;
    for (const [key, uri] of this.queue) {
      this.queue.delete(key);
      try {
        await this.count(uri, key);
      } catch (error) {
        this.options.log.warn(`Terminal run: a written file could not be read (${String(error)})`);
      }
    }
  }

  /** The path inside its workspace folder, when the file may count; undefined outside every folder. */
  private relativePath(uri: vscode.Uri): string | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder === undefined || uri.scheme !== folder.uri.scheme) {
      return undefined;
    }
    const root = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
    if (!uri.path.startsWith(root)) {
      return undefined;
    }
    const relative = uri.path.slice(root.length);
    return isCountedPath(relative) ? relative : undefined;
  }

  private isOpen(key: string): boolean {
    return vscode.workspace.textDocuments.some((document) => !document.isClosed && document.uri.toString() === key);
  }

  /** Reads a counted file's text, or undefined (too large, binary, gone). */
  private async readText(uri: vscode.Uri): Promise<{ text: string; mtime: number } | undefined> {
    const stat = await vscode.workspace.fs.stat(uri);
    if ((stat.type & vscode.FileType.File) === 0 || stat.size > MAX_COUNTED_FILE_BYTES) {
      return undefined;
    }
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (isBinaryContent(bytes)) {
      return undefined;
    }
    const text = new TextDecoder().decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, mtime: stat.mtime };
  }

  private async count(uri: vscode.Uri, key: string): Promise<void> {
    const path = this.relativePath(uri);
    if (path === undefined || this.isOpen(key)) {
      return;
    }
    const read = await this.readText(uri);
    if (read === undefined) {
      return;
    }
    const now = this.options.clock.now();
    const run = this.options.runs.explain(Math.min(read.mtime, now)) ?? this.options.runs.explain(now);
    if (run === undefined) {
      this.baselines.delete(key);
      return;
    }
    let files = this.written.get(run);
    if (files === undefined) {
      files = new Set();
      this.written.set(run, files);
    }
    const at = Math.max(run.start, Math.min(read.mtime, now));
    const write = { path, text: read.text, before: this.baselines.get(key), existed: this.known.has(key), sizeBefore: this.known.get(key), at };
    const attribution = fileWriteAttribution(run, write, files.has(key));
    this.baselines.set(key, read.text);
    this.remember(key, read.text);
    if (attribution !== undefined) {
      files.add(key);
      this.options.onAttribution(attribution);
    }
  }

  /** Counted files in the workspace folders now (bounded, ignored folders not even listed). */
  private async listFiles(): Promise<vscode.Uri[]> {
    if ((vscode.workspace.workspaceFolders ?? []).length === 0) {
      return [];
    }
    const found = await vscode.workspace.findFiles('**/*', ignoredFoldersGlob(), MAX_SNAPSHOT_FILES);
    return found.filter((uri) => this.relativePath(uri) !== undefined);
  }

  /** The file exists with this content; its size is what counts when the content is not kept. */
  private remember(key: string, text: string): void {
    this.known.delete(key);
    this.known.set(key, text.length);
    for (const oldest of this.known.keys()) {
      if (this.known.size <= MAX_SNAPSHOT_FILES * 2) {
        break;
      }
      this.known.delete(oldest);
    }
  }

  /**
   * Reads every counted file as its baseline. With a run's start: a file already written since then
   * keeps the baseline it had (or, with none, counts as new), since its content now is the run's.
   */
  private async snapshot(runStart: number | undefined): Promise<void> {
    for (const uri of await this.listFiles()) {
      const key = uri.toString();
      try {
        const read = await this.readText(uri);
        if (read !== undefined && (runStart === undefined || read.mtime < runStart - START_SLACK_MS)) {
          this.baselines.set(key, read.text);
          this.remember(key, read.text);
        }
      } catch {
        // Gone or unreadable: if it reappears, it is new.
        this.known.delete(key);
        this.baselines.delete(key);
      }
    }
  }

  private async sweep(run: TerminalRun): Promise<void> {
    try {
      for (const uri of await this.listFiles()) {
        const stat = await vscode.workspace.fs.stat(uri).then((value) => value, () => undefined);
        if (stat !== undefined && stat.mtime >= run.start - START_SLACK_MS) {
          this.enqueue(uri);
        }
      }
    } catch (error) {
      this.options.log.warn(`Terminal run: the workspace's files could not be listed (${String(error)})`);
    }
  }
}
