import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import type { OtherProject } from '../core/history/allProjects';
import type { QuarantineSink } from '../core/history/ports';
import { encodeProjectFile, keyOfProjectFile, MAX_PROJECT_FILE_BYTES, MAX_PROJECTS, parseProjectFile, type ParsedProject } from '../core/history/projectTotals';
import type { DaySummary } from '../core/history/snapshot';
import { PROJECTS_FOLDER } from '../core/storageKeys';
import { removeStaleTemporaries, writeFileAtomic } from './atomicFile';
import { isFileNotFound, jsonBytes } from './jsonFiles';
import type { StorageAlert } from './storageAlert';

/**
 * The `projects/` folder in the global storage (never synced): this workspace's copy of its daily
 * totals, written by its windows, and the other workspaces' copies, read for "All projects". A
 * copy that cannot be read is set aside to the quarantine with the reason, never overwritten; one
 * written by a newer version is left as it is (and this window then writes none over it).
 */
export class ProjectsFolder {
  private readonly folder: vscode.Uri;
  /** Copies already read, by file name, while their time and size stay the same. */
  private readonly cache = new Map<string, { readonly mtime: number; readonly size: number; readonly project: OtherProject }>();
  /** This workspace's copy was checked before its first write (a damaged one set aside, a newer one kept). */
  private ownChecked = false;
  private ownWritable = true;
  private queue: Promise<unknown> = Promise.resolve();
  /** Temporary files a crash left here are removed once a session, at the first reading. */
  private cleaned = false;

  constructor(
    globalStorage: vscode.Uri,
    /** This workspace's key (its file is `<key>.json`). */
    readonly key: string,
    private readonly quarantine: QuarantineSink,
    private readonly clock: Clock,
    private readonly log: Pick<vscode.LogOutputChannel, 'warn'>,
    private readonly alert: Pick<StorageAlert, 'failed'>,
  ) {
    this.folder = vscode.Uri.joinPath(globalStorage, PROJECTS_FOLDER);
  }

  private file(key: string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, `${key}.json`);
  }

  /**
   * Writes this workspace's copy of its days. With none counted (all deleted, in this window or
   * another one of this workspace) the copy goes: a deletion is never undone by an old copy.
   */
  writeOwn(name: string, days: readonly DaySummary[]): Promise<void> {
    return this.serial(async () => {
      const copy = encodeProjectFile(name, days, this.clock.now());
      if (!(await this.checkOwn())) {
        return;
      }
      if (copy === undefined) {
        await this.delete(this.key);
        return;
      }
      try {
        await writeFileAtomic(this.file(this.key), jsonBytes(copy));
      } catch (error) {
        this.alert.failed(`Could not write this workspace's copy for All projects: ${String(error)}`);
      }
    });
  }

  /** Deletes this workspace's copy (Delete All Data); true when it is gone. */
  forgetOwn(): Promise<boolean> {
    return this.serial(() => this.delete(this.key));
  }

  /** Deletes another workspace's copy (its own history stays where it is); true when it is gone. */
  remove(key: string): Promise<boolean> {
    if (key === this.key || keyOfProjectFile(`${key}.json`) !== key) {
      return Promise.resolve(false);
    }
    this.cache.delete(`${key}.json`);
    return this.serial(() => this.delete(key));
  }

  /** The other workspaces' copies that can be read, the most recently written first, at most MAX_PROJECTS. */
  async readOthers(): Promise<OtherProject[]> {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(this.folder);
    } catch (error) {
      if (!isFileNotFound(error)) {
        this.log.warn(`The copies for All projects could not be listed: ${String(error)}`);
      }
      return [];
    }
    if (!this.cleaned) {
      this.cleaned = true;
      void removeStaleTemporaries(this.folder, entries.map(([name]) => name).filter((name) => keyOfProjectFile(name) === undefined), this.clock.now());
    }
    const names = entries.filter(([name, type]) => type === vscode.FileType.File && keyOfProjectFile(name) !== undefined && name !== `${this.key}.json`).map(([name]) => name);
    const stats = (await Promise.all(names.map(async (name) => {
      const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(this.folder, name)).then((found) => found, () => undefined);
      return stat === undefined ? undefined : { name, mtime: stat.mtime, size: stat.size };
    }))).filter((entry) => entry !== undefined).sort((a, b) => b.mtime - a.mtime).slice(0, MAX_PROJECTS);
    const kept = new Set(stats.map((entry) => entry.name));
    [...this.cache.keys()].filter((name) => !kept.has(name)).forEach((name) => this.cache.delete(name));
    const projects: OtherProject[] = [];
    for (const entry of stats) {
      const project = await this.readOther(entry);
      if (project !== undefined) {
        projects.push(project);
      }
    }
    return projects;
  }

  private async readOther(entry: { readonly name: string; readonly mtime: number; readonly size: number }): Promise<OtherProject | undefined> {
    const cached = this.cache.get(entry.name);
    if (cached !== undefined && cached.mtime === entry.mtime && cached.size === entry.size) {
      return cached.project;
    }
    if (entry.size > MAX_PROJECT_FILE_BYTES) {
      this.log.warn(`The copy ${PROJECTS_FOLDER}/${entry.name} is larger than ${MAX_PROJECT_FILE_BYTES} bytes; it is left as it is and not shown.`);
      return undefined;
    }
    const uri = vscode.Uri.joinPath(this.folder, entry.name);
    const read = await this.read(uri);
    if (read === undefined || (!read.parsed.ok && read.parsed.newer)) {
      return undefined; // gone meanwhile, or a newer version's: left as it is
    }
    if (!read.parsed.ok) {
      if (await this.setAside(entry.name, read.text, read.parsed.reason)) {
        await vscode.workspace.fs.delete(uri, { useTrash: false }).then(undefined, () => undefined);
      }
      return undefined;
    }
    const project = { key: keyOfProjectFile(entry.name) as string, file: read.parsed.file };
    this.cache.set(entry.name, { mtime: entry.mtime, size: entry.size, project });
    return project;
  }

  /** The file's text and what it says; undefined when there is none (or it cannot be read now). */
  private async read(uri: vscode.Uri): Promise<{ readonly text: string; readonly parsed: ParsedProject } | undefined> {
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      if (!isFileNotFound(error)) {
        this.log.warn(`A copy for All projects could not be read (${String(error)}); it is left as it is.`);
      }
      return undefined;
    }
    try {
      return { text, parsed: parseProjectFile(JSON.parse(text)) };
    } catch (error) {
      return { text, parsed: { ok: false, newer: false, reason: `not JSON: ${String(error)}` } };
    }
  }

  /** Before this window's first write: a damaged copy is set aside, a newer version's is never replaced. */
  private async checkOwn(): Promise<boolean> {
    if (this.ownChecked) {
      return this.ownWritable;
    }
    const name = `${this.key}.json`;
    const read = await this.read(this.file(this.key));
    this.ownChecked = true;
    if (read !== undefined && !read.parsed.ok) {
      this.ownWritable = !read.parsed.newer && (await this.setAside(name, read.text, read.parsed.reason));
    }
    return this.ownWritable;
  }

  private async setAside(name: string, text: string, reason: string): Promise<boolean> {
    try {
      await this.quarantine.put({ key: `${PROJECTS_FOLDER}/${name}`, at: this.clock.now(), issues: [reason], raw: text });
      this.log.warn(`The copy ${PROJECTS_FOLDER}/${name} is damaged (${reason}); it was set aside.`);
      return true;
    } catch (error) {
      this.log.warn(`The damaged copy ${PROJECTS_FOLDER}/${name} could not be set aside (${String(error)}); it is left as it is.`);
      return false;
    }
  }

  private async delete(key: string): Promise<boolean> {
    try {
      await vscode.workspace.fs.delete(this.file(key), { useTrash: false });
      return true;
    } catch (error) {
      return isFileNotFound(error);
    }
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
