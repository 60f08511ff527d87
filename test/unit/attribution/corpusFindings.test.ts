import * as assert from 'node:assert/strict';
import { IntentLog, PASTE_INTENT_WINDOW_MS, PASTE_KINDS } from '../../../src/core/attribution/intents';
import { leavesCursorInside } from '../../../src/core/attribution/shape';
import type { EditFact, IntentKind } from '../../../src/core/attribution/types';
import { CURSOR, DOC, MULTI_LINE_CODE, T0, atCursor, classifyStable, fact, insertAt, intent, onlyStable, pos } from './facts';

/*
 * Stable-path rules added after replaying the recorded corpus (test/fixtures/corpus, bench/accuracy.ts):
 * each case here is the shape of an event VS Code 1.139 produced there.
 */

const run = classifyStable;
const only = onlyStable;

function log(...entries: Array<[IntentKind, number]>): IntentLog {
  const intents = new IntentLog();
  for (const [kind, at] of entries) {
    intents.record(intent(kind, at));
  }
  return intents;
}

/** The TypeScript "For Loop" snippet as Insert Snippet put it at line 2, then its placeholders selected. */
const FOR_LOOP = 'for (let index = 0; index < array.length; index++) {\n    const element = array[index];\n    \n}';

describe('stable path: findings from the recorded corpus', () => {
  describe('a snippet leaves the cursor inside what it inserted', () => {
    it('Insert Snippet (no intent, multi-line, cursors in the placeholders) → tool, not AI-like', () => {
      const edit = fact({ cursors: [pos(2, 0)], changes: [insertAt(2, 0, FOR_LOOP)], cursorsAfter: [pos(2, 14), pos(2, 25), pos(2, 47), pos(3, 31)] });
      const result = only(edit);
      assert.equal(result.category, 'tool', result.evidence.join(' '));
      assert.ok(result.evidence.includes('shape:snippet'));
    });
    it('the same insert with the cursor left at its end (chat, agent, paste without intent) stays AI-like', () => {
      const edit = fact({ cursors: [pos(2, 0)], changes: [insertAt(2, 0, FOR_LOOP)], cursorsAfter: [pos(5, 1)] });
      assert.equal(only(edit).category, 'aiChat');
    });
    it('while a chat editing session is active, a snippet or a completion is still a tool', () => {
      const snippet = fact({ cursors: [pos(2, 0)], changes: [insertAt(2, 0, FOR_LOOP)], cursorsAfter: [pos(2, 14)] });
      assert.equal(only(snippet, log(['chatEditingActive', T0 - 100])).category, 'tool');
      const completion = fact({ cursors: [pos(2, 19)], changes: [{ start: pos(2, 16), end: pos(2, 19), rangeLength: 3, text: 'clamp' }] });
      assert.equal(only(completion, log(['chatEditingActive', T0 - 100])).category, 'tool');
      assert.equal(only(atCursor(MULTI_LINE_CODE), log(['chatEditingActive', T0 - 100])).category, 'aiChat');
    });
    it('a very small edit that is not typing, right after chat activity (a request typed in the chat input), is aiChat', () => {
      const tiny = fact({ cursors: [pos(9, 0)], changes: [{ start: pos(0, 13), end: pos(0, 14), rangeLength: 1, text: '2' }] });
      assert.notEqual(only(tiny).category, 'aiChat', 'without chat activity it is not AI');
      assert.equal(only(tiny, log(['chatEditingActive', T0 - 500])).category, 'aiChat');
    });
    it('leavesCursorInside: strictly inside, on the first line, on a later line, and across CRLF', () => {
      const change = insertAt(4, 10, 'ab\r\ncd\nef');
      const inside = (cursor: { line: number; character: number }) => leavesCursorInside(fact({ changes: [change], cursorsAfter: [cursor] }), change);
      assert.equal(inside(pos(4, 11)), true, 'first line');
      assert.equal(inside(pos(5, 1)), true, 'after CRLF');
      assert.equal(inside(pos(6, 1)), true, 'last line');
      assert.equal(inside(pos(6, 2)), false, 'at the end');
      assert.equal(inside(pos(4, 10)), false, 'at the start');
      assert.equal(inside(pos(9, 0)), false, 'elsewhere');
      assert.equal(leavesCursorInside(fact({ changes: [change] }), change), false, 'no selection recorded');
    });
  });

  describe('multi-cursor typing needs as many cursors as changes', () => {
    it('rename (one cursor, the same short text inserted at two places) → tool, not typed', () => {
      const edit = fact({ cursors: [pos(2, 11)], selectionKind: 'keyboard', changes: [insertAt(6, 26, 'By'), insertAt(2, 14, 'By')] });
      assert.deepEqual(run(edit).map((each) => each.category), ['tool', 'tool']);
    });
    it('three cursors typing the same character stay typed', () => {
      const cursors = [pos(0, 21), pos(1, 20), pos(2, 21)];
      const edit = fact({ cursors, selectionKind: 'keyboard', changes: cursors.map((cursor) => insertAt(cursor.line, cursor.character, 'e')) });
      assert.deepEqual(run(edit).map((each) => each.category), ['typed', 'typed', 'typed']);
    });
  });

  describe('paste: the editor waits for every paste provider', () => {
    it('a paste applied 1.7 s after the paste intent is still paste', () => {
      assert.equal(only(atCursor('function twice(n: number): number {\n  return n * 2;\n}\n'), log(['paste', T0 - 1_700])).category, 'paste');
      assert.ok(PASTE_INTENT_WINDOW_MS >= 1_700);
    });
    it('a keystroke does not take a pending paste intent, which still explains the paste after it', () => {
      const intents = log(['paste', T0 - 200]);
      assert.equal(only(atCursor('x', { selectionKind: 'keyboard' }), intents).category, 'typed');
      assert.ok(intents.peek(PASTE_KINDS, DOC, T0, PASTE_INTENT_WINDOW_MS), 'the intent is still there');
      assert.equal(only(atCursor('const pasted = "from elsewhere";', { at: T0 + 300 }), intents).category, 'paste');
    });
  });

  describe('external: the file watcher also reports the editor\'s own saves', () => {
    const chatEdit = (at: number) => fact({ at, wasDirty: false, cursors: [CURSOR], changes: [insertAt(2, 31, MULTI_LINE_CODE)] });
    it('a clean document edited 1 s after its save echo is not external (VS Code saves before a chat edit)', () => {
      const intents = log(['save', T0 - 1_500], ['fileChangedOnDisk', T0 - 1_000], ['fileChangeEchoed', T0 - 990]);
      assert.notEqual(only(chatEdit(T0), intents).category, 'external');
    });
    it('with the chat editing intent too, it is aiChat', () => {
      const intents = log(['save', T0 - 1_500], ['fileChangedOnDisk', T0 - 1_000], ['fileChangeEchoed', T0 - 990], ['chatEditingActive', T0 - 100]);
      assert.equal(only(chatEdit(T0), intents).category, 'aiChat');
    });
    it('a file saved and rewritten on disk at once by another program (no echo) is external, however soon after the save', () => {
      const intents = log(['save', T0 - 600], ['saved', T0 - 500], ['fileChangedOnDisk', T0 - 400], ['fileChangeEchoed', T0 - 390], ['fileChangedOnDisk', T0 - 200]);
      assert.equal(only(chatEdit(T0), intents).category, 'external');
    });
  });

  describe('a clean document rewritten whole: a restore, unless another program changed the file', () => {
    // The chat's Undo (Chat.undoEdits) replaced all 393 characters of a file the chat had saved.
    const restore = (overrides: Partial<EditFact> = {}) => fact({
      wasDirty: false, replacesDocument: true, cursors: [pos(12, 37)], changes: [{ start: pos(0, 0), end: pos(12, 37), rangeLength: 393, text: MULTI_LINE_CODE }], ...overrides,
    });
    it('after the editor\'s own save (a `saved` intent and its echo) → undoRedo estimated', () => {
      const intents = log(['saved', T0 - 900], ['fileChangedOnDisk', T0 - 700], ['fileChangeEchoed', T0 - 690]);
      const result = only(restore(), intents);
      assert.equal(result.category, 'undoRedo', result.evidence.join(' '));
      assert.equal(result.confidence, 'estimated');
      assert.ok(result.evidence.includes('shape:replacesDocument'));
    });
    it('with no file change at all → undoRedo', () => {
      assert.equal(only(restore()).category, 'undoRedo');
    });
    it('right after another program changed the file → external', () => {
      assert.equal(only(restore(), log(['fileChangedOnDisk', T0 - 50])).category, 'external');
    });
    it('a dirty document, or a change that is not the whole document, is no restore', () => {
      assert.notEqual(only(restore({ wasDirty: true })).category, 'undoRedo');
      assert.notEqual(only(restore({ replacesDocument: false })).category, 'undoRedo');
    });
  });

});
