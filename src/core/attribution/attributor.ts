import { ActionTracker, type ActionSignals } from './actions';
import { classifyInto, type ClassifyContext, type OnVerdict } from './classify';
import { terminalAttribution, type TerminalExplainer } from './terminalVerdict';
import type { Attribution, ChangeFact, EditFact } from './types';
import type { Verdict } from './verdict';

/** Where attributions go: counted once, and moved when the action they belong to is decided otherwise. */
export interface AttributionSink {
  record(attribution: Attribution): void;
  /** `previous` was recorded before; count `next` in its place (same time, size and language). */
  replace(previous: Attribution, next: Attribution): void;
}

export interface AttributorOptions {
  readonly intents: ClassifyContext['intents'];
  /** Setting `ownershipRatio.detection.exactSources`, read per event (it may change at runtime). */
  readonly exactSources: () => boolean;
  readonly sink: AttributionSink;
  /** What the host knows about the editor around an action (diff views, AI extensions). */
  readonly signals?: ActionSignals;
  /** The terminal commands running now (agent CLIs, git checkout): their file rewrites are theirs. */
  readonly terminal?: TerminalExplainer;
}

function isUserAction(attribution: Attribution): boolean {
  switch (attribution.category) {
    case 'typed':
      return attribution.confidence === 'exact';
    case 'paste':
    case 'aiInline':
    case 'undoRedo':
      return true;
    default:
      return false;
  }
}

/**
 * The classifier's entry point for the host: each event's changes are classified one by one; the
 * ones nobody's intent explains join an action, which decides their category on all its evidence
 * (and moves its earlier pieces when that decision changes). O(size of the change) per event,
 * except when an action's decision changes: then O(pieces kept), at most a few times per action.
 */
export class Attributor {
  private readonly actions: ActionTracker;
  /** The user's last own action (keystroke, paste, accept, undo): no command window outlives it. */
  private userActedAt = Number.NEGATIVE_INFINITY;
  /** The last edit a command the user ran explained (a command waiting for the user ends soon after). */
  private commandEditedAt = Number.NEGATIVE_INFINITY;
  private fact: EditFact | undefined;
  /** The context of the event being classified, refilled for each one (no object per keystroke). */
  private readonly context: { -readonly [K in keyof ClassifyContext]: ClassifyContext[K] };

  constructor(private readonly options: AttributorOptions) {
    this.actions = new ActionTracker(options.sink, options.intents, options.signals);
    this.context = { intents: options.intents, exactSources: false, userActedAt: this.userActedAt, commandEditedAt: this.commandEditedAt };
  }

  attribute(fact: EditFact): void {
    this.fact = fact;
    const context = this.context;
    context.exactSources = this.options.exactSources();
    context.userActedAt = this.userActedAt;
    context.commandEditedAt = this.commandEditedAt;
    try {
      classifyInto(fact, context, this.onVerdict);
    } finally {
      this.fact = undefined;
      this.actions.endEvent(fact);
    }
  }

  private readonly onVerdict: OnVerdict = (attribution: Attribution, verdict: Verdict, change: ChangeFact): void => {
    const fact = this.fact;
    if (fact === undefined) {
      return;
    }
    const fromTerminal = terminalAttribution(fact, attribution, verdict, this.options.terminal);
    if (fromTerminal !== undefined) {
      this.options.sink.record(fromTerminal);
      return;
    }
    if (verdict.anonymous === true || this.actions.takesWeakTyping(fact, attribution)) {
      this.actions.add(fact, change, attribution, verdict, { userActedAt: this.userActedAt, commandEditedAt: this.commandEditedAt });
      return;
    }
    if (verdict.byCommand === true) {
      this.commandEditedAt = attribution.at;
    }
    if (isUserAction(attribution)) {
      this.userActedAt = attribution.at;
      this.actions.userActed(fact.documentKey);
    }
    this.options.sink.record(attribution);
  };
}
