import type { Attribution } from '../attribution/types';
import { isAiCategory } from '../categories';
import { MINUTE_MS } from '../sessions/localDay';
import { DocumentRanges, MAX_COHORTS } from '../fate/documentRanges';

/** Ranges kept per document; beyond this, new text is left unattributed (it shows as unknown). */
export const MAX_AUTHORED_RANGES = 4096;

/** Who wrote a span of an open document. */
export type Author = 'human' | 'ai';

/** A span of text in an open document (UTF-16 offsets, end exclusive) and who wrote it. */
export interface AuthoredSpan {
  readonly start: number;
  readonly end: number;
  readonly author: Author;
}

/** One content change: `rangeLength` units at `rangeOffset` (of the document before it) replaced by `text`. */
export interface AuthoredChange {
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
}

const HUMAN = 0;
const AI = 1;
/** Slots for the pieces of anonymous actions, one per minute of their first piece, reused in turn. */
const FIRST_ACTION_SLOT = 2;
const ACTION_SLOTS = MAX_COHORTS - FIRST_ACTION_SLOT;

interface Tracked {
  readonly ranges: DocumentRanges;
  /** Per action slot: its action is decided AI (1) or not (0). */
  readonly actionAi: Uint8Array;
}

/**
 * Who wrote which text of each open document, for as long as it stays open: what you typed, and
 * what AI inserted (inline suggestions, chat and agent edits). Text that neither wrote (paste,
 * tools, undo, changes from disk) is in no range. Ranges shift with every later edit, like the
 * editor's decorations; only offsets are kept, never text. Unlike what became of AI text (counted
 * once, at a horizon), this is kept until the document closes, so that it can be exported.
 *
 * An anonymous action's pieces may be decided a tool's and later an AI's (or the other way): they
 * are kept in a slot of their minute, whose decision is one flag, so a changed decision costs O(1).
 */
export class Authorship {
  private readonly documents = new Map<string, Tracked>();
  /** The minute each action slot holds now (-1: none). */
  private readonly slotMinute = new Float64Array(ACTION_SLOTS).fill(-1);
  /** The documents each action slot wrote in: retiring a slot visits only those. */
  private readonly slotDocuments: Set<string>[] = Array.from({ length: ACTION_SLOTS }, () => new Set<string>());
  private readonly ignore = (): void => undefined;
  /** The slot and minute of each action piece, for when its action is decided otherwise. */
  private readonly pieces = new WeakMap<Attribution, { readonly key: string; readonly slot: number; readonly minute: number }>();

  constructor(private readonly maxRanges = MAX_AUTHORED_RANGES) {}

  /**
   * One classified change, in the order the editor applied them. `action`: a piece of an
   * anonymous action, followed even while the action is decided a tool's.
   */
  observe(documentKey: string, change: AuthoredChange, attribution: Attribution, action = false): void {
    const ai = isAiCategory(attribution.category);
    const cohort = ai && !action ? AI : action ? this.actionSlot(documentKey, attribution) : attribution.category === 'typed' ? HUMAN : -1;
    let tracked = this.documents.get(documentKey);
    if (tracked === undefined && cohort < 0) {
      return;
    }
    // An accepted suggestion that repeats what it replaced: the repeated start stays whose it was.
    const repeated = Math.max(0, Math.min(change.text.length, change.rangeLength - attribution.deleted));
    const units = change.text.length - repeated;
    if (tracked !== undefined && cohort >= 0 && change.rangeLength === 0 && units > 0 && tracked.ranges.extend(change.rangeOffset, units, cohort)) {
      // Typing on where you (or the same action) wrote just before: the range grows, nothing splits.
      this.noteAction(tracked, cohort, ai);
      return;
    }
    if (tracked !== undefined) {
      tracked.ranges.apply(change.rangeOffset + repeated, change.rangeLength - repeated, units, this.ignore);
    }
    if (cohort < 0 || units <= 0) {
      if (tracked?.ranges.count === 0) {
        this.documents.delete(documentKey);
      }
      return;
    }
    if (tracked === undefined) {
      tracked = { ranges: new DocumentRanges(), actionAi: new Uint8Array(MAX_COHORTS) };
      this.documents.set(documentKey, tracked);
    }
    this.noteAction(tracked, cohort, ai);
    if (tracked.ranges.count < this.maxRanges) {
      tracked.ranges.add(change.rangeOffset + repeated, units, cohort);
    }
  }

  /** An action piece carries its action's decision so far. */
  private noteAction(tracked: Tracked, cohort: number, ai: boolean): void {
    if (cohort >= FIRST_ACTION_SLOT) {
      tracked.actionAi[cohort] = ai ? 1 : 0;
    }
  }

  /** An action was decided otherwise (`previous` was observed as one of its pieces): O(1). */
  reclassify(previous: Attribution, next: Attribution): void {
    const piece = this.pieces.get(previous);
    if (piece === undefined) {
      return;
    }
    this.pieces.delete(previous);
    const tracked = this.documents.get(piece.key);
    if (tracked !== undefined && this.slotMinute[piece.slot - FIRST_ACTION_SLOT] === piece.minute) {
      tracked.actionAi[piece.slot] = isAiCategory(next.category) ? 1 : 0;
      this.pieces.set(next, piece);
    }
  }

  /** The document closed: who wrote it is no longer known. */
  closeDocument(documentKey: string): void {
    this.documents.delete(documentKey);
  }

  /** Forgets everything (Delete All Data). */
  clear(): void {
    this.documents.clear();
    this.slotMinute.fill(-1);
    for (const documents of this.slotDocuments) {
      documents.clear();
    }
  }

  /** The authored spans of a document, in order (none when nothing is known). */
  spans(documentKey: string): AuthoredSpan[] {
    const tracked = this.documents.get(documentKey);
    const spans: AuthoredSpan[] = [];
    if (tracked === undefined) {
      return spans;
    }
    const { ranges, actionAi } = tracked;
    for (let i = 0; i < ranges.count; i++) {
      const cohort = ranges.cohort(i);
      const author: Author | undefined = cohort === HUMAN ? 'human' : cohort === AI || actionAi[cohort] === 1 ? 'ai' : undefined;
      if (author !== undefined) {
        spans.push({ start: ranges.start(i), end: ranges.end(i), author });
      }
    }
    return spans;
  }

  /** Documents and ranges held (for tests and the memory budget). */
  footprint(): { readonly documents: number; readonly ranges: number; readonly bytes: number } {
    let ranges = 0;
    let bytes = 0;
    for (const { ranges: each, actionAi } of this.documents.values()) {
      ranges += each.count;
      bytes += each.bytes + actionAi.byteLength;
    }
    return { documents: this.documents.size, ranges, bytes };
  }

  /**
   * The slot of an action piece's minute. A slot taken over by a newer minute first drops what
   * its old minute left (a tool's text then; an AI's moves to the AI cohort).
   */
  private actionSlot(documentKey: string, attribution: Attribution): number {
    const minute = Math.floor(attribution.at / MINUTE_MS);
    const index = minute % ACTION_SLOTS;
    const slot = FIRST_ACTION_SLOT + index;
    if (this.slotMinute[index] !== minute) {
      this.retire(slot);
      this.slotMinute[index] = minute;
    }
    this.slotDocuments[index].add(documentKey);
    this.pieces.set(attribution, { key: documentKey, slot, minute });
    return slot;
  }

  private retire(slot: number): void {
    const documents = this.slotDocuments[slot - FIRST_ACTION_SLOT];
    for (const key of documents) {
      const tracked = this.documents.get(key);
      if (tracked === undefined) {
        continue;
      }
      const keep: { start: number; length: number }[] = [];
      if (tracked.actionAi[slot] === 1) {
        for (let i = 0; i < tracked.ranges.count; i++) {
          if (tracked.ranges.cohort(i) === slot) {
            keep.push({ start: tracked.ranges.start(i), length: tracked.ranges.length(i) });
          }
        }
      }
      tracked.ranges.removeCohort(slot, this.ignore);
      for (const range of keep) {
        tracked.ranges.add(range.start, range.length, AI);
      }
      tracked.actionAi[slot] = 0;
      if (tracked.ranges.count === 0) {
        this.documents.delete(key);
      }
    }
    documents.clear();
  }
}
