/**
 * What became of AI text in recorded sessions, measured two ways. The reference follows every
 * UTF-16 unit of each document with the session's truth labels (which insert it came from) and
 * applies the definitions directly: kept (still there), reworked (typed over, or deleted and typed
 * again in its place), removed (deleted otherwise). The product's FateTracker follows ranges, fed
 * with each path's attributions as the classifier finally decided them. Both see the same edits,
 * and whatever is still pending when the session ends counts as it is then.
 *
 * The recordings keep positions (line, character), not offsets, and not the files' text from
 * before the session: a document is mirrored from its edits, and text the mirror lacks where an
 * edit lands is padded in first (for both, as text nobody wrote in the session).
 */
import type { Attribution } from '../../src/core/attribution/types';
import { isAiCategory, type Category } from '../../src/core/categories';
import { FATE_HORIZON_MS, FateTracker, type FateSettlement } from '../../src/core/fate/fateTracker';
import { countCodePoints } from '../../src/core/text';
import type { CorpusSession } from './corpus';
import { scoreSession, type Path, type Scored } from './score';

export interface FateTotals {
  kept: number;
  reworked: number;
  removed: number;
}

export interface SessionFate {
  readonly name: string;
  readonly truth: FateTotals;
  readonly stable: FateTotals;
  readonly exact: FateTotals;
}

function emptyTotals(): FateTotals {
  return { kept: 0, reworked: 0, removed: 0 };
}

/** The AI characters the totals are of. */
export function aiChars(totals: FateTotals): number {
  return totals.kept + totals.reworked + totals.removed;
}

/** The largest difference in kept, reworked or removed, as a share of the true AI characters. */
export function fateError(measured: FateTotals, truth: FateTotals): number {
  const total = aiChars(truth);
  const worst = Math.max(Math.abs(measured.kept - truth.kept), Math.abs(measured.reworked - truth.reworked), Math.abs(measured.removed - truth.removed));
  return total === 0 ? (aiChars(measured) === 0 ? 0 : 1) : worst / total;
}

/** A document rebuilt from its edits: lines, padded where an edit lands beyond what is known. */
class Mirror {
  private lines: string[] = [''];

  /** Units to insert at `offset` before an edit at `position` can land (0 when it already can). */
  padFor(position: { line: number; character: number }): { offset: number; text: string } | undefined {
    if (position.line >= this.lines.length) {
      const offset = this.length();
      return { offset, text: '\n'.repeat(position.line - this.lines.length + 1) + ' '.repeat(position.character) };
    }
    const missing = position.character - this.lines[position.line].length;
    return missing > 0 ? { offset: this.offsetOf({ line: position.line, character: this.lines[position.line].length }), text: ' '.repeat(missing) } : undefined;
  }

  offsetOf(position: { line: number; character: number }): number {
    let offset = 0;
    for (let i = 0; i < position.line; i++) {
      offset += this.lines[i].length + 1;
    }
    return offset + position.character;
  }

  textAt(offset: number, length: number): string {
    return this.lines.join('\n').slice(offset, offset + length);
  }

  apply(offset: number, length: number, text: string): void {
    const all = this.lines.join('\n');
    this.lines = (all.slice(0, offset) + text + all.slice(offset + length)).split('\n');
  }

  private length(): number {
    return this.lines.reduce((sum, line) => sum + line.length, 0) + this.lines.length - 1;
  }
}

/** One AI insert followed by the reference, unit by unit. */
interface Insert {
  readonly at: number;
  readonly chars: number;
  reworked: number;
  deletedByYou: number;
  removed: number;
  settled: boolean;
}

/** The reference: a label per unit (the insert it came from, or -1), the definitions applied to each edit. */
class Reference {
  private readonly labels = new Map<string, number[]>();
  readonly inserts: Insert[] = [];
  /** Where typing continues a rework, and the inserts whose text you deleted there (newest last). */
  private rework: { key: string; at: number; inserts: number[] } | undefined;

  edit(key: string, at: number, offset: number, length: number, text: string, category: Category, repeated: number): void {
    this.settleDue(at);
    const labels = this.labels.get(key) ?? [];
    this.labels.set(key, labels);
    const typed = category === 'typed';
    const chars = countCodePoints(text);
    if (typed && length === 0 && chars > 0) {
      this.giveBack(key, labels, offset, chars, text.length);
    } else if (this.rework?.key === key) {
      this.rework = typed && text.length === 0 && offset + length === this.rework.at ? { ...this.rework, at: offset } : undefined;
    }
    let budget = typed ? chars : 0;
    for (const label of labels.slice(offset + repeated, offset + length)) {
      const insert = label < 0 ? undefined : this.inserts[label];
      if (insert === undefined || insert.settled) {
        continue;
      }
      if (!typed) {
        insert.removed++;
      } else if (budget > 0) {
        budget--;
        insert.reworked++;
      } else {
        insert.deletedByYou++;
        const inserts = this.rework?.key === key && this.rework.at === offset + text.length ? this.rework.inserts : [];
        if (inserts.at(-1) !== label) {
          inserts.push(label);
        }
        this.rework = { key, at: offset + text.length, inserts };
      }
    }
    const ai = isAiCategory(category) && text.length > repeated;
    const label = ai ? this.inserts.push({ at, chars: countCodePoints(text.slice(repeated)), reworked: 0, deletedByYou: 0, removed: 0, settled: false }) - 1 : -1;
    labels.splice(offset + repeated, length - repeated, ...new Array<number>(text.length - repeated).fill(label));
  }

  totals(): FateTotals {
    const totals = emptyTotals();
    for (const insert of this.inserts) {
      const removed = Math.min(insert.chars, insert.removed + insert.deletedByYou);
      const reworked = Math.min(insert.chars - removed, insert.reworked);
      totals.kept += insert.chars - removed - reworked;
      totals.reworked += reworked;
      totals.removed += removed;
    }
    return totals;
  }

  /** Typing where you were reworking, or right at the edge of AI text you deleted from, gives it back. */
  private giveBack(key: string, labels: readonly number[], offset: number, chars: number, units: number): void {
    const continues = this.rework?.key === key && this.rework.at === offset;
    const touched = [labels[offset - 1], labels[offset]].find((label) => label !== undefined && label >= 0 && this.inserts[label].deletedByYou > 0);
    const inserts = continues ? this.rework?.inserts ?? [] : touched !== undefined ? [touched] : [];
    if (inserts.length === 0) {
      if (this.rework?.key === key) {
        this.rework = undefined;
      }
      return;
    }
    let left = chars;
    for (let i = inserts.length - 1; i >= 0 && left > 0; i--) {
      const insert = this.inserts[inserts[i]];
      const back = insert.settled ? 0 : Math.min(left, insert.deletedByYou);
      insert.deletedByYou -= back;
      insert.reworked += back;
      left -= back;
    }
    this.rework = { key, at: offset + units, inserts };
  }

  private settleDue(now: number): void {
    for (const insert of this.inserts) {
      insert.settled ||= now - insert.at >= FATE_HORIZON_MS;
    }
  }
}

/** An accepted suggestion that repeats the start of what it replaces adds only the rest. */
function repeatedStart(replaced: string, text: string): number {
  let i = 0;
  while (i < replaced.length && i < text.length && replaced[i] === text[i]) {
    i++;
  }
  return i;
}

/** Kept, reworked and removed in one recorded session: the reference with the truth, the tracker on each path. */
export function scoreFate(session: CorpusSession, scored: readonly Scored[] = scoreSession(session)): SessionFate {
  const mirrors = new Map<string, Mirror>();
  const reference = new Reference();
  const settled: Record<Path, FateTotals> = { stable: emptyTotals(), exact: emptyTotals() };
  const add = (path: Path) => (settlement: FateSettlement): void => {
    settled[path].kept += settlement.kept;
    settled[path].reworked += settlement.reworked;
    settled[path].removed += settlement.removed;
  };
  const trackers: Record<Path, FateTracker> = { stable: new FateTracker({ onSettled: add('stable') }), exact: new FateTracker({ onSettled: add('exact') }) };
  const observe = (key: string, offset: number, length: number, text: string, attributions: Record<Path, Attribution>): void => {
    for (const path of ['stable', 'exact'] as const) {
      trackers[path].observe(key, { rangeOffset: offset, rangeLength: length, text }, attributions[path]);
    }
  };
  for (const item of scored) {
    let mirror = mirrors.get(item.documentKey);
    if (mirror === undefined) {
      mirror = new Mirror();
      mirrors.set(item.documentKey, mirror);
    }
    for (const position of [item.change.start, item.change.end]) {
      const pad = mirror.padFor(position);
      if (pad !== undefined) {
        const outside = padding(item.at, pad.text);
        observe(item.documentKey, pad.offset, 0, pad.text, { stable: outside, exact: outside });
        reference.edit(item.documentKey, item.at, pad.offset, 0, pad.text, 'external', 0);
        mirror.apply(pad.offset, 0, pad.text);
      }
    }
    const offset = mirror.offsetOf(item.change.start);
    const length = mirror.offsetOf(item.change.end) - offset;
    const text = item.change.text;
    const repeated = item.truth === 'aiInline' && length > 0 ? repeatedStart(mirror.textAt(offset, length), text) : 0;
    observe(item.documentKey, offset, length, text, item.attributions);
    reference.edit(item.documentKey, item.at, offset, length, text, item.truth, repeated);
    mirror.apply(offset, length, text);
  }
  trackers.stable.settleAll();
  trackers.exact.settleAll();
  return { name: session.header.name, truth: reference.totals(), stable: settled.stable, exact: settled.exact };
}

/** Text the mirror lacked, put in before an edit: nobody's in the session. */
function padding(at: number, text: string): Attribution {
  return { at, category: 'external', confidence: 'exact', chars: countCodePoints(text), deleted: 0, languageId: 'plaintext', evidence: [] };
}
