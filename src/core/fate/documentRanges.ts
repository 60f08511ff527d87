/**
 * The AI-inserted ranges of one open document, as UTF-16 offsets, kept sorted and disjoint, and
 * shifted by every later change the way the editor shifts its own decorations. Compact on purpose
 * (7 bytes a range in typed arrays): a range holds no text, only where it is and which cohort of
 * inserts it came from.
 *
 * Later ranges shift lazily: the ranges from `lazyFrom` on are stored `lazyDelta` too early, and
 * a change moves that boundary to itself. Typing keystroke after keystroke at one place costs a
 * binary search; moving elsewhere costs the ranges passed over, not every later range. Adding,
 * splitting or removing a range moves the arrays (native memmove), never the pending shift.
 */

/** The longest range; a longer insert is kept as several adjacent ranges. */
export const MAX_RANGE_UNITS = 0xffff;
/** Cohort slots fit a byte. */
export const MAX_COHORTS = 256;

/** What a change did to AI text: `overlap` units of `cohort` were replaced or deleted. */
export type OverlapSink = (cohort: number, overlap: number) => void;

export class DocumentRanges {
  private starts = new Int32Array(8);
  private lens = new Uint16Array(8);
  private cohorts = new Uint8Array(8);
  count = 0;
  /** Ranges from this index on start `lazyDelta` later than stored. */
  private lazyFrom = 0;
  private lazyDelta = 0;
  /** The index `firstEndingAfter` found last (a guess, checked before use). */
  private lastFound = 0;

  /** Bytes held by the arrays (for the memory budget). */
  get bytes(): number {
    return this.starts.byteLength + this.lens.byteLength + this.cohorts.byteLength;
  }

  start(i: number): number {
    return this.starts[i] + (i >= this.lazyFrom ? this.lazyDelta : 0);
  }

  end(i: number): number {
    return this.start(i) + this.lens[i];
  }

  length(i: number): number {
    return this.lens[i];
  }

  cohort(i: number): number {
    return this.cohorts[i];
  }

  /**
   * The first range ending after `offset`. Edits come one after another at one place, so the last
   * answer is checked first (it stays right while typing goes on there); else a binary search.
   */
  private firstEndingAfter(offset: number): number {
    const hint = this.lastFound;
    if (hint <= this.count && (hint === 0 || this.end(hint - 1) <= offset) && (hint === this.count || this.end(hint) > offset)) {
      return hint;
    }
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.end(mid) > offset) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    this.lastFound = lo;
    return lo;
  }

  /**
   * The cohort of a range that contains `offset` or ends or starts at it (typing right after AI
   * text touches it), else -1.
   */
  touching(offset: number): number {
    const i = this.firstEndingAfter(offset);
    if (i > 0 && this.end(i - 1) === offset) {
      return this.cohorts[i - 1];
    }
    return i < this.count && this.start(i) <= offset ? this.cohorts[i] : -1;
  }

  /**
   * Applies one content change: `removed` units at `offset` replaced by `inserted` units. Every
   * AI unit inside the replaced span is reported to `sink` and leaves its range; a pure insert
   * strictly inside a range splits it; later ranges shift.
   */
  apply(offset: number, removed: number, inserted: number, sink: OverlapSink): void {
    const end = offset + removed;
    const delta = inserted - removed;
    const i = this.firstEndingAfter(offset);
    const overlaps = i < this.count && (removed > 0 ? this.start(i) < end : this.start(i) < offset);
    if (!overlaps) {
      this.shiftFrom(i, delta);
      if (inserted === 0 && removed > 0) {
        // Deleting exactly the gap between two ranges makes them touch.
        this.mergeAt(i - 1);
      }
      return;
    }
    let j = i;
    while (j < this.count && (this.start(j) < end || (removed === 0 && j === i && this.start(j) < offset))) {
      const s = this.start(j);
      const e = s + this.lens[j];
      const overlap = Math.min(e, end) - Math.max(s, offset);
      if (overlap > 0) {
        sink(this.cohorts[j], overlap);
      }
      const left = Math.max(0, offset - s);
      const right = Math.max(0, e - end);
      if (left > 0 && right > 0) {
        // The right piece (at the change's end, before the shift) is the next to shift.
        this.lens[j] = left;
        this.insertAt(j + 1, end, right, this.cohorts[j]);
        j++;
      } else if (left > 0) {
        this.lens[j] = left;
        j++;
      } else if (right > 0) {
        // Ends after the change: nothing later overlaps, and this one shifts.
        this.setStart(j, end);
        this.lens[j] = right;
      } else {
        this.removeAt(j);
      }
    }
    this.shiftFrom(j, delta);
    if (inserted === 0 && j > 0) {
      this.mergeAt(j - 1);
    }
  }

  /** Adds a range of AI text (already in the document, after the change was applied). */
  add(offset: number, units: number, cohort: number): void {
    let at = offset;
    let left = units;
    while (left > 0) {
      const len = Math.min(left, MAX_RANGE_UNITS);
      const i = this.firstEndingAfter(at);
      this.insertAt(i, at, len, cohort);
      this.mergeAt(i);
      if (i > 0) {
        this.mergeAt(i - 1);
      }
      at += len;
      left -= len;
    }
  }

  /**
   * A pure insert of `units` at `offset` inside a range of `cohort`, or right at its end: that
   * range grows and the later ones shift, without a split. False (nothing changed) when no such
   * range is there or it would grow too long. Typing on after your own text costs a binary search.
   */
  extend(offset: number, units: number, cohort: number): boolean {
    const i = this.firstEndingAfter(offset);
    const j = i < this.count && this.start(i) < offset && this.cohorts[i] === cohort
      ? i
      : i > 0 && this.end(i - 1) === offset && this.cohorts[i - 1] === cohort ? i - 1 : -1;
    if (j < 0 || this.lens[j] + units > MAX_RANGE_UNITS) {
      return false;
    }
    this.lens[j] += units;
    this.shiftFrom(j + 1, units);
    return true;
  }

  /** Removes every range of `cohort` (or of every cohort when -1), reporting their lengths. */
  removeCohort(cohort: number, sink: OverlapSink): void {
    this.materialize();
    let kept = 0;
    for (let i = 0; i < this.count; i++) {
      if (cohort === -1 || this.cohorts[i] === cohort) {
        sink(this.cohorts[i], this.lens[i]);
      } else {
        this.starts[kept] = this.starts[i];
        this.lens[kept] = this.lens[i];
        this.cohorts[kept] = this.cohorts[i];
        kept++;
      }
    }
    this.count = kept;
    this.lazyFrom = kept;
  }

  /** Applies the pending shift to the stored starts. */
  private materialize(): void {
    this.moveLazyTo(this.count);
    this.lazyDelta = 0;
  }

  /**
   * Moves the pending shift's first range to `index`: ranges leaving the shifted part get the
   * shift stored, ranges joining it lose it. Costs the ranges between the old and new boundary.
   */
  private moveLazyTo(index: number): void {
    const delta = this.lazyDelta;
    if (delta !== 0) {
      for (let i = this.lazyFrom; i < index; i++) {
        this.starts[i] += delta;
      }
      for (let i = index; i < this.lazyFrom; i++) {
        this.starts[i] -= delta;
      }
    }
    this.lazyFrom = index;
  }

  private setStart(i: number, start: number): void {
    this.starts[i] = start - (i >= this.lazyFrom ? this.lazyDelta : 0);
  }

  private shiftFrom(index: number, delta: number): void {
    if (delta === 0 || index >= this.count) {
      return;
    }
    this.moveLazyTo(index);
    this.lazyDelta += delta;
  }

  /** Merges range `i` with range `i + 1` when they are adjacent, of one cohort, and fit one range. */
  private mergeAt(i: number): void {
    if (i < 0 || i + 1 >= this.count) {
      return;
    }
    const merged = this.lens[i] + this.lens[i + 1];
    if (this.cohorts[i] === this.cohorts[i + 1] && this.end(i) === this.start(i + 1) && merged <= MAX_RANGE_UNITS) {
      this.lens[i] = merged;
      this.removeAt(i + 1);
    }
  }

  private insertAt(i: number, start: number, len: number, cohort: number): void {
    if (this.count === this.starts.length) {
      this.grow();
    }
    this.starts.copyWithin(i + 1, i, this.count);
    this.lens.copyWithin(i + 1, i, this.count);
    this.cohorts.copyWithin(i + 1, i, this.count);
    this.count++;
    if (i <= this.lazyFrom) {
      // Before the shifted part (or at its start): the shifted part starts one later.
      this.lazyFrom++;
    }
    this.setStart(i, start);
    this.lens[i] = len;
    this.cohorts[i] = cohort;
  }

  private removeAt(i: number): void {
    this.starts.copyWithin(i, i + 1, this.count);
    this.lens.copyWithin(i, i + 1, this.count);
    this.cohorts.copyWithin(i, i + 1, this.count);
    this.count--;
    if (i < this.lazyFrom) {
      this.lazyFrom--;
    }
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const lens = new Uint16Array(size);
    lens.set(this.lens);
    const cohorts = new Uint8Array(size);
    cohorts.set(this.cohorts);
    this.starts = starts;
    this.lens = lens;
    this.cohorts = cohorts;
  }
}
