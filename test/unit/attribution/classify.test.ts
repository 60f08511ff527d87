import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { classify, isCountedScheme, type ClassifyContext } from '../../../src/core/attribution/classify';
import { isChatActivity, isInsideAnyFolder } from '../../../src/core/attribution/schemes';
import { IntentLog } from '../../../src/core/attribution/intents';
import type { Attribution, ChangeFact, EditFact } from '../../../src/core/attribution/types';
import { CATEGORIES } from '../../../src/core/categories';
import { CURSOR, DOC, T0, atCursor, deleteRange, fact, insertAt, intent, pos, reason, replaceOnLine } from './facts';

function context(exactSources = false, intents = new IntentLog()): ClassifyContext {
  return { intents, exactSources };
}

function assertSane(result: readonly Attribution[], changes: number): void {
  assert.equal(result.length, changes);
  for (const each of result) {
    assert.ok(CATEGORIES.includes(each.category), `category ${String(each.category)}`);
    assert.ok(each.confidence === 'exact' || each.confidence === 'estimated');
    assert.ok(Number.isInteger(each.chars) && each.chars >= 0, `chars ${each.chars}`);
    assert.ok(Number.isInteger(each.deleted) && each.deleted >= 0, `deleted ${each.deleted}`);
    assert.ok(each.evidence.length > 0);
  }
}

describe('classify', () => {
  it('an event with no content changes (dirty flip, save) gives nothing', () => {
    assert.deepEqual(classify(fact({ changes: [] }), context()), []);
    assert.deepEqual(classify(fact({ changes: [], detailedReason: reason('cursor', { kind: 'type' }) }), context(true)), []);
  });

  it('an empty event consumes no intent', () => {
    const intents = new IntentLog();
    intents.record(intent('inlineAccept', T0));
    classify(fact({ changes: [] }), context(false, intents));
    assert.equal(classify(atCursor('value'), context(false, intents))[0].category, 'aiInline');
  });

  it('multi-cursor typing counts each change once, as own work', () => {
    const cursors = [pos(1, 0), pos(2, 0), pos(3, 0), pos(4, 0)];
    for (const exactSources of [false, true]) {
      const result = classify(fact({
        cursors, selectionKind: 'keyboard', detailedReason: reason('cursor', { kind: 'type' }),
        changes: cursors.map((c) => insertAt(c.line, c.character, 'é')),
      }), context(exactSources));
      assertSane(result, 4);
      assert.ok(result.every((each) => each.category === 'typed'));
      assert.equal(result.reduce((sum, each) => sum + each.chars, 0), 4);
    }
  });

  it('undo of several deletes arriving as several changes: each undoRedo, counts never negative', () => {
    const changes = [insertAt(1, 0, 'abc'), insertAt(4, 2, 'de'), insertAt(9, 0, 'f\r\ng')];
    for (const exactSources of [false, true]) {
      const result = classify(fact({ reason: 'undo', detailedReason: reason('applyEdits'), changes }), context(exactSources));
      assertSane(result, 3);
      assert.deepEqual(result.map((each) => [each.category, each.chars]), [['undoRedo', 3], ['undoRedo', 2], ['undoRedo', 3]]);
    }
  });

  describe('one insertion of 10 000+ characters', () => {
    const big = 'const x = 1;\n'.repeat(800);
    it('is AI by the documented heuristic when nothing explains it', () => {
      const [result] = classify(atCursor(big), context());
      assert.equal(result.category, 'aiChat');
      assert.equal(result.confidence, 'estimated');
      assert.equal(result.chars, big.length);
    });
    it('is a paste when a paste intent explains it', () => {
      const intents = new IntentLog();
      intents.record(intent('paste', T0 - 5));
      assert.equal(classify(atCursor(big), context(false, intents))[0].category, 'paste');
    });
    it('stays linear: 40× the text does not take ~1600× the time', () => {
      const huge = big.repeat(40);
      const time = (text: string): number => {
        const start = process.hrtime.bigint();
        for (let i = 0; i < 20; i++) {
          classify(atCursor(text), context());
        }
        return Number(process.hrtime.bigint() - start) / 20 / 1e6;
      };
      time(big);
      const small = Math.max(time(big), 0.01);
      const large = time(huge);
      // A ratio measured in one run (40× the text, well under 400× the time), not a wall-clock limit.
      assert.ok(large < small * 400, `10k: ${small.toFixed(3)} ms, 416k: ${large.toFixed(3)} ms`);
    });
  });

  describe('an accepted suggestion that repeats what it replaces', () => {
    const TYPED = '// ai:line';
    const SUGGESTION = `${TYPED} const product = (a, b) => a * b;`;
    const lineReplacement = (cursor = pos(0, TYPED.length)) => ({ changes: [replaceOnLine(0, 0, TYPED.length, SUGGESTION)], cursors: [cursor] });
    const acceptIntent = () => { const log = new IntentLog(); log.record(intent('inlineAccept', T0 - 50)); return log; };

    it('counts only the new text when it replaces the line typed so far (both paths)', () => {
      const stable = classify(fact(lineReplacement()), context(false, acceptIntent()));
      const exact = classify(fact({ ...lineReplacement(), detailedReason: reason('inlineCompletionAccept', { $nes: false }) }), context(true));
      for (const [result] of [stable, exact]) {
        assert.equal(result.category, 'aiInline');
        assert.equal(result.chars, SUGGESTION.length - TYPED.length);
        assert.equal(result.deleted, 0);
        assert.ok(result.evidence.includes(`repeats=${TYPED.length}`), result.evidence.join(' '));
      }
    });

    it('counts only the rest after a partial accept (Tab replaces the part already accepted, over lines)', () => {
      const accepted = ' function area(width, height) {\n';
      const whole = `${accepted}  return width * height;\n}`;
      const change = { start: pos(2, 11), end: pos(3, 0), rangeLength: accepted.length, text: whole };
      const [result] = classify(fact({ changes: [change], cursors: [pos(3, 0)], detailedReason: reason('inlineCompletionAccept', { $nes: false }) }), context(true));
      assert.equal(result.chars, whole.length - accepted.length);
      assert.equal(result.deleted, 0);
    });

    it('counts a next-edit suggestion whole: it replaces other text', () => {
      const nes = { changes: [replaceOnLine(0, 4, 9, 'total')], cursors: [pos(0, 9)], detailedReason: reason('inlineCompletionAccept', { $nes: true }) };
      const [result] = classify(fact(nes), context(true));
      assert.deepEqual([result.category, result.chars, result.deleted], ['aiInline', 5, 5]);
    });

    it('counts whole a replacement that does not end at the cursor, or is shorter than what it replaced', () => {
      const [away] = classify(fact(lineReplacement(pos(5, 0))), context(false, acceptIntent()));
      assert.deepEqual([away.chars, away.deleted], [SUGGESTION.length, TYPED.length]);
      const [shorter] = classify(fact({ changes: [replaceOnLine(0, 0, 10, 'abc')], cursors: [pos(0, 10)] }), context(false, acceptIntent()));
      assert.deepEqual([shorter.chars, shorter.deleted], [3, 10]);
    });

    it('leaves typed and pasted text alone', () => {
      const log = new IntentLog();
      log.record(intent('paste', T0 - 50));
      const [pasted] = classify(fact(lineReplacement()), context(false, log));
      assert.equal(pasted.category, 'paste');
      assert.deepEqual([pasted.chars, pasted.deleted], [SUGGESTION.length, TYPED.length]);
    });
  });

  describe('uncounted folders (the editor\'s own user data)', () => {
    const userData = { scheme: 'file', authority: '', path: '/home/me/.local/share/code-server/User' };
    const doc = (path: string, scheme = 'file', authority = '') => ({ scheme, authority, path });
    it('leaves out settings, keybindings, snippets and profiles under the folder', () => {
      for (const path of ['/User/settings.json', '/User/keybindings.json', '/User/snippets/ts.code-snippets', '/User/profiles/1a2b/settings.json']) {
        assert.equal(isInsideAnyFolder(doc(`/home/me/.local/share/code-server${path}`), [userData]), true, path);
      }
    });
    it('counts everything else, also a sibling whose name only starts the same', () => {
      for (const path of ['/home/me/project/settings.json', '/home/me/.local/share/code-server/UserData/x.ts', '/home/me/.local/share/code-server/User']) {
        assert.equal(isInsideAnyFolder(doc(path), [userData]), false, path);
      }
      assert.equal(isInsideAnyFolder(doc('/home/me/.local/share/code-server/User/settings.json', 'vscode-remote', 'ssh-remote+box'), [userData]), false, 'another scheme');
      assert.equal(isInsideAnyFolder(doc('/x/settings.json'), []), false);
      assert.equal(isInsideAnyFolder(doc('/x/settings.json'), [{ scheme: 'file', authority: '', path: '/' }]), false, 'never the whole disk');
    });
    it('matches Windows paths whatever their case', () => {
      const windows = { scheme: 'file', authority: '', path: '/c:/Users/Me/AppData/Roaming/Code/User' };
      assert.equal(isInsideAnyFolder(doc('/C:/users/me/appdata/roaming/code/user/settings.json'), [windows]), true);
    });
  });

  describe('chat activity from documents the user does not write in', () => {
    it('chat-editing models and AI diff views, opened or changed, and typing in the chat input', () => {
      for (const scheme of ['chat-editing-text-model', 'chat-editing-snapshot-text-model', 'cline-diff', 'roo-diff', 'continue-diff']) {
        assert.equal(isChatActivity(scheme, 'opened'), true, `${scheme} opened`);
        assert.equal(isChatActivity(scheme, 'changed'), true, `${scheme} changed`);
      }
      assert.equal(isChatActivity('chatSessionInput', 'changed'), true, 'typing a chat request');
      // The input box is open whenever the chat view is: opening it says nothing.
      assert.equal(isChatActivity('chatSessionInput', 'opened'), false);
      for (const scheme of ['file', 'untitled', 'output', 'comment', 'vscode-scm', '', 'CHAT-EDITING-TEXT-MODEL']) {
        assert.equal(isChatActivity(scheme, 'changed'), false, scheme);
      }
      assert.equal(isChatActivity(undefined as unknown as string, 'changed'), false);
    });
  });

  describe('schemes (allowlist)', () => {
    for (const scheme of ['file', 'untitled', 'vscode-notebook-cell', 'vscode-remote', 'vscode-vfs', 'vscode-interactive-input', 'FILE']) {
      it(`counts ${scheme}`, () => assert.equal(isCountedScheme(scheme), true));
    }
    for (const scheme of [
      'vscode-userdata', 'output', 'git', 'debug', 'comment', 'vscode-chat-input', 'vscode-chat-code-block', 'chat-editing-text-model',
      'chat-editing-snapshot-text-model', 'vscode-scm', 'walkThroughSnippet', 'walkThrough', 'vscode-settings', 'cline-diff',
      'inmemory', 'search-editor', '', 'file:', 'vsls',
    ]) {
      it(`does not count ${JSON.stringify(scheme)}`, () => assert.equal(isCountedScheme(scheme), false));
    }
    it('never throws on a non-string', () => {
      for (const value of [undefined, null, 42, {}, []]) {
        assert.equal(isCountedScheme(value as unknown as string), false);
      }
    });
  });

  it('Enter in a CRLF document counts like LF (one character), on both paths', () => {
    for (const exactSources of [false, true]) {
      const detailedReason = reason('cursor', { kind: 'type' });
      const [crlf] = classify(atCursor('\r\n    ', { detailedReason, selectionKind: 'keyboard' }), context(exactSources));
      const [lf] = classify(atCursor('\n    ', { detailedReason, selectionKind: 'keyboard' }), context(exactSources));
      assert.deepEqual([crlf.category, crlf.confidence, crlf.chars], [lf.category, lf.confidence, lf.chars]);
      assert.equal(crlf.chars, 5);
    }
    const [pasted] = classify(atCursor('a\r\nb\r\nc'), context());
    assert.equal(pasted.chars, 5);
  });

  describe('any text, any range, never NaN, never negative, never a throw', () => {
    const unit = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      fc.constantFrom('\uD800', '\uDFFF', '\r', '\n', '\r\n', 'e\u0301', '👨‍👩‍👧', '\t', ' ', '日'),
    );
    const text = fc.string({ unit, maxLength: 120 });
    const position = fc.record({ line: fc.nat(50), character: fc.nat(200) });
    const change: fc.Arbitrary<ChangeFact> = fc.record({
      start: position,
      end: position,
      rangeLength: fc.oneof(fc.nat(500), fc.constantFrom(-1, Number.NaN, Number.POSITIVE_INFINITY, 2.5)),
      text,
    });
    const editFact: fc.Arbitrary<EditFact> = fc.record({
      at: fc.integer({ min: T0 - 5000, max: T0 + 5000 }),
      documentKey: fc.constantFrom(DOC, 'file:///other.ts'),
      scheme: fc.constant('file'),
      languageId: fc.constant('typescript'),
      version: fc.nat(),
      reason: fc.constantFrom(undefined, 'undo', 'redo'),
      detailedReason: fc.option(fc.record({
        source: fc.constantFrom('cursor', 'unknown', 'inlineCompletionAccept', 'suggest', 'applyEdits', 'bogus'),
        metadata: fc.dictionary(fc.constantFrom('kind', 'name', 'detailedSource', '$nes', 'type', 'source'),
          fc.oneof(fc.constantFrom('type', 'paste', 'cut', 'executeCommands', 'pushEditOperation', 'deleteLeft'), fc.anything())),
      }), { nil: undefined }),
      changes: fc.array(change, { maxLength: 5 }),
      inActiveEditor: fc.boolean(),
      cursors: fc.array(position, { maxLength: 3 }),
      wasDirty: fc.boolean(),
      selectionKind: fc.constantFrom(undefined, 'keyboard', 'mouse', 'command', 'none'),
    });
    const intentKind = fc.constantFrom('inlineAccept', 'inlineAcceptWord', 'inlineAcceptLine', 'inlineJump', 'paste', 'save', 'fileChangedOnDisk', 'chatEditingActive');

    it('holds for random facts on both paths, with random intents', () => {
      fc.assert(fc.property(editFact, fc.boolean(), fc.array(fc.tuple(intentKind, fc.integer({ min: -3000, max: 3000 }))), (edit, exactSources, recorded) => {
        const intents = new IntentLog();
        for (const [kind, offset] of recorded) {
          intents.record(intent(kind, T0 + offset, edit.documentKey));
        }
        const result = classify(edit, context(exactSources, intents));
        assertSane(result, edit.changes.length);
        result.forEach((each, i) => {
          const length = edit.changes[i].rangeLength;
          // An accept that repeats the text it replaces deletes nothing of it (evidence `repeats=N`).
          const repeats = Number(each.evidence.find((token) => token.startsWith('repeats='))?.slice('repeats='.length) ?? 0);
          assert.equal(each.deleted + repeats, Number.isFinite(length) && length > 0 ? Math.floor(length) : 0);
        });
      }), { numRuns: 500 });
    });

    it('chars equals the code-point count (CRLF as one) for full Unicode text', () => {
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (value) => {
        const [result] = classify(atCursor(value), context());
        const expected = Array.from(value.replace(/\r\n/g, '\n')).length;
        assert.equal(result.chars, expected);
      }));
    });

    it('evidence never contains the inserted text', () => {
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 100 }), fc.boolean(), (value, exactSources) => {
        const secret = `zqxSECRET${value}`;
        const result = classify(atCursor(secret, { detailedReason: reason('unknown', {}) }), context(exactSources));
        assert.ok(result[0].evidence.every((token) => !token.includes('zqx')));
      }));
    });

    it('deletions and replacements never give negative totals', () => {
      fc.assert(fc.property(fc.array(fc.tuple(fc.nat(1000), fc.string({ maxLength: 20 }))), (edits) => {
        let inserted = 0;
        let deleted = 0;
        for (const [length, value] of edits) {
          const [result] = classify(fact({ cursors: [CURSOR], changes: [{ ...deleteRange(pos(3, 0), CURSOR, length), text: value }] }), context());
          inserted += result.chars;
          deleted += result.deleted;
        }
        assert.ok(inserted >= 0 && deleted >= 0 && !Number.isNaN(inserted + deleted));
      }));
    });
  });

  it('an accept intent stamped before a backward clock jump never explains a later edit', () => {
    const intents = new IntentLog();
    intents.record(intent('inlineAccept', T0));
    const backwards = classify(atCursor('value', { at: T0 - 60_000 }), context(false, intents));
    assert.notEqual(backwards[0].category, 'aiInline');
    const later = classify(atCursor('value', { at: T0 + 100 }), context(false, intents));
    assert.notEqual(later[0].category, 'aiInline');
  });

  it('reuses one frozen evidence array for ordinary keystrokes (no allocation per keystroke)', () => {
    const first = classify(atCursor('a', { selectionKind: 'keyboard' }), context())[0];
    const second = classify(atCursor('b', { selectionKind: 'keyboard' }), context())[0];
    assert.equal(first.evidence, second.evidence);
    assert.ok(Object.isFrozen(first.evidence));
  });

  it('copies time and language from the fact', () => {
    const [result] = classify(atCursor('a', { at: T0 + 7, languageId: 'python' }), context());
    assert.equal(result.at, T0 + 7);
    assert.equal(result.languageId, 'python');
  });
});
