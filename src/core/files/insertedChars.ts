import { diffChars, diffLines } from 'diff';
import { countCodePoints } from '../text';

/** What a write added to and removed from a file, in the product's unit (code points, CRLF as one). */
export interface InsertedCount {
  readonly inserted: number;
  readonly deleted: number;
  /** `diff`: from a real diff; `created`: a new file counted whole; `bounded`: the diff gave up, sizes compared. */
  readonly method: 'diff' | 'created' | 'bounded';
}

export interface CountLimits {
  /** The line diff gives up after this long (then the sizes are compared). */
  readonly timeoutMs: number;
  /** Changed hunks longer than this (old + new) are not refined by a character diff: their lines count whole. */
  readonly maxCharDiff: number;
}

export const DEFAULT_COUNT_LIMITS: CountLimits = { timeoutMs: 50, maxCharDiff: 20_000 };

/** Line endings do not count as work: an editor or agent that switches them adds nothing. */
function normalize(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Characters added and removed by one changed hunk: a character diff of its lines, when small enough. */
function refineHunk(removed: string, added: string, limits: CountLimits): { inserted: number; deleted: number } {
  if (removed.length === 0 || added.length === 0 || removed.length + added.length > limits.maxCharDiff) {
    return { inserted: countCodePoints(added), deleted: countCodePoints(removed) };
  }
  const parts = diffChars(removed, added, { timeout: limits.timeoutMs });
  if (parts === undefined) {
    return { inserted: countCodePoints(added), deleted: countCodePoints(removed) };
  }
  let inserted = 0;
  let deleted = 0;
  for (const part of parts) {
    if (part.added) {
      inserted += countCodePoints(part.value);
    } else if (part.removed) {
      deleted += countCodePoints(part.value);
    }
  }
  return { inserted, deleted };
}

/**
 * How many characters `after` inserted over `before` (undefined: the file is new and counts whole).
 * A line diff first, then a character diff of each changed hunk, so that an edited line counts only
 * its new characters. Bounded: a diff that takes too long falls back to comparing sizes.
 */
export function countInserted(before: string | undefined, after: string, limits: CountLimits = DEFAULT_COUNT_LIMITS): InsertedCount {
  const next = normalize(after);
  if (before === undefined) {
    return { inserted: countCodePoints(next), deleted: 0, method: 'created' };
  }
  const previous = normalize(before);
  if (previous === next) {
    return { inserted: 0, deleted: 0, method: 'diff' };
  }
  const lines = diffLines(previous, next, { timeout: limits.timeoutMs });
  if (lines === undefined) {
    const grown = countCodePoints(next) - countCodePoints(previous);
    return { inserted: Math.max(0, grown), deleted: Math.max(0, -grown), method: 'bounded' };
  }
  let inserted = 0;
  let deleted = 0;
  let removed = '';
  let added = '';
  const flush = (): void => {
    if (removed.length > 0 || added.length > 0) {
      const hunk = refineHunk(removed, added, limits);
      inserted += hunk.inserted;
      deleted += hunk.deleted;
      removed = '';
      added = '';
    }
  };
  for (const part of lines) {
    if (part.added) {
      added += part.value;
    } else if (part.removed) {
      removed += part.value;
    } else {
      flush();
    }
  }
  flush();
  return { inserted, deleted, method: 'diff' };
}
