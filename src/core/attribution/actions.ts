import {
  ACTION_GAP_MS, ACTION_PAUSE_MS, ACTION_RHYTHM_EVENTS, ONE_SHOT_BLOCK_LINES, ACTION_RHYTHM_FACTOR, ACTION_RHYTHM_MIN_PAUSE_MS, MAX_ACTION_PIECES, decideAction, emptyEvidence, type ActionDecision, type ActionEvidence,
} from './actionDecision';
import type { AttributionSink } from './attributor';
import type { IntentLog } from './intents';
import { countContentLines, insertedText, isAiLike } from './shape';
import type { Attribution, ChangeFact, EditFact } from './types';
import type { Verdict } from './verdict';
import { isChatEditingAt, isChatRequestAt, takeCreation, toolCommandAt } from './windows';

/** What the host knows about the editor around an action; cheap queries, answered from state it keeps. */
export interface ActionSignals {
  /** An AI extension's diff view (or a chat's proposed-changes view) is open. */
  aiDiffViewOpen(): boolean;
  /**
   * An extension that writes with AI (setting `ownershipRatio.detection.aiExtensions`) is installed
   * and enabled. When none is, an anonymous edit is a tool's.
   */
  aiExtensionActive(): boolean;
}

/** What ends a command's window: the user's own action after it, or its own last edit. */
export interface CommandEnds {
  readonly userActedAt: number;
  readonly commandEditedAt: number;
}

const NO_ENDS: CommandEnds = Object.freeze({ userActedAt: Number.NEGATIVE_INFINITY, commandEditedAt: Number.NEGATIVE_INFINITY });

/** The editor's own label for an extension's edit (exact sources): which API wrote it. */
type EditorLabel = 'extensionEditorEdit' | 'workspaceEdit';

function editorLabel(base: Verdict): EditorLabel | undefined {
  if (base.evidence.includes('exact:extensionEditorEdit')) {
    return 'extensionEditorEdit';
  }
  return base.evidence.includes('exact:workspaceEdit') ? 'workspaceEdit' : undefined;
}

/** The documents one action wrote to; actions touch few, so a short list beats a set. */
const MAX_ACTION_DOCUMENTS = 8;

interface OpenAction {
  readonly evidence: ActionEvidence;
  decision: ActionDecision | undefined;
  /** The pieces counted so far (the first MAX_ACTION_PIECES), as the sink holds them. */
  readonly pieces: Attribution[];
  readonly documents: string[];
  /** How the editor labelled the action's first edit, on the exact path. */
  readonly label: EditorLabel | undefined;
  /** Whether an AI diff view was open when the action began. */
  readonly diffViewAtStart: boolean;
  /** Where its last edit was, as document offsets: the replaced range's start and the inserted text's end. */
  lastOffset: number | undefined;
  lastEnd: number | undefined;
  /** The event whose changes are being added (one event counts once in the evidence). */
  lastFact: EditFact | undefined;
  /** A multi-change event is an action of its own: nothing joins it afterwards. */
  closed: boolean;
}

/** The pause after which the action's next edit may be another's: fixed, or shorter once the action has a rhythm. */
function pauseMs(evidence: ActionEvidence): number {
  return evidence.events < ACTION_RHYTHM_EVENTS
    ? ACTION_PAUSE_MS
    : Math.min(ACTION_PAUSE_MS, Math.max(ACTION_RHYTHM_MIN_PAUSE_MS, ACTION_RHYTHM_FACTOR * evidence.longestGapMs));
}

/**
 * A block of whole lines put in at once (a tool's header or stub), and nothing else yet: streamed
 * text arrives in pieces that continue one another, so a writer that goes on elsewhere is another.
 */
function isOneShotBlock(evidence: ActionEvidence): boolean {
  return evidence.events === 1 && evidence.singleInsertEvents === 1 && evidence.contentLines >= ONE_SHOT_BLOCK_LINES;
}

/**
 * An edit in the same document away from where the action last wrote (offsets, where recorded),
 * after a pause or after a one-shot block.
 */
function resumesElsewhere(open: OpenAction, fact: EditFact): boolean {
  const offset = fact.changes[0]?.rangeOffset;
  if (offset === undefined || open.lastOffset === undefined || open.lastEnd === undefined
    || (fact.at - open.evidence.lastAt <= pauseMs(open.evidence) && !isOneShotBlock(open.evidence))) {
    return false;
  }
  return fact.documentKey === open.documents[open.documents.length - 1] && (offset < open.lastOffset || offset > open.lastEnd);
}

function actionEvidenceTokens(base: readonly string[], decision: ActionDecision, events: number, chars: number): string[] {
  const tokens = [...base, `action:${decision.reason}`, `n=${events}`];
  if (chars > 0) {
    tokens.push(`len=${chars}`);
  }
  return tokens;
}

/**
 * Groups anonymous edits into actions and keeps each action's pieces in the category the action
 * is decided as. Only one action is open at a time: agents and tools do one thing at a time.
 */
export class ActionTracker {
  private open: OpenAction | undefined;

  constructor(private readonly sink: AttributionSink, private readonly intents: IntentLog, private readonly signals: ActionSignals | undefined) {}

  /**
   * Typing-shaped edits with no keyboard selection change (an agent inserting a newline or a
   * bracket at the cursor) belong to the action that is writing into the same document.
   */
  takesWeakTyping(fact: EditFact, attribution: Attribution): boolean {
    const open = this.open;
    return open !== undefined && !open.closed && attribution.category === 'typed' && attribution.confidence === 'estimated'
      && fact.at - open.evidence.lastAt <= ACTION_GAP_MS && open.documents.includes(fact.documentKey);
  }

  /** The user acted in this document: whatever an extension writes next there is a new action. */
  userActed(documentKey: string): void {
    if (this.open?.documents.includes(documentKey) === true) {
      this.open = undefined;
    }
  }

  /** `ends`: the user's last own action and a command's last edit, which end a command's window. */
  add(fact: EditFact, change: ChangeFact, attribution: Attribution, base: Verdict, ends: CommandEnds = NO_ENDS): void {
    const label = editorLabel(base);
    const diffView = this.signals?.aiDiffViewOpen() ?? false;
    const action = this.actionFor(fact, label, diffView);
    this.note(action, fact, change, attribution, base, ends, label !== undefined, diffView);
    const decision = decideAction(action.evidence);
    const previous = action.decision;
    action.decision = decision;
    const piece = this.decided(attribution, base.evidence, decision, action.evidence.events, action.pieces.length > 0);
    this.sink.record(piece);
    if (previous !== undefined && previous !== decision) {
      this.redecide(action, decision);
    }
    if (action.pieces.length < MAX_ACTION_PIECES) {
      action.pieces.push(piece);
    }
  }

  /** After the last change of an event: a multi-change event closes its action. */
  endEvent(fact: EditFact): void {
    const open = this.open;
    if (open !== undefined && open.lastFact === fact && fact.changes.length > 1) {
      open.closed = true;
    }
  }

  private actionFor(fact: EditFact, label: EditorLabel | undefined, diffView: boolean): OpenAction {
    const open = this.open;
    // An agent writes files in the background as one action; in the focused editor, another
    // document is another action (a tool run on the file just opened), and a write in the
    // background does not join what was written in the focused editor. On the exact path, an edit
    // the editor labels as written through another API is another extension's, so another action.
    // An AI diff view opening or closing since the action began shows an agent starting or ending
    // its work: what comes next is another action.
    const joins = open !== undefined && (open.lastFact === fact
      || (!open.closed && fact.changes.length === 1 && fact.at - open.evidence.lastAt <= ACTION_GAP_MS && fact.at >= open.evidence.firstAt
        && open.label === label && open.diffViewAtStart === diffView && !resumesElsewhere(open, fact)
        && (open.documents.includes(fact.documentKey) || (!fact.inActiveEditor && !open.evidence.inActiveEditor))));
    if (joins && open !== undefined) {
      return open;
    }
    const started: OpenAction = {
      evidence: emptyEvidence(fact.at), decision: undefined, pieces: [], documents: [], label, diffViewAtStart: diffView,
      lastOffset: undefined, lastEnd: undefined, lastFact: undefined, closed: false,
    };
    started.evidence.aiExtensionActive = this.signals?.aiExtensionActive() ?? true;
    this.open = started;
    return started;
  }

  private note(action: OpenAction, fact: EditFact, change: ChangeFact, attribution: Attribution, base: Verdict, ends: CommandEnds, labelled: boolean, diffView: boolean): void {
    const evidence = action.evidence;
    const text = insertedText(change);
    if (action.lastFact !== fact) {
      action.lastFact = fact;
      if (evidence.events > 0) {
        evidence.longestGapMs = Math.max(evidence.longestGapMs, fact.at - evidence.lastAt);
      }
      evidence.events++;
      evidence.lastAt = Math.max(evidence.lastAt, fact.at);
      if (fact.changes.length === 1 && text.length > 0) {
        evidence.singleInsertEvents++;
      }
      this.noteContext(action, fact, ends, labelled, diffView);
    }
    evidence.insertedChars += attribution.chars;
    if (change.rangeOffset !== undefined) {
      action.lastOffset = change.rangeOffset;
      action.lastEnd = change.rangeOffset + change.text.length;
    }
    evidence.aiLikeWorkspaceEdit ||= labelled && base.evidence.includes('exact:workspaceEdit') && base.evidence.includes('shape:aiLike');
    if (text.length > 0) {
      evidence.contentLines += countContentLines(text);
      evidence.aiLike ||= isAiLike(text);
    }
  }

  /** Once per event: the windows and views around it. */
  private noteContext(action: OpenAction, fact: EditFact, ends: CommandEnds, labelled: boolean, diffView: boolean): void {
    const evidence = action.evidence;
    const key = fact.documentKey;
    if (!action.documents.includes(key) && action.documents.length < MAX_ACTION_DOCUMENTS) {
      action.documents.push(key);
    }
    evidence.inActiveEditor ||= fact.inActiveEditor;
    // A command waiting for the user (rename, quick fix) explains nothing once the user typed or accepted since.
    evidence.toolCommand ||= toolCommandAt(this.intents, fact.at, ends.userActedAt, ends.commandEditedAt) !== undefined;
    // The editor labels its chat's own edits: an edit it labels as another extension's is not the chat's.
    evidence.chatEditing ||= !labelled && (isChatEditingAt(this.intents, key, fact.at) || isChatRequestAt(this.intents, key, fact.at));
    // Only an action's first event may claim a file created a moment ago; its later events keep the claim.
    evidence.createdFile ||= evidence.events === 1 && takeCreation(this.intents, key, fact.at);
    evidence.diffView ||= diffView;
  }

  private decided(attribution: Attribution, base: readonly string[], decision: ActionDecision, events: number, continues: boolean): Attribution {
    const decided: Attribution = { ...attribution, category: decision.category, confidence: 'estimated', evidence: actionEvidenceTokens(base, decision, events, attribution.chars) };
    // Plain JSON in the snapshot: the flag is there only when set.
    return continues ? { ...decided, continues: true } : decided;
  }

  /** The decision changed: every kept piece moves to the new category. */
  private redecide(action: OpenAction, decision: ActionDecision): void {
    const pieces = action.pieces;
    for (let i = 0; i < pieces.length; i++) {
      const previous = pieces[i];
      const base = previous.evidence.filter((token) => !token.startsWith('action:') && !token.startsWith('n=') && !token.startsWith('len='));
      const next = this.decided(previous, base, decision, action.evidence.events, previous.continues === true);
      this.sink.replace(previous, next);
      pieces[i] = next;
    }
  }
}
