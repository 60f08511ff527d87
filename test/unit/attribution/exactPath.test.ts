import * as assert from 'node:assert/strict';
import { classify, type ClassifyContext } from '../../../src/core/attribution/classify';
import { IntentLog } from '../../../src/core/attribution/intents';
import type { Attribution, DetailedReason, EditFact } from '../../../src/core/attribution/types';
import {
  CURSOR, DOC, MULTI_LINE_CODE, T0, atCursor, deleteRange, fact, insertAt, intent, pos, reason, replaceOnLine,
} from './facts';

function run(edit: EditFact, intents = new IntentLog()): Attribution[] {
  const context: ClassifyContext = { intents, exactSources: true };
  return classify(edit, context);
}

function only(edit: EditFact, intents?: IntentLog): Attribution {
  const result = run(edit, intents);
  assert.equal(result.length, 1);
  return result[0];
}

function expectVerdict(result: Attribution, category: string, confidence: string, evidence?: string): void {
  assert.equal(result.category, category, `category (evidence ${result.evidence.join(' ')})`);
  assert.equal(result.confidence, confidence, 'confidence');
  if (evidence !== undefined) {
    assert.ok(result.evidence.includes(evidence), `evidence ${result.evidence.join(' ')} lacks ${evidence}`);
  }
}

const TYPE = reason('cursor', { kind: 'type', detailedSource: 'keyboard' });

describe('exact path (detailedReason, attribution.md ground truth)', () => {
  describe('cursor / type: typing, auto-closed pair, Enter + auto-indent, multi-cursor, the type command (Vim)', () => {
    for (const [label, text] of [['a key', 'x'], ['auto-closed pair', '()'], ['Enter + auto-indent', '\n    \n'], ['a long type command', 'word']]) {
      it(label, () => {
        const result = only(atCursor(text, { detailedReason: TYPE }));
        expectVerdict(result, 'typed', 'exact', 'exact:cursor/type');
      });
    }
    it('multi-cursor typing: each change typed', () => {
      const result = run(fact({ detailedReason: TYPE, changes: [insertAt(1, 4, 'a'), insertAt(2, 4, 'a'), insertAt(3, 4, 'a')] }));
      assert.equal(result.length, 3);
      for (const each of result) {
        expectVerdict(each, 'typed', 'exact');
      }
    });
    it('IME composition', () => {
      expectVerdict(only(fact({ detailedReason: reason('cursor', { kind: 'compositionType' }), changes: [replaceOnLine(0, 0, 2, 'に')] })), 'typed', 'exact', 'exact:cursor/ime');
    });
  });

  describe('cursor / executeCommands', () => {
    for (const command of ['deleteLeft', 'deleteRight', 'deleteWordLeft']) {
      it(`${command} is a typed deletion`, () => {
        const result = only(fact({
          detailedReason: reason('cursor', { kind: 'executeCommands', detailedSource: command }),
          changes: [deleteRange(pos(3, 2), pos(3, 8), 6)],
        }));
        expectVerdict(result, 'typed', 'exact', 'exact:cursor/delete');
        assert.equal(result.chars, 0);
        assert.equal(result.deleted, 6);
      });
    }
    it('plain Tab indent is typed', () => {
      expectVerdict(only(atCursor('    ', { detailedReason: reason('cursor', { kind: 'executeCommands', detailedSource: 'tab' }) })), 'typed', 'exact');
    });
    it('toggle comment inserts text the user did not write: tool', () => {
      const result = only(fact({
        detailedReason: reason('cursor', { kind: 'executeCommands', detailedSource: 'editor.action.commentLine' }),
        changes: [insertAt(2, 0, '// ')],
      }));
      expectVerdict(result, 'tool', 'exact', 'cmd=editor.action.commentLine');
    });
    it('replace all (executeCommand) is tool', () => {
      const result = run(fact({
        detailedReason: reason('cursor', { kind: 'executeCommand', detailedSource: 'replaceAll' }),
        changes: [replaceOnLine(1, 0, 3, 'bar'), replaceOnLine(5, 0, 3, 'bar')],
      }));
      assert.deepEqual(result.map((each) => each.category), ['tool', 'tool']);
    });
  });

  it('cursor / paste is paste', () => {
    expectVerdict(only(atCursor('const pasted = 1;', { detailedReason: reason('cursor', { kind: 'paste' }) })), 'paste', 'exact', 'exact:cursor/paste');
  });

  it('cursor / cut is a typed deletion', () => {
    const result = only(fact({ detailedReason: reason('cursor', { kind: 'cut' }), changes: [deleteRange(pos(1, 0), pos(2, 0), 12)] }));
    expectVerdict(result, 'typed', 'exact', 'exact:cursor/cut');
    assert.equal(result.deleted, 12);
  });

  describe('inline completions', () => {
    it('Tab accept of ghost text', () => {
      const result = only(atCursor(MULTI_LINE_CODE, { detailedReason: reason('inlineCompletionAccept', { $nes: false, $extensionId: 'github.copilot' }) }));
      expectVerdict(result, 'aiInline', 'exact', 'exact:inlineAccept');
      assert.ok(result.evidence.includes('by=github.copilot'));
      assert.ok(!result.evidence.includes('nes'));
    });
    it('partial accept (word)', () => {
      expectVerdict(only(atCursor('value', { detailedReason: reason('inlineCompletionPartialAccept', { type: 'word' }) })), 'aiInline', 'exact', 'type=word');
    });
    it('next-edit suggestion, away from the cursor', () => {
      const result = only(fact({ detailedReason: reason('inlineCompletionAccept', { $nes: true }), cursors: [CURSOR], changes: [replaceOnLine(20, 4, 9, 'renamed')] }));
      expectVerdict(result, 'aiInline', 'exact', 'nes');
    });
    it('consumes the matching accept intent so it cannot explain a later edit', () => {
      const intents = new IntentLog();
      intents.record(intent('inlineAccept', T0));
      only(atCursor('value', { detailedReason: reason('inlineCompletionAccept', {}) }), intents);
      // A later event the exact path does not recognise goes to the stable path: it must not reuse the accept.
      const later = only(atCursor('abcdef', { at: T0 + 50, detailedReason: reason('somethingNew', {}) }), intents);
      assert.notEqual(later.category, 'aiInline');
    });
  });

  describe('tools', () => {
    const cases: [string, DetailedReason][] = [
      ['IntelliSense accept', reason('suggest', { $extensionId: 'vscode.typescript-language-features' })],
      ['word-based suggestion', reason('suggest')],
      ['auto-import from a completion', reason('unknown', { name: 'suggestController.additionalTextEdits.sync' })],
      ['snippet', reason('snippet')],
      ['quick fix', reason('codeAction', { $kind: 'quickfix' })],
      ['rename', reason('rename')],
    ];
    for (const [label, detailed] of cases) {
      it(label, () => {
        expectVerdict(only(atCursor('console', { detailedReason: detailed })), 'tool', 'exact');
      });
    }
    it('Format Document: several changes, all tool', () => {
      const result = run(fact({
        detailedReason: reason('unknown', { name: 'formatEditsCommand' }),
        changes: [insertAt(1, 0, '  '), deleteRange(pos(2, 5), pos(2, 7), 2), insertAt(4, 9, ';')],
      }));
      assert.equal(result.length, 3);
      for (const each of result) {
        expectVerdict(each, 'tool', 'exact', 'exact:format');
      }
    });
    it('an extension\'s TextEditor.edit (MainThreadTextEditor) is tool, estimated', () => {
      expectVerdict(only(atCursor(MULTI_LINE_CODE, { detailedReason: reason('unknown', { name: 'MainThreadTextEditor' }) })), 'tool', 'estimated');
    });
  });

  describe('workspace edits from extensions (how Cline, Continue, Roo apply AI edits)', () => {
    it('unknown with no name, multi-line: aiChat estimated', () => {
      const result = only(fact({ detailedReason: reason('unknown', {}), changes: [insertAt(10, 0, MULTI_LINE_CODE)] }));
      expectVerdict(result, 'aiChat', 'estimated', 'shape:aiLike');
      assert.ok(result.evidence.includes(`len=${result.chars}`));
    });
    it('unknown with no name, small one-line: tool estimated', () => {
      expectVerdict(only(fact({ detailedReason: reason('unknown', { name: null }), changes: [replaceOnLine(4, 2, 5, 'bar')] })), 'tool', 'estimated');
    });
    it('the whole event is AI when one of its hunks is AI-like', () => {
      const result = run(fact({ detailedReason: reason('unknown', {}), changes: [replaceOnLine(1, 0, 3, 'x'), insertAt(9, 0, MULTI_LINE_CODE)] }));
      assert.deepEqual(result.map((each) => each.category), ['aiChat', 'aiChat']);
    });
    it('pushEditOperation (unopened file) with AI-like text: aiChat estimated', () => {
      expectVerdict(only(fact({ detailedReason: reason('unknown', { name: 'pushEditOperation' }), inActiveEditor: false, changes: [insertAt(0, 0, MULTI_LINE_CODE)] })), 'aiChat', 'estimated');
    });
    it('pushEditOperation right after a save (trim trailing whitespace): tool exact', () => {
      const intents = new IntentLog();
      intents.record(intent('save', T0 - 20));
      const result = only(fact({ detailedReason: reason('unknown', { name: 'pushEditOperation' }), changes: [deleteRange(pos(3, 10), pos(3, 14), 4)] }), intents);
      expectVerdict(result, 'tool', 'exact', 'intent:save');
    });
    it('pushEditOperation without a save, whitespace only: tool estimated', () => {
      expectVerdict(only(fact({ detailedReason: reason('unknown', { name: 'pushEditOperation' }), changes: [deleteRange(pos(3, 10), pos(3, 14), 4)] })), 'tool', 'estimated');
    });
  });

  describe('chat, undo/redo, disk', () => {
    it('Chat.applyEdits is aiChat exact', () => {
      const result = only(fact({ detailedReason: reason('Chat.applyEdits', { $extensionId: 'fake.chat', $modelId: 'm', $$mode: 'agent', $$sessionId: 's' }), changes: [insertAt(0, 0, 'x')] }));
      expectVerdict(result, 'aiChat', 'exact', 'exact:chat');
    });
    it('inline chat is aiChat exact', () => {
      expectVerdict(only(atCursor('abc', { detailedReason: reason('inlineChat.applyEdits') })), 'aiChat', 'exact');
    });
    it('Chat.undoEdits is undoRedo exact', () => {
      expectVerdict(only(fact({ detailedReason: reason('Chat.undoEdits'), changes: [deleteRange(pos(0, 0), pos(4, 0), 40)] })), 'undoRedo', 'exact');
    });
    it('applyEdits with reason Undo is undoRedo exact', () => {
      expectVerdict(only(atCursor('restored', { reason: 'undo', detailedReason: reason('applyEdits') })), 'undoRedo', 'exact', 'exact:applyEdits');
    });
    it('applyEdits without an Undo/Redo reason is undoRedo estimated', () => {
      expectVerdict(only(atCursor('restored', { detailedReason: reason('applyEdits') })), 'undoRedo', 'estimated');
    });
    it('reloadFromDisk is external exact', () => {
      expectVerdict(only(fact({ wasDirty: false, detailedReason: reason('reloadFromDisk'), changes: [replaceOnLine(0, 0, 10, MULTI_LINE_CODE)] })), 'external', 'exact');
    });
  });

  describe('fallbacks', () => {
    it('an unrecognised source goes to the stable path', () => {
      const result = only(atCursor('x', { selectionKind: 'keyboard', detailedReason: reason('brandNewSource') }));
      expectVerdict(result, 'typed', 'exact', 'shape:short');
      assert.ok(!result.evidence.some((token) => token.startsWith('exact:')));
    });
    it('an unrecognised unknown name goes to the stable path', () => {
      const result = only(atCursor('x', { detailedReason: reason('unknown', { name: 'someNewName' }) }));
      assert.ok(!result.evidence.some((token) => token.startsWith('exact:')));
    });
    it('an unrecognised cursor kind goes to the stable path', () => {
      const result = only(atCursor('x', { detailedReason: reason('cursor', { kind: 'teleport' }) }));
      assert.ok(!result.evidence.some((token) => token.startsWith('exact:')));
    });
    it('exactSources off: the stable path decides even with a detailedReason', () => {
      const edit = atCursor('const pasted = 1;', { detailedReason: reason('cursor', { kind: 'paste' }) });
      const result = classify(edit, { intents: new IntentLog(), exactSources: false });
      assert.equal(result[0].category, 'tool');
      assert.equal(result[0].confidence, 'estimated');
    });
    it('the source may come from metadata only', () => {
      const edit = atCursor('x', { detailedReason: { metadata: { source: 'cursor', kind: 'type' } } as unknown as DetailedReason });
      expectVerdict(only(edit), 'typed', 'exact', 'exact:cursor/type');
    });
  });

  describe('malformed metadata never throws (untyped runtime data)', () => {
    const hostile = new Proxy({}, { get() { throw new Error('boom'); } });
    const weird: unknown[] = [
      null, 42, 'cursor', [], { source: 7 }, { source: 'cursor', metadata: null }, { source: 'cursor', metadata: 'type' },
      { source: 'cursor', metadata: { kind: 42 } }, { source: 'cursor', metadata: { kind: 'executeCommands', detailedSource: { x: 1 } } },
      { source: 'unknown', metadata: { name: 12 } }, { source: 'inlineCompletionAccept', metadata: { $extensionId: 'evil id with spaces <script>' } },
      { source: 'cursor', metadata: hostile }, hostile, { source: '__proto__', metadata: { __proto__: { kind: 'type' } } },
    ];
    for (const [index, value] of weird.entries()) {
      it(`case ${index}`, () => {
        const edit = atCursor('ab', { selectionKind: 'keyboard', detailedReason: value as DetailedReason });
        let result: Attribution[] = [];
        assert.doesNotThrow(() => { result = run(edit); });
        assert.equal(result.length, 1);
        assert.ok(result[0].evidence.every((token) => !token.includes(' ') && !token.includes('<')));
      });
    }
  });

  it('keeps the document key out of everything it returns', () => {
    const result = only(atCursor('x', { detailedReason: TYPE }));
    assert.ok(!JSON.stringify(result).includes(DOC));
  });
});
