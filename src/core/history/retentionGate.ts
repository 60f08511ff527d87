/** Which retention the user has agreed to, and a lower one they chose not to apply. */
export interface RetentionState {
  /** The retention (days, 0 = all) last applied with the user's agreement; undefined before the first. */
  readonly approved: number | undefined;
  /** A lower retention the user answered "Keep everything" to: not asked about again. */
  readonly declined: number | undefined;
}

/** True when a retention of `a` days keeps every day that one of `b` days keeps (0 keeps all). */
export function keepsAtLeast(a: number, b: number): boolean {
  return a === 0 || (b !== 0 && a >= b);
}

export interface RetentionDecision {
  /** The retention compaction applies now. */
  readonly effective: number;
  readonly state: RetentionState;
  /** Set when the requested retention waits for the user: how many stored days it would remove. */
  readonly ask?: { readonly days: number; readonly olderDays: number };
}

/**
 * The retention rule: a retention that keeps at least what the agreed one keeps, or that would
 * remove no stored day, applies at once and becomes the agreed one. A lower one that would remove
 * stored days (lowered by hand, or arriving from another machine) is not applied: the agreed one
 * stays in force (everything, when none was agreed yet) until the user confirms it.
 * `olderDays(days)`: how many stored days a retention of `days` would remove now.
 */
export function gateRetention(state: RetentionState, requested: number, olderDays: (days: number) => number): RetentionDecision {
  const { approved } = state;
  if ((approved !== undefined && keepsAtLeast(requested, approved)) || olderDays(requested) === 0) {
    const same = approved === requested && state.declined === undefined;
    return { effective: requested, state: same ? state : { approved: requested, declined: undefined } };
  }
  const ask = state.declined === requested ? undefined : { days: requested, olderDays: olderDays(requested) };
  return { effective: approved ?? 0, state, ...(ask !== undefined ? { ask } : {}) };
}
