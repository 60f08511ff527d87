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
}

/** Builds a frozen verdict; meant for module-level constants, not for the hot path. */
export function verdict(category: Category, confidence: Confidence, ...evidence: string[]): Verdict {
  return Object.freeze({ category, confidence, evidence: Object.freeze(evidence) });
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
  return tokens.length === 0 ? base : verdict(base.category, base.confidence, ...base.evidence, ...tokens);
}
