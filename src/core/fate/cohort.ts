import type { FateSettlement } from './fateTracker';

/**
 * The AI inserts of one wall-clock minute, counted together: one session and one day each (a
 * session ends only after a minute or more without edits, and days change on minute
 * boundaries). Ranges are in UTF-16 units; the figures here are characters.
 */
export class Cohort {
  minute = 0;
  firstAt = 0;
  lastAt = 0;
  chars = 0;
  reworked = 0;
  /** Deleted by you; typing again where they were turns them into `reworked`. */
  deletedByYou = 0;
  removed = 0;
  live = false;
  /**
   * The inserts of an anonymous action (an extension's edits, decided on all their evidence): its
   * first pieces may be decided a tool's and later an AI's, or the other way round.
   */
  action = false;
  /** An action's cohort while its action is not decided AI: followed, but not AI text (not counted). */
  provisional = false;
  /** Bumped when the slot is reused, so that a piece's cohort is known to be still its own. */
  generation = 0;
  /** The documents its ranges were added to: settling visits only those. */
  readonly documents = new Set<string>();
}

/**
 * The cohort's figures. A surrogate pair is two units but one character, so what left the ranges
 * can, rarely, exceed the characters counted: clamped so the three add up to exactly the
 * characters inserted.
 */
export function toSettlement(c: Cohort): FateSettlement {
  const removed = Math.min(c.chars, c.removed + c.deletedByYou);
  const reworked = Math.min(c.chars - removed, c.reworked);
  return { at: c.firstAt, kept: c.chars - removed - reworked, reworked, removed };
}
