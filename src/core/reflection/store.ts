import type { Clock } from '../clock';
import type { MementoLike } from '../history/ports';
import type { DayKey } from '../sessions/localDay';
import { ANSWER_KEYS, MAX_ANSWER_LENGTH, RATING_KEYS, isEmptyEntry, isRating, type Answers, type AnswerKey, type Ratings, type RatingKey, type ReflectionEntry } from './model';
import { parseStoredReflections, REFLECTIONS_VERSION, type StoredReflectionsV1 } from './schema';

/** The Memento key of all reflections (kept apart from the history keys). */
export const REFLECTIONS_KEY = 'reflections';

/** An edit: a rating `null` clears it, an answer `''` clears it, anything absent stays as it is. */
export interface ReflectionEdit {
  readonly ratings?: Partial<Record<RatingKey, number | null>>;
  readonly answers?: Partial<Record<AnswerKey, string>>;
}

/**
 * Reflections over a Memento, one entry per local day, under its own key. Every save re-reads the
 * stored value first, so two windows editing different days never overwrite each other. A value
 * written by a newer version, or one that cannot be read at all, is left untouched (read-only).
 */
export class ReflectionStore {
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly memento: MementoLike, private readonly clock: Clock) {}

  /** False when the stored value is from a newer version or damaged: nothing is written then. */
  get writable(): boolean {
    const parsed = parseStoredReflections(this.memento.get(REFLECTIONS_KEY));
    return parsed.kind === 'ok' || parsed.kind === 'empty';
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
    const run = this.writing.then(() => this.apply(date, edit));
    this.writing = run.then(() => undefined, () => undefined);
    return run;
  }

  async deleteAll(): Promise<void> {
    await this.memento.update(REFLECTIONS_KEY, undefined);
  }

  private entries(): Map<string, ReflectionEntry> {
    const parsed = parseStoredReflections(this.memento.get(REFLECTIONS_KEY));
    return parsed.kind === 'ok' ? parsed.entries : new Map();
  }

  private async apply(date: DayKey, edit: ReflectionEdit): Promise<ReflectionEntry | undefined> {
    const parsed = parseStoredReflections(this.memento.get(REFLECTIONS_KEY));
    if (parsed.kind !== 'ok' && parsed.kind !== 'empty') {
      throw new Error(`reflections are ${parsed.kind === 'future' ? `from a newer version (v${parsed.version})` : 'damaged'}; not overwritten`);
    }
    const entries = parsed.kind === 'ok' ? parsed.entries : new Map<string, ReflectionEntry>();
    const previous = entries.get(date);
    const ratings: Ratings = { ...previous?.ratings };
    const answers: Answers = { ...previous?.answers };
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
    const entry: ReflectionEntry = { date, ratings, answers, updated: this.clock.now() };
    if (isEmptyEntry(entry)) {
      entries.delete(date);
    } else {
      entries.set(date, entry);
    }
    const value: StoredReflectionsV1 = { v: REFLECTIONS_VERSION, e: Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : 1))) };
    await this.memento.update(REFLECTIONS_KEY, entries.size === 0 ? undefined : value);
    return entries.get(date);
  }
}
