import type { Category } from '../categories';
import { countCodePoints } from '../text';
import { exactVerdict } from './exactPath';
import { PASTE_INTENT_WINDOW_MS, PASTE_KINDS, type IntentLog } from './intents';
import { insertedText, replacedLength } from './shape';
import { stableEventSignal, stableVerdict } from './stablePath';
import type { Attribution, ChangeFact, EditFact } from './types';
import type { Verdict } from './verdict';
import { endFileChanges, takeAccept } from './windows';

export { isCountedScheme } from './schemes';

export interface ClassifyContext {
  readonly intents: IntentLog;
  /** Setting `ownershipRatio.detection.exactSources`: use `detailedReason` when the host provides it. */
  readonly exactSources: boolean;
  /** The user's last own action: a command's window does not outlast it. */
  readonly userActedAt?: number;
  /** The last edit a command the user ran explained: a command waiting for the user ends soon after it. */
  readonly commandEditedAt?: number;
}

/** Receives each change's attribution with the verdict behind it (a long-lived function: no allocation per event). */
export type OnVerdict = (attribution: Attribution, verdict: Verdict, change: ChangeFact) => void;

/** Categories a user asks "why?" about: their evidence also carries the length. */
function showsLength(category: Category): boolean {
  return category === 'aiInline' || category === 'aiChat' || category === 'paste';
}

/**
 * How much of an accepted suggestion's text only repeats what it replaced. VS Code shows ghost text
 * only when the text it replaces (up to the cursor) is the start of the suggestion: some providers
 * replace the whole line typed so far, and Tab after a partial accept replaces the part already
 * accepted. That start is not new, and nothing was deleted. A next-edit suggestion replaces other
 * text (and is not at the cursor), so it counts whole.
 */
function repeatedLength(fact: EditFact, change: ChangeFact, decided: Verdict, replaced: number): number {
  if (decided.category !== 'aiInline' || replaced === 0 || insertedText(change).length < replaced || decided.evidence.includes('nes')) {
    return 0;
  }
  const endsAtCursor = fact.cursors.some((cursor) => cursor.line === change.end.line && cursor.character === change.end.character);
  return endsAtCursor ? replaced : 0;
}

function attribute(fact: EditFact, change: ChangeFact, decided: Verdict): Attribution {
  const text = insertedText(change);
  const replaced = replacedLength(change);
  const repeated = repeatedLength(fact, change, decided, replaced);
  const chars = countCodePoints(repeated > 0 ? text.slice(repeated) : text);
  let evidence = decided.evidence;
  // Shared frozen arrays on the keystroke path; a fresh one only for AI and paste edits.
  if (showsLength(decided.category) && chars > 0) {
    evidence = repeated > 0 ? [...evidence, `len=${chars}`, `repeats=${repeated}`] : [...evidence, `len=${chars}`];
  }
  return {
    at: fact.at,
    category: decided.category,
    confidence: decided.confidence,
    chars,
    deleted: replaced - repeated,
    languageId: fact.languageId,
    evidence,
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
    takeAccept(intents, fact.documentKey, fact.at);
  } else if (decided.category === 'paste') {
    intents.take(PASTE_KINDS, fact.documentKey, fact.at, PASTE_INTENT_WINDOW_MS);
  } else if (decided.category === 'external') {
    endFileChanges(intents, fact.documentKey, fact.at);
  }
}

/**
 * Attributes every content change of one text-change event, one by one, none for an event without
 * changes (dirty-flag flips, saves). Runs on every keystroke: O(size of the change).
 */
export function classifyInto(fact: EditFact, context: ClassifyContext, onVerdict: OnVerdict): void {
  const changes = fact.changes;
  if (!Array.isArray(changes) || changes.length === 0) {
    return;
  }
  const exact = exactVerdictOf(fact, context);
  if (exact !== undefined) {
    consumeExplainedIntent(fact, exact, context.intents);
    for (const change of changes) {
      onVerdict(attribute(fact, change, exact), exact, change);
    }
    return;
  }
  const signal = stableEventSignal(fact, context.intents, context.userActedAt, context.commandEditedAt);
  for (const change of changes) {
    const decided = stableVerdict(fact, change, signal);
    onVerdict(attribute(fact, change, decided), decided, change);
  }
}

/** Each change's attribution on its own, without grouping anonymous edits into actions (see Attributor). */
export function classify(fact: EditFact, context: ClassifyContext): Attribution[] {
  const result: Attribution[] = [];
  classifyInto(fact, context, (attribution) => result.push(attribution));
  return result;
}
