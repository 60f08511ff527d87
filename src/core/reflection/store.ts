import type { Clock } from '../clock';
import { keepAside } from '../history/quarantine';
import type { MementoLike, QuarantineSink } from '../history/ports';
import type { StoreWarning } from '../history/storeTypes';
import type { DayKey } from '../sessions/localDay';
import { REFLECTIONS_KEY } from '../storageKeys';
import { ANSWER_KEYS, MAX_ANSWER_LENGTH, RATING_KEYS, isRating, type AnswerKey, type RatingKey, type ReflectionEntry } from './model';
import { parseStoredReflections, readEntry, REFLECTIONS_VERSION, type StoredReflectionsV1 } from './schema';

export { REFLECTIONS_KEY };

/** An edit: a rating `null` clears it, an answer `''` clears it, anything absent stays as it is. */
export interface ReflectionEdit {
  readonly ratings?: Partial<Record<RatingKey, number | null>>;
  readonly answers?: Partial<Record<AnswerKey, string>>;
}

export interface ReflectionStoreOptions {
  /** Where unreadable values go; without one they are kept under the Memento key `quarantine.reflections….<time>`. */
  readonly quarantine?: QuarantineSink;
  readonly report?: (warning: StoreWarning) => void;
  /** Called after every write (the host refreshes its backup copy then). */
  readonly afterWrite?: () => void;
}

export type ReflectionRestoreResult =
  | { readonly ok: true; readonly days: number; readonly sameDays: number; readonly keptDays: number }
  | { readonly ok: false; readonly reason: 'invalid' | 'futureVersion' | 'readOnly' };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reflections over a Memento, one entry per local day, under its own key. Every save re-reads the
 * stored value first, so two windows editing different days never overwrite each other. Nothing
 * stored is ever dropped: a field that cannot be read is written back exactly as it was (only the
 * user's own edit of that very field replaces it); an entry or a whole value that cannot be read
 * is set aside (quarantine, with the reason) before anything is written in its place. A value
 * written by a newer version is left untouched (read-only).
 */
export class ReflectionStore {
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly memento: MementoLike, private readonly clock: Clock, private readonly options: ReflectionStoreOptions = {}) {}

  /** False when the stored value is from a newer version: nothing is written then. */
  get writable(): boolean {
    return parseStoredReflections(this.memento.get(REFLECTIONS_KEY)).kind !== 'future';
  }

  get(date: DayKey): ReflectionEntry | undefined {
    return this.entries().get(date);
  }

  /** Days with an entry, newest first. */
  dates(): DayKey[] {
    return [...this.entries().keys()].sort().reverse();
  }

  all(): ReflectionEntry[] {
    return [...this.entries().values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  /** Applies an edit to a day and stores it. Resolves with the entry (undefined when it became empty). */
  save(date: DayKey, edit: ReflectionEdit): Promise<ReflectionEntry | undefined> {
    return this.serially(() => this.apply(date, edit));
  }

  /** The stored value exactly as it is, for a backup (undefined when there is none or it is not ours). */
  exportValue(): StoredReflectionsV1 | undefined {
    const raw = this.memento.get(REFLECTIONS_KEY);
    const parsed = parseStoredReflections(raw);
    return parsed.kind === 'ok' || parsed.kind === 'future' ? raw as StoredReflectionsV1 : undefined;
  }

  /**
   * Merges a backup's reflections by day: a day without an entry here gets the backup's, a day with
   * one keeps it as it is. Restoring the same backup twice adds nothing the second time.
   */
  restore(value: unknown): Promise<ReflectionRestoreResult> {
    return this.serially(async (): Promise<ReflectionRestoreResult> => {
      const incoming = parseStoredReflections(value);
      if (incoming.kind === 'future') {
        return { ok: false, reason: 'futureVersion' };
      }
      if (incoming.kind === 'invalid') {
        return { ok: false, reason: 'invalid' };
      }
      if (incoming.kind === 'empty' || incoming.entries.size === 0) {
        return { ok: true, days: 0, sameDays: 0, keptDays: 0 };
      }
      const stored = await this.writableEntries();
      if (stored === undefined) {
        return { ok: false, reason: 'readOnly' };
      }
      let days = 0;
      let sameDays = 0;
      let keptDays = 0;
      for (const date of [...incoming.entries.keys()].sort()) {
        const entry = incoming.stored[date];
        if (stored[date] === undefined) {
          stored[date] = entry;
          days++;
        } else if (JSON.stringify(stored[date]) === JSON.stringify(entry)) {
          sameDays++;
        } else {
          keptDays++;
        }
      }
      if (days > 0) {
        await this.write(stored);
      }
      return { ok: true, days, sameDays, keptDays };
    });
  }

  async deleteAll(): Promise<void> {
    await this.memento.update(REFLECTIONS_KEY, undefined);
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writing.then(work);
    this.writing = run.then(() => undefined, () => undefined);
    return run;
  }

  private entries(): Map<string, ReflectionEntry> {
    const parsed = parseStoredReflections(this.memento.get(REFLECTIONS_KEY));
    return parsed.kind === 'ok' ? parsed.entries : new Map();
  }

  private warn(warning: StoreWarning): void {
    try {
      this.options.report?.(warning);
    } catch {
      // a failing reporter must not stop a save
    }
  }

  /**
   * The stored entries, ready to be changed and written: what cannot be read is set aside first
   * (and stays in place when that fails). Undefined when the value is from a newer version.
   */
  private async writableEntries(): Promise<Record<string, unknown> | undefined> {
    const raw = this.memento.get(REFLECTIONS_KEY);
    const parsed = parseStoredReflections(raw);
    const deps = { clock: this.clock, memento: this.memento, sink: this.options.quarantine };
    const warn = (w: StoreWarning): void => this.warn(w);
    switch (parsed.kind) {
      case 'future':
        return undefined;
      case 'empty':
        return {};
      case 'invalid':
        if (await keepAside(deps, REFLECTIONS_KEY, raw, [parsed.reason], warn) === undefined) {
          throw new Error('stored reflections are damaged and could not be set aside; not overwritten');
        }
        return {};
      case 'ok': {
        const stored = { ...parsed.stored };
        for (const entry of parsed.unreadable) {
          if (await keepAside(deps, `${REFLECTIONS_KEY}.${entry.key.slice(0, 40)}`, entry.raw, [entry.reason], warn) !== undefined) {
            delete stored[entry.key];
          }
        }
        return stored;
      }
    }
  }

  private async write(stored: Record<string, unknown>): Promise<void> {
    const keys = Object.keys(stored).sort();
    const value: StoredReflectionsV1 = { v: REFLECTIONS_VERSION, e: Object.fromEntries(keys.map((key) => [key, stored[key]])) };
    await this.memento.update(REFLECTIONS_KEY, keys.length === 0 ? undefined : value);
    try {
      this.options.afterWrite?.();
    } catch {
      // the backup copy is refreshed next time
    }
  }

  private async apply(date: DayKey, edit: ReflectionEdit): Promise<ReflectionEntry | undefined> {
    const stored = await this.writableEntries();
    if (stored === undefined) {
      throw new Error('reflections are from a newer version; not overwritten');
    }
    const previous = stored[date];
    if (previous !== undefined && !isPlainObject(previous)) {
      throw new Error(`the reflection of ${date} cannot be read and could not be set aside; not overwritten`);
    }
    const entry: Record<string, unknown> = { ...previous };
    if (entry.ratings !== undefined && !isPlainObject(entry.ratings) || entry.answers !== undefined && !isPlainObject(entry.answers)) {
      // A part of the entry is not even an object: keep the whole entry aside before replacing that part.
      if (await keepAside({ clock: this.clock, memento: this.memento, sink: this.options.quarantine }, `${REFLECTIONS_KEY}.${date}`, previous, ['ratings or answers not an object'], (w) => this.warn(w)) === undefined) {
        throw new Error(`the reflection of ${date} is damaged and could not be set aside; not overwritten`);
      }
    }
    const ratings: Record<string, unknown> = isPlainObject(entry.ratings) ? { ...entry.ratings } : {};
    const answers: Record<string, unknown> = isPlainObject(entry.answers) ? { ...entry.answers } : {};
    for (const key of RATING_KEYS) {
      const value = edit.ratings?.[key];
      if (value === null) {
        delete ratings[key];
      } else if (isRating(value)) {
        ratings[key] = value;
      }
    }
    for (const key of ANSWER_KEYS) {
      const value = edit.answers?.[key];
      if (typeof value === 'string') {
        const text = value.slice(0, MAX_ANSWER_LENGTH);
        if (text.trim() === '') {
          delete answers[key];
        } else {
          answers[key] = text;
        }
      }
    }
    const next = { ...entry, date, ratings, answers, updated: this.clock.now() };
    const empty = Object.keys(ratings).length === 0 && Object.values(answers).every((a) => typeof a === 'string' && a.trim() === '');
    if (empty) {
      delete stored[date];
    } else {
      stored[date] = next;
    }
    await this.write(stored);
    return empty ? undefined : readEntry(date, next, []);
  }
}
