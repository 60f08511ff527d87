/**
 * The dashboard's "This project / All projects": which history the page reads, and for all
 * projects the other workspaces' copies (read again when asked, at most every few seconds) summed
 * with this workspace's live figures. Pure (no `vscode`), unit-tested under Node.
 */
import type { PasteCountsAs } from '../core/categories';
import { AllProjectsReader, allProjectsToday, projectRows, type OtherProject } from '../core/history/allProjects';
import type { DayReader } from '../core/history/snapshot';
import type { DayKey } from '../core/sessions/localDay';
import type { Totals } from '../core/tally';
import { ownShare } from '../core/ratio';
import type { ProjectsPayload, RangeKey, Scope } from '../protocol';
import { rangeStart } from './dashboardData';

/** What the panel needs of the projects folder and this workspace. */
export interface DashboardProjects {
  /** This workspace's key and name (its row in the table). */
  readonly key: string;
  name(): string;
  readOthers(): Promise<OtherProject[]>;
  /** Removes another project's copy; true when it is gone. */
  remove(key: string): Promise<boolean>;
}

/** The copies are read again at most this often (a focus and a switch in a row read once). */
export const PROJECTS_REREAD_MS = 2_000;

export class DashboardScope {
  private current: Scope = 'this';
  private others: readonly OtherProject[] = [];
  private readAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly projects: DashboardProjects | undefined, private readonly now: () => number) {}

  get scope(): Scope {
    return this.current;
  }

  /** Without a folder open there is no project to sum: the page shows no switch. */
  get available(): boolean {
    return this.projects !== undefined;
  }

  set(scope: Scope): void {
    this.current = this.projects === undefined ? 'this' : scope;
  }

  /** Reads the other copies again (unless just read, or `force`). */
  async reread(force = false): Promise<void> {
    if (this.projects === undefined || this.current !== 'all' || (!force && this.now() - this.readAt < PROJECTS_REREAD_MS)) {
      return;
    }
    this.readAt = this.now();
    this.others = (await this.projects.readOthers()).filter((other) => other.key !== this.projects?.key);
  }

  /** The other project's name, for the confirmation; undefined when it is not in the table. */
  nameOf(key: string): string | undefined {
    return this.others.find((other) => other.key === key)?.file.name;
  }

  async remove(key: string): Promise<boolean> {
    if (this.projects === undefined || key === this.projects.key) {
      return false;
    }
    const removed = await this.projects.remove(key);
    await this.reread(true);
    return removed;
  }

  /** The history the page shows: this workspace's, or all projects summed. */
  reader(store: DayReader, pasteCountsAs: PasteCountsAs): DayReader {
    return this.current === 'all' ? new AllProjectsReader(store, this.others, pasteCountsAs) : store;
  }

  today<T extends Totals & { readonly date: DayKey }>(today: T, pasteCountsAs: PasteCountsAs): Totals & { readonly date: DayKey } {
    return this.current === 'all' ? allProjectsToday(today, this.others, pasteCountsAs) : today;
  }

  /** The per-project table over the page's range (empty for this project only). */
  payload(store: DayReader, range: RangeKey, today: DayKey, pasteCountsAs: PasteCountsAs): ProjectsPayload {
    if (this.projects === undefined || this.current !== 'all') {
      return { scope: this.current, rows: [], total: { own: 0, ai: 0, share: null } };
    }
    const from = rangeStart(range, today, this.reader(store, pasteCountsAs));
    const rows = projectRows({ key: this.projects.key, name: this.projects.name(), reader: store }, this.others, from, today, pasteCountsAs);
    const own = rows.reduce((sum, row) => sum + row.own, 0);
    const ai = rows.reduce((sum, row) => sum + row.ai, 0);
    return { scope: 'all', rows, total: { own, ai, share: ownShare(own, ai) } };
  }
}
