import type { Category, Confidence } from '../categories';

/**
 * What a rule decided about one change, before counting. Rules return shared frozen verdicts so the
 * keystroke path allocates nothing but the final Attribution.
 */
export interface Verdict {
  readonly category: Category;
  readonly confidence: Confidence;
  /** Short tokens such as `exact:cursor/type` or `shape:enterIndent`. Never document text. */
  readonly evidence: readonly string[];
  /**
   * The edit carries no sign of who made it (an extension's edit, no user intent): the action it
   * belongs to decides its category, on all the evidence of the action.
   */
  readonly anonymous?: boolean;
  /**
   * A command the user ran made the edit (its window, or the editor's label of a rename, code action
   * or format): a command that waits for the user ends shortly after such an edit.
   */
  readonly byCommand?: boolean;
}

/** Builds a frozen verdict; meant for module-level constants, not for the hot path. */
export function verdict(category: Category, confidence: Confidence, ...evidence: string[]): Verdict {
  return Object.freeze({ category, confidence, evidence: Object.freeze(evidence) });
}

/** A frozen verdict for an edit nobody's intent explains, decided by its action. */
export function anonymousVerdict(category: Category, confidence: Confidence, ...evidence: string[]): Verdict {
  return Object.freeze({ category, confidence, evidence: Object.freeze(evidence), anonymous: true });
}

/** A frozen verdict for an edit made by a command the user ran. */
export function commandVerdict(category: Category, confidence: Confidence, ...evidence: string[]): Verdict {
  return Object.freeze({ category, confidence, evidence: Object.freeze(evidence), byCommand: true });
}

/** Tokens built from runtime data (extension ids, command ids) must look like identifiers. */
const SAFE_TOKEN = /^[A-Za-z0-9_.:@/-]{1,100}$/;

/** Returns `key=value` when value is a short identifier-like string, else undefined (never text). */
export function safeToken(key: string, value: unknown): string | undefined {
  return typeof value === 'string' && SAFE_TOKEN.test(value) ? `${key}=${value}` : undefined;
}

/** The same verdict with extra tokens appended (only for rare events: allocates). */
export function withEvidence(base: Verdict, ...extra: (string | undefined)[]): Verdict {
  const tokens = extra.filter((token): token is string => token !== undefined);
  if (tokens.length === 0) {
    return base;
  }
  return Object.freeze({ ...base, evidence: Object.freeze([...base.evidence, ...tokens]) });
}
