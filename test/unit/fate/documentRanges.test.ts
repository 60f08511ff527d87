import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { DocumentRanges, MAX_RANGE_UNITS } from '../../../src/core/fate/documentRanges';

/** The ranges as [start, end, cohort] triples. */
function list(ranges: DocumentRanges): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let i = 0; i < ranges.count; i++) {
    out.push([ranges.start(i), ranges.end(i), ranges.cohort(i)]);
  }
  return out;
}

function applied(ranges: DocumentRanges, offset: number, removed: number, inserted: number): Map<number, number> {
  const overlaps = new Map<number, number>();
  ranges.apply(offset, removed, inserted, (cohort, units) => overlaps.set(cohort, (overlaps.get(cohort) ?? 0) + units));
  return overlaps;
}

/** The reference: one label per UTF-16 unit of the document (the cohort, or -1 for other text). */
class Model {
  labels: number[] = [];
  apply(offset: number, removed: number, inserted: number, label = -1): Map<number, number> {
    const gone = this.labels.splice(offset, removed, ...new Array<number>(inserted).fill(label));
    const overlaps = new Map<number, number>();
    for (const l of gone) {
      if (l >= 0) {
        overlaps.set(l, (overlaps.get(l) ?? 0) + 1);
      }
    }
    return overlaps;
  }
  ranges(): [number, number, number][] {
    const out: [number, number, number][] = [];
    this.labels.forEach((l, i) => {
      const last = out[out.length - 1];
      if (l < 0) {
        return;
      }
      if (last !== undefined && last[1] === i && last[2] === l) {
        last[1] = i + 1;
      } else {
        out.push([i, i + 1, l]);
      }
    });
    return out;
  }
}

describe('DocumentRanges (AI ranges shifted by later edits)', function () {
  it('shifts a range by an insert before it and leaves it alone for an insert after it', function () {
    const ranges = new DocumentRanges();
    ranges.add(10, 5, 0);
    applied(ranges, 0, 0, 3);
    assert.deepEqual(list(ranges), [[13, 18, 0]]);
    applied(ranges, 18, 0, 4);
    assert.deepEqual(list(ranges), [[13, 18, 0]], 'typing right after the AI text does not join it');
    applied(ranges, 13, 0, 1);
    assert.deepEqual(list(ranges), [[14, 19, 0]], 'typing right before it shifts it');
  });

  it('splits a range around a pure insert inside it, without counting any AI unit as changed', function () {
    const ranges = new DocumentRanges();
    ranges.add(0, 10, 1);
    const overlaps = applied(ranges, 4, 0, 2);
    assert.equal(overlaps.size, 0);
    assert.deepEqual(list(ranges), [[0, 4, 1], [6, 12, 1]]);
  });

  it('counts a delete that straddles the edges of two ranges and merges what is left', function () {
    const ranges = new DocumentRanges();
    ranges.add(0, 5, 2);
    ranges.add(8, 5, 2);
    const overlaps = applied(ranges, 3, 7, 0);
    assert.deepEqual([...overlaps], [[2, 4]], '2 units of the first and 2 of the second range');
    assert.deepEqual(list(ranges), [[0, 6, 2]], 'the remaining pieces touch and merge');
  });

  it('a replacement over the whole range removes it and shifts later ones by the difference', function () {
    const ranges = new DocumentRanges();
    ranges.add(5, 5, 0);
    ranges.add(20, 3, 1);
    const overlaps = applied(ranges, 4, 7, 2);
    assert.deepEqual([...overlaps], [[0, 5]]);
    assert.deepEqual(list(ranges), [[15, 18, 1]]);
  });

  it('keeps a range longer than its length field as adjacent pieces', function () {
    const ranges = new DocumentRanges();
    ranges.add(0, MAX_RANGE_UNITS + 10, 0);
    assert.deepEqual(list(ranges), [[0, MAX_RANGE_UNITS, 0], [MAX_RANGE_UNITS, MAX_RANGE_UNITS + 10, 0]]);
  });

  it('follows the reference model through any sequence of edits (shifts, splits, deletes, replacements, growing, dropping a cohort)', function () {
    // `kind`: 0 an edit (AI text added after it), 1 AI text grown in place when it can be (else
    // as 0), 2 a cohort dropped. Edits far apart and close together move the pending shift both ways.
    const edit = fc.record({
      at: fc.nat(), removed: fc.nat({ max: 12 }), inserted: fc.nat({ max: 12 }), ai: fc.boolean(), cohort: fc.nat({ max: 3 }), kind: fc.nat({ max: 2 }),
    });
    fc.assert(fc.property(fc.array(edit, { maxLength: 80 }), (edits) => {
      const ranges = new DocumentRanges();
      const model = new Model();
      model.apply(0, 0, 40);
      for (const e of edits) {
        if (e.kind === 2) {
          const dropped = new Map<number, number>();
          ranges.removeCohort(e.cohort, (cohort, units) => dropped.set(cohort, (dropped.get(cohort) ?? 0) + units));
          const expected = model.labels.filter((l) => l === e.cohort).length;
          assert.deepEqual([...dropped], expected > 0 ? [[e.cohort, expected]] : []);
          model.labels = model.labels.map((l) => (l === e.cohort ? -1 : l));
          assert.deepEqual(list(ranges), model.ranges());
          continue;
        }
        const length = model.labels.length;
        const offset = length === 0 ? 0 : e.at % (length + 1);
        const removed = Math.min(e.removed, length - offset);
        if (e.kind === 1 && e.ai && removed === 0 && e.inserted > 0 && ranges.extend(offset, e.inserted, e.cohort)) {
          model.apply(offset, 0, e.inserted, e.cohort);
          assert.deepEqual(list(ranges), model.ranges());
          continue;
        }
        const expected = model.apply(offset, removed, e.inserted, e.ai ? e.cohort : -1);
        assert.deepEqual(applied(ranges, offset, removed, e.inserted), expected);
        if (e.ai && e.inserted > 0) {
          ranges.add(offset, e.inserted, e.cohort);
        }
        assert.deepEqual(list(ranges), model.ranges());
      }
    }), { numRuns: 2000 });
  });

  it('merges two ranges of one cohort when a delete removes exactly the text between them', function () {
    // Found by the property above (six edits): the gap's delete touched neither range.
    const ranges = new DocumentRanges();
    const model = new Model();
    const step = (offset: number, removed: number, inserted: number, cohort = -1): void => {
      assert.deepEqual(applied(ranges, offset, removed, inserted), model.apply(offset, removed, inserted, cohort));
      if (cohort >= 0) {
        ranges.add(offset, inserted, cohort);
      }
    };
    model.apply(0, 0, 40);
    step(0, 3, 6);
    step(0, 0, 12, 0); // AI text at 0..12
    step(0, 6, 8); // typed over its start: 8..14 is left
    step(14, 0, 5); // typed right after it
    step(19, 0, 7, 0); // more AI text of the same cohort at 19..26
    step(14, 5, 0); // the typed text between them deleted
    assert.deepEqual(list(ranges), [[8, 21, 0]]);
    assert.deepEqual(model.ranges(), [[8, 21, 0]]);
  });

  it('touching finds the range an insert point is inside or at the edge of', function () {
    const ranges = new DocumentRanges();
    ranges.add(5, 5, 3);
    assert.equal(ranges.touching(4), -1);
    assert.equal(ranges.touching(5), 3);
    assert.equal(ranges.touching(7), 3);
    assert.equal(ranges.touching(10), 3);
    assert.equal(ranges.touching(11), -1);
  });

  it('removeCohort drops the ranges of one cohort and reports their lengths', function () {
    const ranges = new DocumentRanges();
    ranges.add(0, 3, 0);
    ranges.add(5, 4, 1);
    ranges.add(12, 2, 0);
    applied(ranges, 0, 0, 1);
    const seen: number[] = [];
    ranges.removeCohort(0, (_cohort, units) => seen.push(units));
    assert.deepEqual(seen, [3, 2]);
    assert.deepEqual(list(ranges), [[6, 10, 1]]);
  });
});
