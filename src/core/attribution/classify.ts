import type { Category } from '../categories';
import { countCodePoints } from '../text';
import { exactVerdict } from './exactPath';
import {
  ACCEPT_INTENT_WINDOW_MS, ACCEPT_KINDS, FILE_CHANGE_KINDS, FILE_CHANGE_WINDOW_MS, PASTE_INTENT_WINDOW_MS, PASTE_KINDS,
  type IntentLog,
} from './intents';
import { insertedText, replacedLength } from './shape';
import { stableEventSignal, stableVerdict } from './stablePath';
import type { Attribution, ChangeFact, EditFact } from './types';
import type { Verdict } from './verdict';

export { isCountedScheme } from './schemes';

export interface ClassifyContext {
  readonly intents: IntentLog;
  /** Setting `ownershipRatio.detection.exactSources`: use `detailedReason` when the host provides it. */
  readonly exactSources: boolean;
}

/** Categories a user asks "why?" about: their evidence also carries the length. */
function showsLength(category: Category): boolean {
  return category === 'aiInline' || category === 'aiChat' || category === 'paste';
}

function attribute(fact: EditFact, change: ChangeFact, decided: Verdict): Attribution {
  const chars = countCodePoints(insertedText(change));
  return {
    at: fact.at,
    category: decided.category,
    confidence: decided.confidence,
    chars,
    deleted: replacedLength(change),
    languageId: fact.languageId,
    // Shared frozen arrays on the keystroke path; a fresh one only for AI and paste edits.
    evidence: showsLength(decided.category) && chars > 0 ? [...decided.evidence, `len=${chars}`] : decided.evidence,
  };
}

/** VS Code's label, when enabled and recognised. Runtime data: a surprise in it falls back to the stable path. */
function exactVerdictOf(fact: EditFact, context: ClassifyContext): Verdict | undefined {
  if (!context.exactSources || fact.detailedReason === undefined || fact.detailedReason === null) {
    return undefined;
  }
  try {
    return exactVerdict(fact.detailedReason, fact, context.intents);
  } catch {
    return undefined;
  }
}

/** The exact path saw what an intent also recorded: consume it, so it cannot explain a later edit. */
function consumeExplainedIntent(fact: EditFact, decided: Verdict, intents: IntentLog): void {
  if (decided.category === 'aiInline') {
    intents.take(ACCEPT_KINDS, fact.documentKey, fact.at, ACCEPT_INTENT_WINDOW_MS);
  } else if (decided.category === 'paste') {
    intents.take(PASTE_KINDS, fact.documentKey, fact.at, PASTE_INTENT_WINDOW_MS);
  } else if (decided.category === 'external') {
    intents.take(FILE_CHANGE_KINDS, fact.documentKey, fact.at, FILE_CHANGE_WINDOW_MS);
  }
}

/**
 * Attributes every content change of one text-change event: one Attribution per change, none for an
 * event without changes (dirty-flag flips, saves). Runs on every keystroke: O(size of the change).
 */
export function classify(fact: EditFact, context: ClassifyContext): Attribution[] {
  const changes = fact.changes;
  if (!Array.isArray(changes) || changes.length === 0) {
    return [];
  }
  const result: Attribution[] = [];
  const exact = exactVerdictOf(fact, context);
  if (exact !== undefined) {
    consumeExplainedIntent(fact, exact, context.intents);
    for (const change of changes) {
      result.push(attribute(fact, change, exact));
    }
    return result;
  }
  const signal = stableEventSignal(fact, context.intents);
  for (const change of changes) {
    result.push(attribute(fact, change, stableVerdict(fact, change, signal)));
  }
  return result;
}
