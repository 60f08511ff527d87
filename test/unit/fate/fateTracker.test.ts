import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Attribution } from '../../../src/core/attribution/types';
import type { Category } from '../../../src/core/categories';
import { FATE_HORIZON_MS, FateTracker, type FateSettlement } from '../../../src/core/fate/fateTracker';
import { countCodePoints } from '../../../src/core/text';

const T0 = Date.UTC(2026, 11, 2, 9, 0, 0);
const DOC = 'file:///work/a.ts';

/** A document as text, edited like the editor does, feeding the tracker each change with its classification. */
class Doc {
  text = '';
  readonly settled: FateSettlement[] = [];
  readonly tracker: FateTracker;
  now = T0;
  crlf = false;

  constructor(readonly key = DOC, horizonMs = FATE_HORIZON_MS, maxRangesPerDocument?: number) {
    this.tracker = new FateTracker({ horizonMs, maxRangesPerDocument, onSettled: (s) => this.settled.push(s) });
  }

  edit(category: Category, offset: number, removed: number, text: string, deleted = removed): void {
    const lineOf = (at: number): number => this.text.slice(0, at).split('\n').length - 1;
    const range = { start: { line: lineOf(offset) }, end: { line: lineOf(offset + removed) } };
    this.text = this.text.slice(0, offset) + text + this.text.slice(offset + removed);
    const attribution: Attribution = {
      at: this.now, category, confidence: 'exact', chars: countCodePoints(text), deleted, languageId: 'typescript', evidence: [],
    };
    this.tracker.observe(this.key, { rangeOffset: offset, rangeLength: removed, text, range }, attribution, this.crlf);
  }

  /** Types `text` one character at a time at `offset`. */
  type(offset: number, text: string): void {
    for (let i = 0; i < text.length; i++) {
      this.edit('typed', offset + i, 0, text[i]);
    }
  }

  backspace(offset: number, count: number): void {
    for (let i = 0; i < count; i++) {
      this.edit('typed', offset - i - 1, 1, '');
    }
  }

  total(): FateSettlement {
    return this.settled.reduce((sum, s) => ({ at: sum.at, kept: sum.kept + s.kept, reworked: sum.reworked + s.reworked, removed: sum.removed + s.removed }), { at: 0, kept: 0, reworked: 0, removed: 0 });
  }
}

describe('FateTracker (what became of AI-inserted text)', function () {
  it('keeps an accepted suggestion that nobody touches, settled only at the horizon', function () {
    const doc = new Doc();
    doc.type(0, 'const x = ');
    doc.edit('aiInline', 10, 0, 'compute(42);');
    doc.tracker.settleDue(T0 + FATE_HORIZON_MS - 1);
    assert.equal(doc.settled.length, 0, 'pending before the horizon');
    assert.equal(doc.tracker.pending(T0, T0), 12);
    doc.tracker.settleDue(T0 + FATE_HORIZON_MS);
    assert.deepEqual(doc.settled, [{ at: T0, kept: 12, reworked: 0, removed: 0 }]);
    assert.equal(doc.tracker.pending(0, Number.MAX_SAFE_INTEGER), 0);
    assert.equal(doc.tracker.footprint().ranges, 0, 'settled ranges are forgotten');
  });

  it('counts typing over part of it as reworked, and typing before it changes nothing', function () {
    const doc = new Doc();
    doc.edit('aiInline', 0, 0, 'return items.length;');
    doc.type(0, '  ');
    doc.edit('typed', 2 + 7, 5, 'e'); // select "items" and type over it
    doc.type(2 + 8, 'ntries');
    assert.equal(doc.text, '  return entries.length;');
    doc.tracker.settleAll();
    assert.deepEqual(doc.total(), { at: 0, kept: 15, reworked: 5, removed: 0 });
  });

  it('counts typing over a selection with less text as reworked for what was typed, the rest removed', function () {
    const doc = new Doc();
    doc.edit('aiInline', 0, 0, 'function longName() {}');
    doc.edit('typed', 9, 8, 'f');
    doc.tracker.settleAll();
    assert.deepEqual(doc.total(), { at: 0, kept: 14, reworked: 1, removed: 7 });
  });

  it('turns deleted-then-retyped AI characters into reworked ones (backspace and type again)', function () {
    const doc = new Doc();
    doc.edit('aiChat', 0, 0, 'let total = 0;');
    doc.backspace(13, 1); // remove "0"
    doc.type(12, '100');
    assert.equal(doc.text, 'let total = 100;');
    doc.tracker.settleAll();
    assert.deepEqual(doc.total(), { at: 0, kept: 13, reworked: 1, removed: 0 });
  });

  it('counts AI text at the end of a line, deleted or typed over and then retyped key by key, as reworked', function () {
    // Ghost text ends its line: once its last word is gone no AI text follows the cursor, and
    // the typing that replaces it still reworks it, one key at a time.
    const doc = new Doc();
    doc.type(0, 'const sum =');
    doc.edit('aiInline', 11, 0, ' (a, b) => a + b;');
    doc.backspace(28, 3); // " b;"
    doc.type(25, ' c;');
    doc.edit('typed', 12, 6, '('); // select "(a, b)" and type "(x, y)"
    doc.type(13, 'x, y)');
    assert.equal(doc.text, 'const sum = (x, y) => a + c;');
    doc.tracker.settleAll();
    assert.deepEqual(doc.total(), { at: 0, kept: 8, reworked: 9, removed: 0 });
  });

  it('stops the rework where the typing moves away or something else edits the document', function () {
    const doc = new Doc();
    doc.type(0, 'f();\n');
    doc.edit('aiInline', 5, 0, 'let total = compute();');
    doc.backspace(27, 10); // "compute();"
    doc.type(2, 'x, y'); // typing elsewhere is not in its place
    assert.equal(doc.text, 'f(x, y);\nlet total = ');
    doc.tracker.settleAll();
    assert.deepEqual(doc.total(), { at: 0, kept: 12, reworked: 0, removed: 10 });
    const shifted = new Doc();
    shifted.type(0, 'abcdefghij\n');
    shifted.edit('aiInline', 11, 0, 'xy();');
    shifted.backspace(16, 3); // "();"
    shifted.edit('tool', 0, 0, '// x\n'); // a tool's edit before it moves the text
    shifted.type(13, 'zz'); // where the rework was before the move: now inside "abcdefghij"
    assert.equal(shifted.text, '// x\nabcdefghzzij\nxy');
    shifted.tracker.settleAll();
    assert.deepEqual(shifted.total(), { at: 0, kept: 2, reworked: 0, removed: 3 });
    const paste = new Doc();
    paste.edit('aiInline', 0, 0, 'let total = compute();');
    paste.backspace(22, 10);
    paste.edit('paste', 12, 0, 'sum();'); // not typed by you
    paste.type(18, ' // ok');
    paste.tracker.settleAll();
    assert.deepEqual(paste.total(), { at: 0, kept: 12, reworked: 0, removed: 10 });
  });

  it('keeps what a suggestion sent again in full over its own start repeats (the editor shows the first line, then the whole)', function () {
    const doc = new Doc();
    doc.edit('aiInline', 0, 0, 'function f() {\n');
    // The classifier counts only the new part (14 characters) and no deletion.
    doc.tracker.observe(DOC, { rangeOffset: 0, rangeLength: 15, text: 'function f() {\n  return 1;\n}' }, {
      at: T0, category: 'aiInline', confidence: 'exact', chars: 14, deleted: 0, languageId: 'typescript', evidence: [],
    });
    doc.tracker.settleAll();
    assert.deepEqual(doc.total(), { at: 0, kept: 15 + 14, reworked: 0, removed: 0 });
  });

  it('counts AI text deleted by you, by undo or replaced by the AI itself as removed', function () {
    const doc = new Doc();
    doc.edit('aiInline', 0, 0, 'aaaa\n');
    doc.edit('aiChat', 5, 0, 'bbbb\n');
    doc.edit('undoRedo', 0, 5, '');
    doc.edit('aiChat', 0, 5, 'cccc\n'); // the agent rewrites its own text
    doc.backspace(5, 2);
    doc.tracker.settleAll();
    // 15 AI characters: 5 undone, 5 replaced by the AI, 2 of the new ones deleted by you; 3 kept.
    assert.deepEqual(doc.total(), { at: 0, kept: 3, reworked: 0, removed: 12 });
  });

  it('counts only the new part of a suggestion that repeats the text it replaces', function () {
    const doc = new Doc();
    doc.type(0, 'cons');
    // The provider replaces "cons" with "console.log()": 4 repeated, nothing deleted.
    doc.edit('aiInline', 0, 4, 'console.log()', 0);
    doc.tracker.settleAll();
    assert.deepEqual(doc.total(), { at: 0, kept: 13, reworked: 0, removed: 0 }, 'the attribution counted 13: its chars are the figure');
    const again = new Doc();
    again.type(0, 'cons');
    again.tracker.observe(DOC, { rangeOffset: 0, rangeLength: 4, text: 'console.log()' }, {
      at: T0, category: 'aiInline', confidence: 'exact', chars: 9, deleted: 0, languageId: 'typescript', evidence: [],
    });
    again.edit('typed', 0, 4, 'C'); // typing over the repeated start does not touch AI text
    again.tracker.settleAll();
    assert.deepEqual(again.total(), { at: 0, kept: 9, reworked: 0, removed: 0 });
  });

  it('applies the changes of one multi-cursor event in order', function () {
    const doc = new Doc();
    doc.edit('aiChat', 0, 0, 'aaa\nbbb\nccc\n');
    // Three cursors at the start of each line type "x" (the editor sends them last first).
    doc.edit('typed', 8, 0, 'x');
    doc.edit('typed', 4, 0, 'x');
    doc.edit('typed', 0, 0, 'x');
    // Then delete the first "b" and "c" of lines 2 and 3 (again last first).
    doc.edit('typed', 11, 1, '');
    doc.edit('typed', 6, 1, '');
    assert.equal(doc.text, 'xaaa\nxbb\nxcc\n');
    doc.tracker.settleAll();
    assert.deepEqual(doc.total(), { at: 0, kept: 10, reworked: 0, removed: 2 });
  });

  it('measures CRLF documents in characters (a line break counts as one)', function () {
    const doc = new Doc();
    doc.crlf = true;
    doc.edit('aiChat', 0, 0, 'one\r\ntwo\r\n'); // 10 units, 8 characters
    doc.edit('typed', 3, 2, ''); // join the lines: one line break (2 units) deleted
    doc.tracker.settleAll();
    const total = doc.total();
    assert.equal(total.kept + total.reworked + total.removed, 8);
    assert.equal(total.removed, 1);
    assert.equal(total.kept, 7);
  });

  it('settles a closed document as it is at closing, and then ignores its edits', function () {
    const doc = new Doc();
    doc.edit('aiInline', 0, 0, 'abcdef');
    doc.backspace(6, 2);
    doc.tracker.closeDocument(DOC);
    doc.edit('typed', 0, 4, ''); // reopened and changed: no longer followed
    assert.equal(doc.settled.length, 0, 'the cohort still waits for its horizon');
    doc.now += FATE_HORIZON_MS;
    doc.tracker.settleDue(doc.now);
    assert.deepEqual(doc.total(), { at: 0, kept: 4, reworked: 0, removed: 2 });
  });

  it('groups the inserts of one minute and settles each group a horizon after its last insert', function () {
    const doc = new Doc(DOC, 60_000);
    doc.edit('aiInline', 0, 0, 'aaaa');
    doc.now = T0 + 30_000;
    doc.edit('aiInline', 4, 0, 'bb');
    doc.now = T0 + 61_000;
    doc.edit('aiInline', 6, 0, 'c');
    doc.tracker.settleDue(T0 + 89_999);
    assert.equal(doc.settled.length, 0);
    doc.tracker.settleDue(T0 + 90_000);
    assert.deepEqual(doc.settled, [{ at: T0, kept: 6, reworked: 0, removed: 0 }]);
    // The next edit after the second group's horizon settles it on the way.
    doc.now = T0 + 121_000;
    doc.type(0, 'z');
    assert.deepEqual(doc.settled[1], { at: T0 + 61_000, kept: 1, reworked: 0, removed: 0 });
  });

  it('bounds the ranges per document: the oldest group there counts as kept when they overflow', function () {
    const doc = new Doc(DOC, FATE_HORIZON_MS, 8);
    for (let i = 0; i < 12; i++) {
      doc.now = T0 + i * 60_000;
      doc.edit('aiInline', doc.text.length, 0, 'ai');
      doc.type(doc.text.length, ' ');
    }
    assert.ok(doc.tracker.footprint().ranges <= 8);
    doc.tracker.settleAll();
    assert.equal(doc.total().kept, 24);
  });

  it('kept + reworked + removed + pending always equals the AI characters inserted (property)', function () {
    const step = fc.record({
      kind: fc.constantFrom<Category>('typed', 'typed', 'aiInline', 'aiChat', 'undoRedo', 'paste', 'tool'),
      at: fc.nat(), removed: fc.nat({ max: 8 }), text: fc.constantFrom('', 'x', 'yz', 'a\r\nb', '😀!', 'line\n'),
      advance: fc.nat({ max: 200_000 }), close: fc.boolean(),
    });
    fc.assert(fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
      const doc = new Doc(DOC, 300_000);
      let aiChars = 0;
      for (const s of steps) {
        doc.now += s.advance;
        const offset = doc.text.length === 0 ? 0 : s.at % (doc.text.length + 1);
        const removed = Math.min(s.removed, doc.text.length - offset);
        doc.edit(s.kind, offset, removed, s.text);
        if (s.kind === 'aiInline' || s.kind === 'aiChat') {
          aiChars += countCodePoints(s.text);
        }
        if (s.close && s.advance % 7 === 0) {
          doc.tracker.closeDocument(DOC);
        }
        const t = doc.total();
        for (const value of [t.kept, t.reworked, t.removed]) {
          assert.ok(value >= 0);
        }
        assert.equal(t.kept + t.reworked + t.removed + doc.tracker.pending(0, Number.MAX_SAFE_INTEGER), aiChars);
      }
      doc.tracker.settleAll();
      const t = doc.total();
      assert.equal(t.kept + t.reworked + t.removed, aiChars);
    }), { numRuns: 300 });
  });

  it('follows an action’s pieces from the first: decided a tool’s, they count only once the action is decided AI', function () {
    const doc = new Doc();
    const piece = (at: number, offset: number, text: string, category: Category): Attribution => {
      const a: Attribution = { at, category, confidence: 'estimated', chars: text.length, deleted: 0, languageId: 'typescript', evidence: ['action:oneShot'] };
      doc.text = doc.text.slice(0, offset) + text + doc.text.slice(offset);
      doc.tracker.observe(DOC, { rangeOffset: offset, rangeLength: 0, text }, a, false, true);
      return a;
    };
    const first = piece(T0, 0, 'const a = 1;\n', 'tool');
    assert.equal(doc.tracker.pending(0, Number.MAX_SAFE_INTEGER), 0, 'a tool’s text is not AI text');
    doc.edit('typed', 6, 1, 'b'); // you rework it while it is still a tool's
    const second = piece(T0 + 100, 13, 'const c = 2;\n', 'aiChat');
    // The action is decided AI: its first piece moves, with what happened to it.
    doc.tracker.reclassify(first, { ...first, category: 'aiChat' });
    assert.equal(doc.tracker.pending(0, Number.MAX_SAFE_INTEGER), 26);
    doc.tracker.settleAll();
    assert.deepEqual(doc.total(), { at: 0, kept: 25, reworked: 1, removed: 0 });
    // And back: an action decided a tool's after all is not counted.
    const other = new Doc();
    const a: Attribution = { at: T0, category: 'aiChat', confidence: 'estimated', chars: 3, deleted: 0, languageId: 'typescript', evidence: ['action:streamed'] };
    other.tracker.observe(DOC, { rangeOffset: 0, rangeLength: 0, text: 'abc' }, a, false, true);
    other.tracker.reclassify(a, { ...a, category: 'tool' });
    other.tracker.settleAll();
    assert.deepEqual(other.settled, []);
    assert.equal(second.category, 'aiChat');
  });

  it('keeps an action’s cohort apart from plain AI inserts of the same minute', function () {
    const doc = new Doc();
    doc.edit('aiInline', 0, 0, 'inline');
    const a: Attribution = { at: T0, category: 'tool', confidence: 'estimated', chars: 4, deleted: 0, languageId: 'typescript', evidence: ['action:oneShot'] };
    doc.tracker.observe(DOC, { rangeOffset: 6, rangeLength: 0, text: 'tool' }, a, false, true);
    doc.tracker.settleAll();
    assert.deepEqual(doc.total(), { at: 0, kept: 6, reworked: 0, removed: 0 }, 'the tool’s text is not counted, the accepted suggestion is');
  });

  it('clear forgets ranges and pending inserts without settling them', function () {
    const doc = new Doc();
    doc.edit('aiInline', 0, 0, 'abc');
    doc.tracker.clear();
    doc.tracker.settleAll();
    assert.equal(doc.settled.length, 0);
    assert.equal(doc.tracker.footprint().documents, 0);
  });
});
