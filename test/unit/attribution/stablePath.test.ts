import * as assert from 'node:assert/strict';
import {
  ACCEPT_INTENT_WINDOW_MS, ANY_DOCUMENT, CHAT_EDITING_WINDOW_MS, FILE_CHANGE_WINDOW_MS, IntentLog, PASTE_INTENT_WINDOW_MS,
  SAVE_WINDOW_MS,
} from '../../../src/core/attribution/intents';
import type { Attribution, IntentKind } from '../../../src/core/attribution/types';
import {
  CURSOR, MULTI_LINE_CODE, OTHER_DOC, T0, atCursor, classifyStable, deleteRange, fact, insertAt, intent, onlyStable, pos, reason,
  replaceOnLine,
} from './facts';

const run = classifyStable;
const only = onlyStable;

function expectVerdict(result: Attribution, category: string, confidence: string, evidence?: string): void {
  assert.equal(result.category, category, `category (evidence ${result.evidence.join(' ')})`);
  assert.equal(result.confidence, confidence, `confidence (evidence ${result.evidence.join(' ')})`);
  if (evidence !== undefined) {
    assert.ok(result.evidence.includes(evidence), `evidence ${result.evidence.join(' ')} lacks ${evidence}`);
  }
}

function logWith(kind: IntentKind, at: number, documentKey?: string): IntentLog {
  const log = new IntentLog();
  log.record(intent(kind, at, documentKey));
  return log;
}

describe('stable path (intents first, heuristics last)', () => {
  describe('undoRedo: reason Undo or Redo', () => {
    it('undo is undoRedo exact, whatever the shape', () => {
      expectVerdict(only(atCursor(MULTI_LINE_CODE, { reason: 'undo' })), 'undoRedo', 'exact', 'reason:undo');
    });
    it('redo of several changes: every change undoRedo', () => {
      const result = run(fact({ reason: 'redo', changes: [insertAt(1, 0, 'a'), insertAt(2, 0, 'b')] }));
      assert.deepEqual(result.map((each) => each.category), ['undoRedo', 'undoRedo']);
    });
    it('undo wins over a pending accept intent', () => {
      expectVerdict(only(atCursor('value', { reason: 'undo' }), logWith('inlineAccept', T0)), 'undoRedo', 'exact');
    });
  });

  describe('aiInline: an accept intent just before the change', () => {
    for (const kind of ['inlineAccept', 'inlineAcceptWord', 'inlineAcceptLine'] as const) {
      it(`${kind} → aiInline exact, with length evidence`, () => {
        const result = only(atCursor('value', { selectionKind: 'keyboard' }), logWith(kind, T0 - 2));
        expectVerdict(result, 'aiInline', 'exact', 'intent:inlineAccept');
        assert.ok(result.evidence.includes('len=5'));
      });
    }
    it('explains one event only', () => {
      const intents = logWith('inlineAccept', T0);
      expectVerdict(only(atCursor('value'), intents), 'aiInline', 'exact');
      expectVerdict(only(atCursor('x', { at: T0 + 30, selectionKind: 'keyboard' }), intents), 'typed', 'exact');
    });
    it('not when the intent is older than the window', () => {
      assert.notEqual(only(atCursor('value'), logWith('inlineAccept', T0 - ACCEPT_INTENT_WINDOW_MS - 1)).category, 'aiInline');
    });
    it('not for another document', () => {
      assert.notEqual(only(atCursor('value'), logWith('inlineAccept', T0, OTHER_DOC)).category, 'aiInline');
    });
    it('not for a pure deletion (an accept inserts text)', () => {
      const result = only(fact({ cursors: [CURSOR], changes: [deleteRange(pos(3, 7), CURSOR, 1)] }), logWith('inlineAccept', T0));
      expectVerdict(result, 'typed', 'estimated', 'shape:delete');
    });
    it('an inline jump alone does not make the next keystroke AI', () => {
      expectVerdict(only(atCursor('x', { selectionKind: 'keyboard' }), logWith('inlineJump', T0 - 1)), 'typed', 'exact');
    });
  });

  describe('paste: a paste intent', () => {
    it('→ paste exact, even for long multi-line text', () => {
      const result = only(atCursor(MULTI_LINE_CODE), logWith('paste', T0 - 40));
      expectVerdict(result, 'paste', 'exact', 'intent:paste');
    });
    it('multi-cursor paste: every change paste, one intent', () => {
      const result = run(fact({ cursors: [pos(1, 0), pos(2, 0)], changes: [insertAt(1, 0, 'abc'), insertAt(2, 0, 'abc')] }), logWith('paste', T0));
      assert.deepEqual(result.map((each) => each.category), ['paste', 'paste']);
    });
    it('outside its window it is no longer a paste', () => {
      assert.notEqual(only(atCursor(MULTI_LINE_CODE), logWith('paste', T0 - PASTE_INTENT_WINDOW_MS - 1)).category, 'paste');
    });
  });

  describe('aiChat', () => {
    it('while a chat editing session is active', () => {
      const result = only(fact({ changes: [insertAt(30, 0, 'return x;')] }), logWith('chatEditingActive', T0 - 1000));
      expectVerdict(result, 'aiChat', 'estimated', 'intent:chatEditing');
    });
    it('a session recorded for every document applies to this one', () => {
      expectVerdict(only(fact({ changes: [insertAt(30, 0, 'return x;')] }), logWith('chatEditingActive', T0, ANY_DOCUMENT)), 'aiChat', 'estimated');
    });
    it('the user typing at the cursor during a session stays typed', () => {
      expectVerdict(only(atCursor('x', { selectionKind: 'keyboard' }), logWith('chatEditingActive', T0)), 'typed', 'exact');
    });
    it('the session is over after its window', () => {
      assert.notEqual(only(fact({ changes: [insertAt(30, 0, 'return x;')] }), logWith('chatEditingActive', T0 - CHAT_EDITING_WINDOW_MS - 1)).category, 'aiChat');
    });
    it('a multi-character insert into a document not in the focused editor', () => {
      expectVerdict(only(fact({ inActiveEditor: false, changes: [insertAt(3, 0, 'foo')] })), 'aiChat', 'estimated', 'shape:backgroundInsert');
    });
    it('but a one-line replacement there is rename-like: tool', () => {
      expectVerdict(only(fact({ inActiveEditor: false, changes: [replaceOnLine(3, 4, 7, 'bar')] })), 'tool', 'estimated');
    });
    it('an AI-like replacement there is aiChat', () => {
      expectVerdict(only(fact({ inActiveEditor: false, changes: [replaceOnLine(3, 0, 20, MULTI_LINE_CODE)] })), 'aiChat', 'estimated');
    });
  });

  describe('tool', () => {
    it('IntelliSense shape: a completion replacing the typed prefix, no intent', () => {
      expectVerdict(only(fact({ cursors: [CURSOR], changes: [replaceOnLine(3, 5, 8, 'console')] })), 'tool', 'estimated', 'shape:suggest');
    });
    it('snippet through completion: multi-line but prefix-replacing and short', () => {
      const snippet = 'for (let i = 0; i < array.length; i++) {\n\tconst element = array[i];\n\t\n}';
      expectVerdict(only(fact({ cursors: [CURSOR], changes: [replaceOnLine(3, 5, 8, snippet)] })), 'tool', 'estimated', 'shape:suggest');
    });
    it('several changes in one event with no intent (format)', () => {
      const result = run(fact({ cursors: [CURSOR], changes: [insertAt(1, 0, '  '), insertAt(5, 9, ';'), deleteRange(pos(7, 2), pos(7, 4), 2)] }));
      assert.equal(result.length, 3);
      for (const each of result) {
        expectVerdict(each, 'tool', 'estimated', 'shape:multiChange');
      }
    });
    it('replace-all: identical replacements away from the cursor', () => {
      const result = run(fact({ cursors: [CURSOR], changes: [replaceOnLine(1, 0, 3, 'bar'), replaceOnLine(9, 0, 3, 'bar')] }));
      assert.deepEqual(result.map((each) => each.category), ['tool', 'tool']);
    });
    it('edits within a save window (format on save)', () => {
      const result = only(fact({ cursors: [CURSOR], changes: [insertAt(10, 4, 'import { a } from "a";\nimport { b } from "b";\n')] }), logWith('save', T0 - 300));
      expectVerdict(result, 'tool', 'estimated', 'intent:save');
    });
    it('typing right after a save stays typed', () => {
      expectVerdict(only(atCursor('x', { selectionKind: 'keyboard' }), logWith('save', T0 - 100)), 'typed', 'exact');
    });
    it('after the save window, the same edit is judged by shape', () => {
      const result = only(fact({ cursors: [CURSOR], changes: [insertAt(10, 4, 'import { a } from "a";\nimport { b } from "b";\n')] }), logWith('save', T0 - SAVE_WINDOW_MS - 1));
      expectVerdict(result, 'aiChat', 'estimated', 'shape:aiLike');
    });
    it('an auto-import line (one line plus newline) is not AI-like', () => {
      expectVerdict(only(fact({ cursors: [CURSOR], changes: [insertAt(0, 0, 'import { readFile } from "node:fs";\n')] })), 'tool', 'estimated', 'shape:unknown');
    });
  });

  describe('external: not dirty, right after the file changed on disk', () => {
    it('→ external estimated', () => {
      const result = only(fact({ wasDirty: false, changes: [replaceOnLine(0, 0, 5, MULTI_LINE_CODE)] }), logWith('fileChangedOnDisk', T0 - 500));
      expectVerdict(result, 'external', 'estimated', 'intent:fileChanged');
    });
    it('not when the document was dirty', () => {
      assert.notEqual(only(fact({ wasDirty: true, changes: [replaceOnLine(0, 0, 5, MULTI_LINE_CODE)] }), logWith('fileChangedOnDisk', T0)).category, 'external');
    });
    it('not when the edit made the clean document dirty (an extension\'s edit just after a save; a reload keeps it clean)', () => {
      const intents = logWith('fileChangedOnDisk', T0 - 500);
      assert.notEqual(only(fact({ wasDirty: false, madeDirty: true, changes: [replaceOnLine(0, 0, 5, MULTI_LINE_CODE)] }), intents).category, 'external');
      // The report is left for the reload that may still come.
      expectVerdict(only(fact({ wasDirty: false, changes: [replaceOnLine(0, 0, 5, MULTI_LINE_CODE)] }), intents), 'external', 'estimated');
    });
    it('not after the window', () => {
      assert.notEqual(only(fact({ wasDirty: false, changes: [replaceOnLine(0, 0, 5, MULTI_LINE_CODE)] }), logWith('fileChangedOnDisk', T0 - FILE_CHANGE_WINDOW_MS - 1)).category, 'external');
    });
    it('the first keystroke into the clean reloaded document is typed, and leaves the intent for the reload', () => {
      const intents = logWith('fileChangedOnDisk', T0 - 10);
      expectVerdict(only(atCursor('x', { wasDirty: false, selectionKind: 'keyboard' }), intents), 'typed', 'exact');
      expectVerdict(only(fact({ wasDirty: false, changes: [replaceOnLine(0, 0, 5, 'reloaded')] }), intents), 'external', 'estimated');
    });
  });

  describe('typed', () => {
    const keyboardCases: [string, string][] = [
      ['a character', 'x'], ['two characters', 'ab'], ['an auto-closed pair', '()'], ['an emoji (surrogate pair)', '😀'],
      ['Enter + indentation (LF)', '\n    '], ['Enter + indentation (CRLF)', '\r\n\t'], ['Enter between brackets', '\n    \n'],
      ['a bare Enter', '\n'], ['a plain Tab as spaces', '    '],
    ];
    for (const [label, text] of keyboardCases) {
      it(`${label} at the cursor, Keyboard selection → exact`, () => {
        expectVerdict(only(atCursor(text, { selectionKind: 'keyboard' })), 'typed', 'exact');
      });
      it(`${label} at the cursor, no selection pairing → estimated`, () => {
        expectVerdict(only(atCursor(text)), 'typed', 'estimated');
      });
    }
    it('Enter evidence names the shape', () => {
      assert.ok(only(atCursor('\n  ')).evidence.includes('shape:enterIndent'));
    });
    it('typing over a selection (short replacement)', () => {
      expectVerdict(only(fact({ cursors: [pos(3, 10)], selectionKind: 'keyboard', changes: [replaceOnLine(3, 4, 10, 'x')] })), 'typed', 'exact');
    });
    for (const [label, start, end, length] of [
      ['Backspace', pos(3, 7), CURSOR, 1], ['Delete', CURSOR, pos(3, 9), 1], ['Ctrl+Backspace', pos(3, 2), CURSOR, 6],
      ['delete line (range contains the cursor)', pos(3, 0), pos(4, 0), 20],
    ] as const) {
      it(`deletion: ${label}`, () => {
        const result = only(fact({ cursors: [CURSOR], changes: [deleteRange(start, end, length)] }));
        expectVerdict(result, 'typed', 'estimated', 'shape:delete');
        assert.equal(result.chars, 0);
        assert.equal(result.deleted, length);
      });
    }
    it('a deletion away from every cursor is a tool', () => {
      expectVerdict(only(fact({ cursors: [CURSOR], changes: [deleteRange(pos(10, 0), pos(10, 4), 4)] })), 'tool', 'estimated');
    });
    it('multi-cursor identical inserts at each cursor', () => {
      const cursors = [pos(1, 4), pos(2, 4), pos(3, 4)];
      const result = run(fact({ cursors, selectionKind: 'keyboard', changes: cursors.map((c) => insertAt(c.line, c.character, 'a')) }));
      assert.equal(result.length, 3);
      for (const each of result) {
        expectVerdict(each, 'typed', 'exact', 'shape:multiCursor');
      }
    });
    it('multi-cursor Enter with different indentation', () => {
      const cursors = [pos(1, 4), pos(5, 8)];
      const result = run(fact({ cursors, changes: [insertAt(1, 4, '\n  '), insertAt(5, 8, '\n      ')] }));
      assert.deepEqual(result.map((each) => [each.category, each.confidence]), [['typed', 'estimated'], ['typed', 'estimated']]);
    });
    it('identical keystrokes with Keyboard pairing when the cursors are unknown', () => {
      const result = run(fact({ selectionKind: 'keyboard', changes: [insertAt(1, 4, ';'), insertAt(2, 4, ';')] }));
      assert.deepEqual(result.map((each) => each.category), ['typed', 'typed']);
    });
    it('IME composition step: a short growing replacement with Keyboard pairing', () => {
      expectVerdict(only(fact({ cursors: [pos(0, 2)], selectionKind: 'keyboard', changes: [replaceOnLine(0, 0, 2, 'nih')] })), 'typed', 'exact', 'shape:ime');
    });
    it('IME conversion: romaji replaced by shorter non-ASCII text', () => {
      expectVerdict(only(fact({ cursors: [pos(0, 7)], changes: [replaceOnLine(0, 0, 7, '日本語')] })), 'typed', 'estimated', 'shape:ime');
    });
    it('a same-length ASCII replacement without Keyboard pairing is not IME', () => {
      assert.notEqual(only(fact({ cursors: [pos(0, 6)], changes: [replaceOnLine(0, 0, 6, 'color')] })).category, 'typed');
    });
    it('1–2 characters away from the cursor are not typed', () => {
      expectVerdict(only(fact({ cursors: [CURSOR], changes: [insertAt(9, 0, ';')] })), 'tool', 'estimated');
    });
  });

  describe('unknown multi-character inserts that fit no rule', () => {
    it('multi-line, no intent → aiChat estimated', () => {
      expectVerdict(only(atCursor('const a = 1;\nconst b = 2;')), 'aiChat', 'estimated', 'shape:aiLike');
    });
    it('one long line (≥ 80 characters) → aiChat estimated', () => {
      expectVerdict(only(atCursor('x'.repeat(80))), 'aiChat', 'estimated');
    });
    it('79 characters on one line → tool estimated', () => {
      expectVerdict(only(atCursor('x'.repeat(79))), 'tool', 'estimated', 'shape:unknown');
    });
    it('whitespace-only lines are not AI-like', () => {
      expectVerdict(only(fact({ cursors: [CURSOR], changes: [insertAt(20, 0, '\n\n\n    \n')] })), 'tool', 'estimated');
    });
    it('one line with code and a trailing blank line is not AI-like', () => {
      expectVerdict(only(atCursor('return value;\n\n')), 'tool', 'estimated');
    });
  });

  it('the exact path is not needed for any of this: a detailedReason is ignored when exact sources are off', () => {
    expectVerdict(only(atCursor('x', { selectionKind: 'keyboard', detailedReason: reason('Chat.applyEdits') })), 'typed', 'exact');
  });
});
