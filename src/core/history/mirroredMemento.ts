import type { Clock } from '../clock';
import type { MementoLike } from './ports';

/** The files of a folder that all windows of one workspace share (the extension's storage folder). */
export interface MirrorFiles {
  /** The folder's files with their modification times; empty when the folder does not exist. */
  list(): Promise<readonly { readonly name: string; readonly mtime: number }[]>;
  read(name: string): Promise<unknown>;
  /** Replaces the file atomically (temporary file, then rename). */
  write(name: string, value: unknown): Promise<void>;
  remove(name: string): Promise<void>;
  /** Moves a file that cannot be read into the quarantine, with the reason (then it is gone from the folder). */
  setAside(name: string, reason: string): Promise<void>;
}

const RECORD_SUFFIX = '.json';
const TOMBSTONE_SUFFIX = '.deleted.json';
/** Tombstones older than this are removed: every window has long since seen them. */
const TOMBSTONE_LIFETIME_MS = 30 * 86_400_000;

function stamp(value: unknown): number {
  const t = typeof value === 'object' && value !== null ? (value as { t?: unknown }).t : undefined;
  return typeof t === 'number' && Number.isFinite(t) ? t : Number.NEGATIVE_INFINITY;
}

/**
 * A Memento whose mirrored keys (each window's history record) are also written to files that all
 * windows of the workspace share. VS Code keeps one extension's workspace state as one value per
 * window and never tells a window what another one wrote, so without the files two windows on one
 * folder would overwrite each other's counts. Reads return the newer of the Memento's copy and the
 * file (by the record's `t`); a deleted record leaves a tombstone so no window resurrects it from a
 * stale copy. A failing file write is reported, not thrown; a failing Memento write is thrown (the
 * store retries it) although the file may have the record already, which only keeps more.
 */
export class MirroredMemento implements MementoLike {
  private readonly records = new Map<string, { readonly mtime: number; readonly value: unknown }>();
  private readonly tombstones = new Map<string, number>();
  /** Files that failed to read, with the modification time they had then. */
  private readonly unreadable = new Map<string, number>();

  constructor(
    private readonly memento: MementoLike,
    private readonly files: MirrorFiles,
    private readonly isMirrored: (key: string) => boolean,
    private readonly clock: Clock,
    /** `writing`: a write or deletion failed (the other windows miss this one's counts), not a read. */
    private readonly onMirrorError: (error: unknown, writing?: boolean) => void = () => undefined,
  ) {}

  get(key: string): unknown {
    const local = this.memento.get(key);
    if (!this.isMirrored(key)) {
      return local;
    }
    const shared = this.records.get(key)?.value;
    const newest = shared === undefined || (local !== undefined && stamp(local) >= stamp(shared)) ? local : shared;
    const deletedAt = this.tombstones.get(key);
    return newest !== undefined && deletedAt !== undefined && deletedAt >= stamp(newest) ? undefined : newest;
  }

  keys(): readonly string[] {
    const all = new Set([...this.memento.keys(), ...this.records.keys()]);
    return [...all].filter((key) => !this.isMirrored(key) || this.get(key) !== undefined);
  }

  async update(key: string, value: unknown): Promise<void> {
    if (!this.isMirrored(key)) {
      return this.memento.update(key, value);
    }
    // Both at once: when the window goes away (a reload, a closed tab) its workspace state may no
    // longer answer, while the file still lands, and the next window takes the newer copy. The
    // Memento's failures (thrown or rejected) reach the store's retry logic unchanged.
    const shared = this.writeShared(key, value);
    try {
      await this.memento.update(key, value);
    } finally {
      await shared;
    }
  }

  private async writeShared(key: string, value: unknown): Promise<void> {
    try {
      if (value === undefined) {
        const now = this.clock.now();
        this.records.delete(key);
        this.tombstones.set(key, now);
        await this.files.write(`${key}${TOMBSTONE_SUFFIX}`, { deletedAt: now });
        await this.files.remove(`${key}${RECORD_SUFFIX}`);
      } else {
        this.records.set(key, { mtime: this.clock.now(), value });
        await this.files.write(`${key}${RECORD_SUFFIX}`, value);
      }
    } catch (error) {
      this.onMirrorError(error, true);
    }
  }

  /** Reads what other windows wrote since the last call. Resolves true when anything changed. */
  async refresh(): Promise<boolean> {
    let changed = false;
    const present = new Set<string>();
    const now = this.clock.now();
    for (const { name, mtime } of await this.files.list()) {
      if (name.endsWith(TOMBSTONE_SUFFIX)) {
        const key = name.slice(0, -TOMBSTONE_SUFFIX.length);
        if (this.isMirrored(key) && !this.tombstones.has(key)) {
          const deletedAt = stamp({ t: ((await this.readSafely(name, mtime)) as { deletedAt?: unknown } | undefined)?.deletedAt });
          if (deletedAt > Number.NEGATIVE_INFINITY) {
            this.tombstones.set(key, deletedAt);
            changed = true;
            if (now - deletedAt > TOMBSTONE_LIFETIME_MS) {
              await this.files.remove(name).catch(this.onMirrorError);
            }
          }
        }
        continue;
      }
      if (!name.endsWith(RECORD_SUFFIX)) {
        continue;
      }
      const key = name.slice(0, -RECORD_SUFFIX.length);
      if (!this.isMirrored(key)) {
        continue;
      }
      present.add(key);
      if (this.records.get(key)?.mtime === mtime) {
        continue;
      }
      const value = await this.readSafely(name, mtime);
      if (value !== undefined) {
        this.records.set(key, { mtime, value });
        changed = true;
      }
    }
    for (const key of [...this.records.keys()]) {
      if (!present.has(key)) {
        this.records.delete(key);
        changed = true;
      }
    }
    return changed;
  }

  /**
   * A file that cannot be read may be one another window is replacing: it is read again at the next
   * refresh. Unchanged and still unreadable then (empty after a crash, truncated), it is damaged:
   * set aside with the reason instead of being skipped at every refresh.
   */
  private async readSafely(name: string, mtime: number): Promise<unknown> {
    try {
      const value = await this.files.read(name);
      this.unreadable.delete(name);
      return value;
    } catch (error) {
      if (this.unreadable.get(name) !== mtime) {
        this.unreadable.set(name, mtime);
        this.onMirrorError(error);
        return undefined;
      }
      this.unreadable.delete(name);
      await this.files.setAside(name, error instanceof Error ? `${error.name}: ${error.message}` : String(error)).catch(this.onMirrorError);
      return undefined;
    }
  }
}
