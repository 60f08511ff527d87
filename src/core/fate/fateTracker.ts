import type { Attribution } from '../attribution/types';
import { isAiCategory } from '../categories';
import { MINUTE_MS } from '../sessions/localDay';
import { Cohort, toSettlement } from './cohort';
import { DocumentRanges, MAX_COHORTS } from './documentRanges';

/** How long an AI insert is watched before its fate counts: long enough to rework it, short enough to be comparable. */
export const FATE_HORIZON_MS = 10 * MINUTE_MS;
/** Ranges kept per document; beyond this the oldest cohort's ranges there are settled as kept. */
export const MAX_RANGES_PER_DOCUMENT = 512;

/** One content change as the editor reports it: offsets in UTF-16 units of the document before it. */
export interface OffsetChange {
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
  /** The replaced range's lines: in a CRLF document each line break in it is two units but one character. */
  readonly range?: { readonly start: { readonly line: number }; readonly end: { readonly line: number } };
}

/** The fate of the AI characters of one cohort, in the attribution's characters (code points, CRLF as one). */
export interface FateSettlement {
  /** The first insert of the cohort (epoch ms): its day and session get the figures. */
  readonly at: number;
  readonly kept: number;
  readonly reworked: number;
  readonly removed: number;
}

export interface FateFigures {
  kept: number;
  reworked: number;
  removed: number;
  pending: number;
}

export function emptyFate(): FateFigures {
  return { kept: 0, reworked: 0, removed: 0, pending: 0 };
}

export interface FateTrackerOptions {
  readonly horizonMs?: number;
  readonly maxRangesPerDocument?: number;
  readonly onSettled: (settlement: FateSettlement) => void;
}

/**
 * What became of the text AI inserted: for every AI insert, its ranges in the open document are
 * followed through later edits until a fixed horizon after the insert (or until the document
 * closes, or the session ends). Then each AI character counts once: kept (still there, as it was),
 * reworked (you typed over it, or deleted it and typed in its place) or removed (deleted by you,
 * by undo, by a tool or by the AI itself). Nothing of the text is kept; only offsets and counts.
 * `observe` runs on every keystroke: a map lookup for documents without AI text, a binary search
 * for the others, array moves only when a range splits or goes.
 */
export class FateTracker {
  private readonly documents = new Map<string, DocumentRanges>();
  private readonly cohorts: Cohort[] = [];
  /** Live cohort slots, oldest first. */
  private readonly order: number[] = [];
  private readonly horizonMs: number;
  private readonly maxRanges: number;
  private nextDue = Number.POSITIVE_INFINITY;
  /** Ranges that leave tracking unchanged (settled, closed, overflowing) are simply kept. */
  private readonly toKept = (): void => undefined;
  private sinkCategory: Attribution['category'] = 'typed';
  /** Typed characters of the change being applied not yet matched with AI characters they replace. */
  private sinkBudget = 0;
  /** Line breaks per replaced unit of the change being applied, in a CRLF document (else 0). */
  private sinkCrlfRate = 0;
  private readonly toFate = (cohort: number, units: number): void => this.replaced(cohort, units);
  /** The cohort whose AI units the change being applied deleted by your typing (else -1). */
  private sinkDeletedSlot = -1;
  /**
   * Where typing continues a rework: after you deleted or typed over AI text, the offset just after
   * what you typed there, in that document, and the cohort the deleted text came from. Typing on
   * from that point gives it back key after key, also where no AI text follows (the end of a line).
   */
  private reworkDocument: string | undefined;
  private reworkAt = -1;
  private reworkSlot = -1;
  private reworkGeneration = 0;
  /** Each action piece's cohort (and its generation), for when the action is decided otherwise. */
  private readonly actionPieces = new WeakMap<Attribution, { readonly slot: number; readonly generation: number }>();

  constructor(private readonly options: FateTrackerOptions) {
    this.horizonMs = options.horizonMs ?? FATE_HORIZON_MS;
    this.maxRanges = options.maxRangesPerDocument ?? MAX_RANGES_PER_DOCUMENT;
  }

  /**
   * One classified content change, in the order the editor applied them. `crlf`: the document's
   * line breaks are CRLF. `action`: a piece of an anonymous action (see `reclassify`): its text is
   * followed even while the action is decided a tool's.
   */
  observe(documentKey: string, change: OffsetChange, attribution: Attribution, crlf = false, action = false): void {
    if (attribution.at >= this.nextDue) {
      this.settleDue(attribution.at);
    }
    const ai = isAi(attribution) || action;
    const continued = this.reworkDocument === documentKey && this.continueRework(change, attribution);
    let ranges = this.documents.get(documentKey);
    if (ranges === undefined && !ai) {
      return;
    }
    const inserted = change.text.length;
    // A change that repeats the start of what it replaced (an accepted suggestion sent as the whole
    // line, or a streamed insert sent again in full): that start stays as it was, and only the
    // rest is new text.
    const repeated = Math.max(0, Math.min(inserted, change.rangeLength - attribution.deleted));
    if (ranges !== undefined) {
      this.applyTo(documentKey, ranges, change, attribution, crlf, continued, repeated);
    }
    if (!ai) {
      if (ranges?.count === 0) {
        this.documents.delete(documentKey);
      }
      return;
    }
    const units = inserted - repeated;
    if (units <= 0 || attribution.chars <= 0) {
      return;
    }
    if (ranges === undefined) {
      ranges = new DocumentRanges();
      this.documents.set(documentKey, ranges);
    }
    const cohort = this.cohortFor(attribution.at, action, action && !isAi(attribution));
    this.cohorts[cohort].chars += attribution.chars;
    if (action) {
      this.actionPieces.set(attribution, { slot: cohort, generation: this.cohorts[cohort].generation });
    }
    if (ranges.count + 2 > this.maxRanges) {
      ranges.removeCohort(this.oldestIn(ranges), this.toKept);
    }
    ranges.add(change.rangeOffset + repeated, units, cohort);
    this.cohorts[cohort].documents.add(documentKey);
  }

  private applyTo(documentKey: string, ranges: DocumentRanges, change: OffsetChange, attribution: Attribution, crlf: boolean, continued: boolean, repeated: number): void {
    const typed = attribution.category === 'typed';
    if (typed && !continued && attribution.chars > 0 && change.rangeLength === 0) {
      const touched = ranges.touching(change.rangeOffset);
      if (touched >= 0 && this.giveBack(touched, attribution.chars)) {
        this.startRework(documentKey, change.rangeOffset + change.text.length, touched);
      }
    }
    if (ranges.count + 1 > this.maxRanges) {
      ranges.removeCohort(this.oldestIn(ranges), this.toKept);
    }
    this.sinkCategory = attribution.category;
    this.sinkBudget = typed ? attribution.chars : 0;
    this.sinkDeletedSlot = -1;
    const lineBreaks = crlf && change.range !== undefined ? change.range.end.line - change.range.start.line : 0;
    this.sinkCrlfRate = lineBreaks > 0 && change.rangeLength > 0 ? lineBreaks / change.rangeLength : 0;
    ranges.apply(change.rangeOffset + repeated, change.rangeLength - repeated, change.text.length - repeated, this.toFate);
    if (this.sinkDeletedSlot >= 0) {
      this.startRework(documentKey, change.rangeOffset + change.text.length, this.sinkDeletedSlot);
    }
  }

  /** Typing gives back AI characters of a cohort that you deleted: they count as reworked. True when some did. */
  private giveBack(slot: number, chars: number): boolean {
    const c = this.cohorts[slot];
    const back = Math.min(chars, c.deletedByYou);
    c.deletedByYou -= back;
    c.reworked += back;
    return back > 0;
  }

  private startRework(documentKey: string, at: number, slot: number): void {
    this.reworkDocument = documentKey;
    this.reworkAt = at;
    this.reworkSlot = slot;
    this.reworkGeneration = this.cohorts[slot].generation;
  }

  /**
   * A change in the document of a rework: typing on at its point gives back what you deleted (true:
   * handled); deleting just before that point moves it; anything else there ends the rework.
   */
  private continueRework(change: OffsetChange, attribution: Attribution): boolean {
    const typed = attribution.category === 'typed';
    const c = this.cohorts[this.reworkSlot];
    if (typed && c.live && c.generation === this.reworkGeneration) {
      if (change.rangeLength === 0 && change.text.length > 0 && change.rangeOffset === this.reworkAt) {
        this.giveBack(this.reworkSlot, attribution.chars);
        this.reworkAt += change.text.length;
        return true;
      }
      if (change.text.length === 0 && change.rangeOffset + change.rangeLength === this.reworkAt) {
        this.reworkAt = change.rangeOffset;
        return false;
      }
    }
    this.reworkDocument = undefined;
    return false;
  }

  /** AI units replaced or deleted by the change being applied. */
  private replaced(cohort: number, units: number): void {
    const c = this.cohorts[cohort];
    const chars = units - Math.round(units * this.sinkCrlfRate);
    if (this.sinkCategory !== 'typed') {
      c.removed += chars;
      return;
    }
    // Typed over: as many as were typed are reworked; the rest is deleted by you.
    const over = Math.min(chars, this.sinkBudget);
    this.sinkBudget -= over;
    c.reworked += over;
    c.deletedByYou += chars - over;
    if (chars > over) {
      this.sinkDeletedSlot = cohort;
    }
  }

  /**
   * An action was decided otherwise (`previous` was observed as one of its pieces): its cohort's
   * text becomes AI text, with what happened to it so far, or stops being AI text. O(1).
   */
  reclassify(previous: Attribution, next: Attribution): void {
    const piece = this.actionPieces.get(previous);
    this.actionPieces.delete(previous);
    const c = piece === undefined ? undefined : this.cohorts[piece.slot];
    if (piece === undefined || c === undefined || !c.live || c.generation !== piece.generation) {
      return;
    }
    c.provisional = !isAi(next);
    this.actionPieces.set(next, piece);
  }

  /** The document closed: its AI text counts as it is now. */
  closeDocument(documentKey: string): void {
    if (this.reworkDocument === documentKey) {
      this.reworkDocument = undefined;
    }
    const ranges = this.documents.get(documentKey);
    if (ranges !== undefined) {
      ranges.removeCohort(-1, this.toKept);
      this.documents.delete(documentKey);
    }
  }

  /** Settles every cohort whose last insert is at least the horizon old at `now`. */
  settleDue(now: number): void {
    while (this.order.length > 0) {
      const slot = this.order[0];
      if (now - this.cohorts[slot].lastAt < this.horizonMs) {
        break;
      }
      this.settle(slot);
    }
    this.updateNextDue();
  }

  /** The session ends (window closes, data deleted): everything counts as it is now. */
  settleAll(): void {
    while (this.order.length > 0) {
      this.settle(this.order[0]);
    }
    this.updateNextDue();
  }

  /** Forgets every range and cohort without counting them (Delete All Data). */
  clear(): void {
    this.documents.clear();
    for (const slot of this.order) {
      this.cohorts[slot].live = false;
    }
    this.order.length = 0;
    this.updateNextDue();
  }

  /** AI characters inserted in [from, to] (epoch ms) whose fate is not settled yet. */
  pending(from: number, to: number): number {
    let sum = 0;
    for (const slot of this.order) {
      const c = this.cohorts[slot];
      if (!c.provisional && c.firstAt >= from && c.firstAt <= to) {
        sum += c.chars;
      }
    }
    return sum;
  }

  /** Ranges and bytes held (for the memory budget and tests). */
  footprint(): { readonly documents: number; readonly ranges: number; readonly bytes: number } {
    let ranges = 0;
    let bytes = 0;
    for (const doc of this.documents.values()) {
      ranges += doc.count;
      bytes += doc.bytes;
    }
    return { documents: this.documents.size, ranges, bytes };
  }

  /** The cohort of this minute's inserts (an action's pieces have cohorts of their own). */
  private cohortFor(at: number, action: boolean, provisional: boolean): number {
    const minute = Math.floor(at / MINUTE_MS);
    // The two newest: one of plain inserts and one of an action may share the minute.
    for (let i = this.order.length - 1; i >= Math.max(0, this.order.length - 2); i--) {
      const c = this.cohorts[this.order[i]];
      if (c.minute === minute && c.action === action) {
        c.lastAt = Math.max(c.lastAt, at);
        return this.order[i];
      }
    }
    if (this.order.length >= MAX_COHORTS) {
      this.settle(this.order[0]);
    }
    let slot = this.cohorts.findIndex((c) => !c.live);
    if (slot < 0) {
      slot = this.cohorts.length;
      this.cohorts.push(new Cohort());
    }
    const c = this.cohorts[slot];
    Object.assign(c, { minute, firstAt: at, lastAt: at, chars: 0, reworked: 0, deletedByYou: 0, removed: 0, live: true, action, provisional });
    c.documents.clear();
    c.generation++;
    this.order.push(slot);
    this.updateNextDue();
    return slot;
  }

  private oldestIn(ranges: DocumentRanges): number {
    let oldest = -1;
    let oldestAt = Number.POSITIVE_INFINITY;
    for (let i = 0; i < ranges.count; i++) {
      const c = this.cohorts[ranges.cohort(i)];
      if (c.firstAt < oldestAt) {
        oldestAt = c.firstAt;
        oldest = ranges.cohort(i);
      }
    }
    return oldest;
  }

  private settle(slot: number): void {
    const c = this.cohorts[slot];
    for (const key of c.documents) {
      const ranges = this.documents.get(key);
      if (ranges === undefined) {
        continue;
      }
      ranges.removeCohort(slot, this.toKept);
      if (ranges.count === 0) {
        this.documents.delete(key);
      }
    }
    c.documents.clear();
    c.live = false;
    this.order.splice(this.order.indexOf(slot), 1);
    if (!c.provisional) {
      this.options.onSettled(toSettlement(c));
    }
  }

  private updateNextDue(): void {
    this.nextDue = this.order.length > 0 ? this.cohorts[this.order[0]].lastAt + this.horizonMs : Number.POSITIVE_INFINITY;
  }
}

function isAi(attribution: Attribution): boolean {
  return isAiCategory(attribution.category);
}
