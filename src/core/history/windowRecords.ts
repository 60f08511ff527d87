import { HISTORY_KEY_PREFIX } from '../storageKeys';
import { decodeHistory } from './codec';
import { mergeHistory, type HistoryData } from './model';
import type { MementoLike } from './ports';
import { keepAside, type QuarantineDeps } from './quarantine';
import { parseWindowRecord, type ParseResult, type ParsedWindowRecord, type StoredWindowRecord } from './schema';
import type { StoreWarning } from './storeTypes';

const WINDOW_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Another window's record as last read: when it was written, what it folded, its history. */
export interface OtherWindow {
  readonly t: number;
  readonly folded: readonly string[];
  readonly data: HistoryData;
}

/** One history key as read at load. */
export interface ReadRecord {
  readonly key: string;
  readonly raw: unknown;
  readonly result: ParseResult<ParsedWindowRecord>;
}

/** What a record read at load becomes (see `WindowRecords.classify`). */
export type Placement =
  /** Written by a newer version: left alone. */
  | 'future'
  /** Already folded into another record: its deletion is finished by our next write. */
  | 'absorbed'
  /** Ours from an earlier run of this window id: our base. */
  | 'own'
  /** Closed, expired or repaired: its history moves into ours and the key is deleted. */
  | 'fold'
  /** A live window's: merged for reading only. */
  | 'other'
  /** Nothing readable: set aside, then deleted. */
  | 'unreadable';

export interface PlaceContext {
  readonly now: number;
  readonly leaseMs: number;
  /** A newer record exists: nothing is taken over or set aside. */
  readonly readOnly: boolean;
  readonly quarantine: QuarantineDeps;
  readonly warn: (warning: StoreWarning) => void;
}

/**
 * The per-window records of one workspace, and the leases between windows. Each window writes only
 * its own key, `history.w.<window id>`; readers merge all of them. A record that is closed (its
 * window ended cleanly) or whose lease expired (not written for `leaseMs`) is folded into the
 * next window's record: its key is listed in that record's `f` until the deletion is confirmed, so
 * that no reader ever counts it twice.
 */
export class WindowRecords {
  readonly others = new Map<string, OtherWindow>();
  /** Keys folded into ours whose deletion is not confirmed: written to `f` so readers skip them. */
  readonly folded = new Set<string>();
  /** When our record was last written (undefined before the first write under this key). */
  lastWrittenT: number | undefined;
  /**
   * The `t` of our record while its write is under way: the Memento already answers with it, and a
   * refresh in the meantime must not take it for another window's.
   */
  writingT: number | undefined;
  private ownKey: string;
  private generation = 0;

  constructor(private readonly memento: MementoLike, private readonly windowId: string) {
    if (!WINDOW_ID.test(windowId)) {
      throw new Error(`invalid windowId: ${JSON.stringify(windowId.slice(0, 80))}`);
    }
    this.ownKey = HISTORY_KEY_PREFIX + windowId;
  }

  /** The key this window writes. */
  get key(): string {
    return this.ownKey;
  }

  keys(): string[] {
    return this.memento.keys().filter((k) => k.startsWith(HISTORY_KEY_PREFIX));
  }

  readAll(): ReadRecord[] {
    return this.keys().map((key) => {
      const raw = this.memento.get(key);
      return { key, raw, result: parseWindowRecord(raw) };
    });
  }

  /** Keys that some readable record lists as folded into it. */
  static absorbedBy(records: readonly ReadRecord[]): Set<string> {
    const absorbed = new Set<string>();
    for (const { result } of records) {
      if (result.kind === 'ok' || result.kind === 'repaired') {
        result.value.folded.forEach((k) => absorbed.add(k));
      }
    }
    return absorbed;
  }

  /** A record from a newer version makes the whole store read-only (nothing is rewritten). */
  static noteFutureRecords(read: readonly ReadRecord[], warn: (w: StoreWarning) => void): boolean {
    let readOnly = false;
    for (const { key, result } of read) {
      if (result.kind === 'future') {
        readOnly = true;
        warn({ code: 'futureVersion', key, version: result.version });
      }
    }
    return readOnly;
  }

  /**
   * Takes each record read at load where it belongs: ours and folded ones into `base`, live
   * windows' into `others`; damaged ones are set aside first. Returns how many were folded.
   */
  async place(read: readonly ReadRecord[], base: HistoryData, place: PlaceContext): Promise<number> {
    const { readOnly, quarantine, warn } = place;
    const context = { now: place.now, leaseMs: place.leaseMs, readOnly, absorbed: WindowRecords.absorbedBy(read) };
    let foldedWindows = 0;
    for (const record of read) {
      const { key, raw, result } = record;
      const placement = this.classify(record, context);
      if (placement === 'future' || (placement === 'absorbed' && readOnly)) {
        continue;
      }
      if (placement === 'absorbed') {
        this.fold(key); // already counted by the window that folded it: finish deleting it
      } else if (placement === 'unreadable' || result.kind === 'invalid') {
        if (readOnly) {
          warn({ code: 'corrupt', key, issues: result.kind === 'invalid' ? result.issues : [], keptAs: undefined });
        } else if ((await keepAside(quarantine, key, raw, result.kind === 'invalid' ? result.issues : [], warn)) !== undefined) {
          this.fold(key); // nothing readable: deleted once our record is written
        }
      } else if (result.kind === 'ok' || result.kind === 'repaired') {
        const data = decodeHistory(result.value.history);
        if (result.kind === 'repaired') {
          const kept = readOnly ? undefined : await keepAside(quarantine, key, raw, result.issues, warn);
          if (readOnly) {
            warn({ code: 'corrupt', key, issues: result.issues, keptAs: undefined });
          }
          if (kept === undefined) {
            // Not set aside: read what we can, never take it over or overwrite it.
            this.others.set(key, { t: Number.NaN, folded: [], data });
            continue;
          }
        }
        if (placement === 'own') {
          mergeHistory(base, data);
          this.lastWrittenT = result.kind === 'ok' ? result.value.t : undefined;
        } else if (placement === 'fold') {
          mergeHistory(base, data);
          this.fold(key, result.value.folded);
          foldedWindows++;
        } else {
          this.others.set(key, { t: result.value.t, folded: result.value.folded, data });
        }
      }
    }
    return foldedWindows;
  }

  /** Where a record read at load belongs. `readOnly`: a newer record exists, so nothing is taken over. */
  classify(record: ReadRecord, context: { readonly now: number; readonly leaseMs: number; readonly readOnly: boolean; readonly absorbed: ReadonlySet<string> }): Placement {
    const { key, result } = record;
    if (result.kind === 'future') {
      return 'future';
    }
    if (context.absorbed.has(key)) {
      return 'absorbed';
    }
    if (result.kind === 'invalid') {
      return 'unreadable';
    }
    if (key === this.ownKey) {
      return 'own';
    }
    const value = result.value;
    const expired = result.kind === 'repaired' || value.closed || context.now - value.t > context.leaseMs;
    return !context.readOnly && expired ? 'fold' : 'other';
  }

  /** Marks a key as folded into ours (with whatever it had folded itself). */
  fold(key: string, alsoFolded: readonly string[] = []): void {
    this.folded.add(key);
    alsoFolded.forEach((k) => this.folded.add(k));
    this.folded.delete(this.ownKey);
  }

  /** Whether the stored value of our key is still the record we wrote last. */
  stillOurs(): boolean {
    const value = this.memento.get(this.ownKey);
    if (typeof value !== 'object' || value === null) {
      return false;
    }
    const v = value as { w?: unknown; t?: unknown };
    return v.w === this.windowId && (v.t === this.lastWrittenT || v.t === this.writingT);
  }

  /** Our key vanished (another window folded it, or all data was deleted): the next key to write under. */
  takeNewKey(): string {
    const lost = this.ownKey;
    this.generation++;
    this.ownKey = `${HISTORY_KEY_PREFIX}${this.windowId}-${this.generation}`;
    this.folded.clear();
    this.lastWrittenT = undefined;
    return lost;
  }

  /** Writes our record: `writingT` while it is under way, `lastWrittenT` once stored. */
  async write(record: StoredWindowRecord): Promise<void> {
    this.writingT = record.t;
    try {
      await this.memento.update(this.ownKey, record);
    } finally {
      this.writingT = undefined;
    }
    this.lastWrittenT = record.t;
  }

  /** Deletes the keys folded into our record, now that the record is written; failures retry next time. */
  async deleteFolded(): Promise<void> {
    for (const key of [...this.folded]) {
      try {
        await this.memento.update(key, undefined);
        this.folded.delete(key);
      } catch {
        // retried after the next write
      }
    }
  }

  forget(): void {
    this.others.clear();
    this.folded.clear();
    this.lastWrittenT = undefined;
  }

  /**
   * Re-reads other windows' keys that changed since we last looked (cheap when none did). `prepare`
   * gets each newly read history (to compact it like ours). Returns the key of a record written
   * by a newer version, if one appeared.
   */
  sync(prepare: (data: HistoryData) => void): { readonly futureKey?: string; readonly version?: number } {
    const seen = new Set<string>();
    const absorbed = new Set<string>(this.folded);
    let future: { futureKey: string; version: number } | undefined;
    for (const key of this.keys()) {
      if (key === this.ownKey || this.folded.has(key)) {
        continue;
      }
      seen.add(key);
      const raw = this.memento.get(key);
      const t = typeof raw === 'object' && raw !== null ? (raw as { t?: unknown }).t : undefined;
      const known = this.others.get(key);
      if (known !== undefined && known.t === t) {
        known.folded.forEach((k) => absorbed.add(k));
        continue;
      }
      const result = parseWindowRecord(raw);
      if (result.kind === 'future') {
        future ??= { futureKey: key, version: result.version };
        continue;
      }
      if (result.kind === 'invalid') {
        this.others.delete(key);
        continue;
      }
      const data = decodeHistory(result.value.history);
      prepare(data);
      this.others.set(key, { t: result.kind === 'ok' ? result.value.t : Number.NaN, folded: result.value.folded, data });
      result.value.folded.forEach((k) => absorbed.add(k));
    }
    for (const key of [...this.others.keys()]) {
      if (!seen.has(key) || absorbed.has(key)) {
        this.others.delete(key);
      }
    }
    return future ?? {};
  }
}
