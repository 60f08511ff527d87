import * as assert from 'node:assert/strict';
import {
  ACTION_GAP_MS, ACTION_PAUSE_MS, ACTION_RHYTHM_FACTOR, ACTION_RHYTHM_MIN_PAUSE_MS, LARGE_ONE_SHOT_CHARS, MAX_ACTION_PIECES, decideAction, emptyEvidence, type ActionEvidence,
} from '../../../src/core/attribution/actionDecision';
import type { ActionSignals } from '../../../src/core/attribution/actions';
import { Attributor } from '../../../src/core/attribution/attributor';
import { ANY_DOCUMENT, IntentLog, TOOL_COMMAND_EDIT_TAIL_MS } from '../../../src/core/attribution/intents';
import type { Attribution, EditFact } from '../../../src/core/attribution/types';
import { Tally } from '../../../src/core/tally';
import { DOC, MULTI_LINE_CODE, OTHER_DOC, T0, deleteRange, fact, insertAt, intent, pos, reason } from './facts';

/** An Attributor whose sink keeps what is counted now, like the history store does. */
function harness(options: { signals?: ActionSignals; exactSources?: boolean } = {}) {
  const intents = new IntentLog();
  const tally = new Tally();
  const counted: Attribution[] = [];
  let replaced = 0;
  const attributor = new Attributor({
    intents,
    exactSources: () => options.exactSources ?? false,
    signals: options.signals,
    sink: {
      record: (attribution) => {
        counted.push(attribution);
        tally.add(attribution);
      },
      replace: (previous, next) => {
        const index = counted.indexOf(previous);
        assert.ok(index >= 0, 'only what was counted is replaced');
        counted[index] = next;
        tally.remove(previous);
        tally.add(next);
        replaced++;
      },
    },
  });
  return { intents, tally, counted, attributor, replacedCount: () => replaced };
}

/** An extension's insert into the active editor, away from the cursor (line 20), nobody's keystroke. */
function agentInsert(at: number, text: string, overrides: Partial<EditFact> = {}): EditFact {
  return fact({ at, changes: [insertAt(20, 0, text)], cursors: [pos(3, 0)], ...overrides });
}

const CHUNKS = ['export function ', 'sum(a: number, ', 'b: number) {\n', '  return a + b;\n', '}\n'];

describe('actions: one decision for a run of anonymous edits', () => {
  it('a streamed insert counts whole as aiChat, its first small chunks moved once the stream shows', () => {
    const { attributor, counted, tally, replacedCount } = harness();
    CHUNKS.forEach((chunk, i) => attributor.attribute(agentInsert(T0 + i * 40, chunk)));
    assert.deepEqual(counted.map((a) => a.category), CHUNKS.map(() => 'aiChat'));
    assert.equal(tally.chars.tool, 0);
    assert.equal(tally.chars.aiChat, CHUNKS.join('').length);
    assert.ok(replacedCount() >= 1, 'the first chunks were counted as tool, then moved');
    assert.ok(counted[counted.length - 1].evidence.includes('action:streamed'), counted[counted.length - 1].evidence.join(' '));
    assert.ok(counted[counted.length - 1].evidence.includes(`n=${CHUNKS.length}`));
  });

  it('the later pieces of one action are not further accepted edits', () => {
    const { attributor, counted } = harness();
    CHUNKS.forEach((chunk, i) => attributor.attribute(agentInsert(T0 + i * 40, chunk)));
    assert.deepEqual(counted.map((a) => a.continues === true), CHUNKS.map((_, i) => i > 0));
    assert.deepEqual(JSON.parse(JSON.stringify(counted)), counted, 'plain JSON, as the snapshot serves them');
  });

  it('the deletions that end a Continue-style stream (lines it replaced) belong to the same action', () => {
    const { attributor, counted } = harness();
    CHUNKS.forEach((chunk, i) => attributor.attribute(agentInsert(T0 + i * 40, chunk)));
    attributor.attribute(fact({ at: T0 + 300, changes: [deleteRange(pos(25, 0), pos(28, 0), 60)], cursors: [pos(3, 0)] }));
    assert.equal(counted[counted.length - 1].category, 'aiChat');
    assert.equal(counted[counted.length - 1].deleted, 60);
  });

  it('the exact path decides an extension\'s TextEditor.edit stream by the action too (not tool)', () => {
    const { attributor, counted } = harness({ exactSources: true });
    CHUNKS.forEach((chunk, i) => attributor.attribute(agentInsert(T0 + i * 40, chunk, { detailedReason: reason('unknown', { name: 'MainThreadTextEditor' }) })));
    assert.deepEqual(counted.map((a) => a.category), CHUNKS.map(() => 'aiChat'));
  });

  it('a tool\'s one-shot header (87 characters, four lines) stays a tool\'s', () => {
    const { attributor, counted } = harness();
    const header = '// Copyright 2026 Example\n// SPDX-License-Identifier: MIT\n// See LICENSE for details\n\n';
    attributor.attribute(fact({ changes: [insertAt(0, 0, header)], cursors: [pos(10, 0)] }));
    assert.equal(counted[0].category, 'tool', counted[0].evidence.join(' '));
    assert.ok(counted[0].evidence.includes('action:oneShot'));
  });

  it('a large generated one-shot insert in the editor is AI', () => {
    const { attributor, counted } = harness();
    assert.ok(MULTI_LINE_CODE.length >= LARGE_ONE_SHOT_CHARS);
    attributor.attribute(fact({ changes: [insertAt(20, 0, MULTI_LINE_CODE)], cursors: [pos(3, 0)] }));
    assert.equal(counted[0].category, 'aiChat');
    assert.ok(counted[0].evidence.includes('action:largeOneShot'));
  });

  it('without any AI extension installed, an anonymous edit is a tool\'s whatever its shape', () => {
    const { attributor, counted } = harness({ signals: { aiDiffViewOpen: () => false, aiExtensionActive: () => false } });
    attributor.attribute(fact({ changes: [insertAt(20, 0, MULTI_LINE_CODE)], cursors: [pos(3, 0)] }));
    assert.equal(counted[0].category, 'tool');
    assert.ok(counted[0].evidence.includes('action:noAiExtension'));
  });

  it('an AI diff view open makes even a small replacement AI', () => {
    const { attributor, counted } = harness({ signals: { aiDiffViewOpen: () => true, aiExtensionActive: () => true } });
    attributor.attribute(fact({ changes: [insertAt(20, 0, 'x = 1;')], cursors: [pos(3, 0)] }));
    assert.equal(counted[0].category, 'aiChat');
    assert.ok(counted[0].evidence.includes('action:diffView'));
  });

  it('a file created a moment ago and written into is AI (createFile plus streamed inserts)', () => {
    const { attributor, counted, intents } = harness();
    intents.record(intent('fileCreated', T0 - 100, OTHER_DOC));
    attributor.attribute(fact({ documentKey: OTHER_DOC, changes: [insertAt(0, 0, 'export const a = 1;\n')], cursors: [pos(1, 0)] }));
    attributor.attribute(fact({ at: T0 + 3000, documentKey: OTHER_DOC, changes: [insertAt(1, 0, 'export const b = 2;\n')], cursors: [pos(2, 0)] }));
    assert.deepEqual(counted.map((a) => a.category), ['aiChat', 'aiChat']);
    assert.ok(counted[1].evidence.includes('action:createdFile'));
  });

  it('a gap longer than the action gap starts a new action, decided on its own', () => {
    const { attributor, counted } = harness();
    CHUNKS.forEach((chunk, i) => attributor.attribute(agentInsert(T0 + i * 40, chunk)));
    attributor.attribute(agentInsert(T0 + 200 + ACTION_GAP_MS + 1, 'x'));
    assert.equal(counted[counted.length - 1].category, 'tool');
    assert.notEqual(counted[counted.length - 1].continues, true);
  });

  it('the user\'s keystroke in the document ends the action; what an extension writes next is a new one', () => {
    const { attributor, counted } = harness();
    CHUNKS.slice(0, 3).forEach((chunk, i) => attributor.attribute(agentInsert(T0 + i * 40, chunk)));
    attributor.attribute(fact({ at: T0 + 150, changes: [insertAt(3, 8, 'a')], cursors: [pos(3, 8)], selectionKind: 'keyboard' }));
    attributor.attribute(agentInsert(T0 + 200, 'y'));
    assert.equal(counted[3].category, 'typed');
    assert.equal(counted[4].category, 'tool', 'a lone small insert after the user typed');
  });

  it('a weak typing shape (a newline with no keyboard pairing) joins the open action in the same document', () => {
    const { attributor, counted } = harness();
    CHUNKS.slice(0, 3).forEach((chunk, i) => attributor.attribute(agentInsert(T0 + i * 40, chunk)));
    attributor.attribute(fact({ at: T0 + 150, changes: [insertAt(3, 0, '\n')], cursors: [pos(3, 0)] }));
    assert.equal(counted[3].category, 'aiChat');
  });

  it('edits while a command the user ran is running are a tool\'s, also inside an action', () => {
    const { attributor, counted, intents } = harness({ exactSources: true });
    intents.record({ kind: 'toolCommand', documentKey: ANY_DOCUMENT, at: T0 - 10, detail: 'fake.tool' });
    CHUNKS.forEach((chunk, i) => attributor.attribute(agentInsert(T0 + i * 40, chunk, { detailedReason: reason('unknown', { name: 'MainThreadTextEditor' }) })));
    assert.deepEqual(counted.map((a) => a.category), CHUNKS.map(() => 'tool'));
  });

  for (const exactSources of [false, true]) {
    const path = exactSources ? 'exact' : 'stable';
    it(`a rename waiting for the user explains its own edits, not an agent's stream a moment later (${path} path)`, () => {
      const { attributor, counted, intents } = harness({ exactSources });
      intents.record({ kind: 'toolCommand', documentKey: ANY_DOCUMENT, at: T0 - 900, detail: 'editor.action.rename' });
      const renamed = fact({ at: T0, changes: [insertAt(1, 4, 'ab'), insertAt(5, 4, 'ab')], cursors: [pos(1, 4)], ...(exactSources ? { detailedReason: reason('rename') } : {}) });
      attributor.attribute(renamed);
      const stream = { detailedReason: exactSources ? reason('unknown', { name: 'MainThreadTextEditor' }) : undefined };
      CHUNKS.forEach((chunk, i) => attributor.attribute(agentInsert(T0 + 1_500 + i * 40, chunk, stream)));
      assert.deepEqual(counted.map((a) => a.category), ['tool', 'tool', ...CHUNKS.map(() => 'aiChat')]);
    });

    it(`a rename's window ends right after its own edits: an agent's write to a file no editor shows half a second later is the agent's (${path} path)`, () => {
      const { attributor, counted, intents } = harness({ exactSources });
      intents.record({ kind: 'toolCommand', documentKey: ANY_DOCUMENT, at: T0 - 250, detail: 'editor.action.rename' });
      const renamed = fact({ at: T0, changes: [insertAt(1, 4, 'By'), insertAt(5, 4, 'By')], cursors: [pos(1, 4)], ...(exactSources ? { detailedReason: reason('rename') } : {}) });
      attributor.attribute(renamed);
      // Another file the same rename changed arrives with it: still the rename's.
      attributor.attribute(fact({ at: T0 + 5, documentKey: OTHER_DOC, inActiveEditor: false, changes: [insertAt(2, 9, 'By')], cursors: [], ...(exactSources ? { detailedReason: reason('rename') } : {}) }));
      attributor.attribute(fact({ at: T0 + TOOL_COMMAND_EDIT_TAIL_MS + 300, documentKey: 'file:///workspace/closed.ts', inActiveEditor: false, changes: [insertAt(3, 0, MULTI_LINE_CODE)], cursors: [], ...(exactSources ? { detailedReason: reason('unknown', { name: 'pushEditOperation' }) } : {}) }));
      assert.deepEqual(counted.map((a) => a.category), ['tool', 'tool', 'tool', 'aiChat'], counted.map((a) => a.evidence.join(' ')).join(' | '));
    });

    it(`a command waiting for the user explains nothing after the user typed (${path} path)`, () => {
      const { attributor, counted, intents } = harness({ exactSources });
      intents.record({ kind: 'toolCommand', documentKey: ANY_DOCUMENT, at: T0 - 900, detail: 'editor.action.quickFix' });
      attributor.attribute(fact({ at: T0 - 500, changes: [insertAt(3, 8, 'x')], cursors: [pos(3, 8)], selectionKind: 'keyboard', ...(exactSources ? { detailedReason: reason('cursor', { kind: 'type' }) } : {}) }));
      const stream = { detailedReason: exactSources ? reason('unknown', { name: 'MainThreadTextEditor' }) : undefined };
      CHUNKS.forEach((chunk, i) => attributor.attribute(agentInsert(T0 + i * 40, chunk, stream)));
      assert.deepEqual(counted.slice(1).map((a) => a.category), CHUNKS.map(() => 'aiChat'));
    });
  }

  it('on the exact path, a chat session open on the document does not make an extension\'s labelled edit the chat\'s', () => {
    const { attributor, counted, intents } = harness({ exactSources: true });
    intents.record({ kind: 'chatEditingActive', documentKey: DOC, at: T0 - 1_000 });
    const header = '/*\n * Copyright 2026 Example Corp.\n * Licensed under the MIT License.\n */\n';
    attributor.attribute(agentInsert(T0, header, { detailedReason: reason('unknown', { name: 'MainThreadTextEditor' }) }));
    assert.deepEqual([counted[0].category, counted[0].evidence.includes('action:chatEditing')], ['tool', false]);
  });

  it('on the exact path, a TextEditor.edit right after an agent\'s workspace edits is another action (another extension\'s)', () => {
    const { attributor, counted } = harness({ exactSources: true });
    const workspaceEdit = { detailedReason: reason('unknown', { name: 'unknown' }) };
    CHUNKS.forEach((chunk, i) => attributor.attribute(agentInsert(T0 + i * 40, chunk, workspaceEdit)));
    const header = '// Copyright 2026 Example\n// SPDX-License-Identifier: MIT\n// See LICENSE for details\n\n';
    attributor.attribute(fact({ at: T0 + 400, changes: [insertAt(0, 0, header)], cursors: [pos(3, 0)], detailedReason: reason('unknown', { name: 'MainThreadTextEditor' }) }));
    assert.deepEqual(counted.slice(0, CHUNKS.length).map((a) => a.category), CHUNKS.map(() => 'aiChat'));
    const last = counted[counted.length - 1];
    assert.deepEqual([last.category, last.continues], ['tool', undefined], last.evidence.join(' '));
  });

  it('after a pause, an insert away from where the stream left off is another action (a tool\'s header at the top)', () => {
    const { attributor, counted } = harness();
    let offset = 500;
    CHUNKS.forEach((chunk, i) => {
      attributor.attribute(agentInsert(T0 + i * 40, chunk, { changes: [{ ...insertAt(20, 0, chunk), rangeOffset: offset }] }));
      offset += chunk.length;
    });
    const header = '// Copyright 2026 Example\n// SPDX-License-Identifier: MIT\n// See LICENSE for details\n\n';
    const last = T0 + (CHUNKS.length - 1) * 40;
    attributor.attribute(fact({ at: last + ACTION_PAUSE_MS + 400, changes: [{ ...insertAt(0, 0, header), rangeOffset: 0 }], cursors: [pos(3, 0)] }));
    assert.deepEqual(counted.map((a) => a.category), [...CHUNKS.map(() => 'aiChat'), 'tool']);
    // Where it left off, the same pause does not end the stream.
    const resumed = harness();
    offset = 500;
    CHUNKS.forEach((chunk, i) => {
      resumed.attributor.attribute(agentInsert(T0 + i * 40, chunk, { changes: [{ ...insertAt(20, 0, chunk), rangeOffset: offset }] }));
      offset += chunk.length;
    });
    resumed.attributor.attribute(agentInsert(last + ACTION_PAUSE_MS + 400, 'export const more = 1;\n', { changes: [{ ...insertAt(25, 0, 'export const more = 1;\n'), rangeOffset: offset }] }));
    assert.deepEqual([resumed.counted[CHUNKS.length].category, resumed.counted[CHUNKS.length].continues], ['aiChat', true]);
  });

  it('a tool\'s header put in at once, then an agent streaming at the cursor under a second later: two actions', () => {
    const { attributor, counted } = harness();
    const header = '// Copyright 2026 Example Tools Inc.\r\n// SPDX-License-Identifier: MIT\r\n';
    attributor.attribute(fact({ changes: [{ ...insertAt(0, 0, header), rangeOffset: 0 }], cursors: [pos(4, 3)] }));
    let offset = header.length + 60;
    CHUNKS.forEach((chunk, i) => {
      attributor.attribute(agentInsert(T0 + 800 + i * 60, chunk, { changes: [{ ...insertAt(6, 3, chunk), rangeOffset: offset }] }));
      offset += chunk.length;
    });
    assert.ok(800 < ACTION_PAUSE_MS);
    assert.deepEqual(counted.map((a) => a.category), ['tool', ...CHUNKS.map(() => 'aiChat')], counted[0].evidence.join(' '));
    // A one-line insert is no block: a stream that goes on elsewhere within the pause is still one action.
    const oneLine = harness();
    oneLine.attributor.attribute(fact({ changes: [{ ...insertAt(0, 0, 'import { x } from "y";\n'), rangeOffset: 0 }], cursors: [pos(4, 3)] }));
    offset = 200;
    CHUNKS.forEach((chunk, i) => {
      oneLine.attributor.attribute(agentInsert(T0 + 800 + i * 60, chunk, { changes: [{ ...insertAt(6, 3, chunk), rangeOffset: offset }] }));
      offset += chunk.length;
    });
    assert.deepEqual(oneLine.counted.map((a) => a.category), ['aiChat', ...CHUNKS.map(() => 'aiChat')]);
  });

  it('a stream\'s pause several times its own rhythm, under a second, ends it: a tool\'s header then is a tool\'s', () => {
    const header = '// Copyright 2026 Example\n// SPDX-License-Identifier: MIT\n// See LICENSE for details\n\n';
    const streamed = (gap: number) => {
      const run = harness();
      let offset = 500;
      CHUNKS.forEach((chunk, i) => {
        run.attributor.attribute(agentInsert(T0 + i * gap, chunk, { changes: [{ ...insertAt(20, 0, chunk), rangeOffset: offset }] }));
        offset += chunk.length;
      });
      run.attributor.attribute(fact({ at: T0 + (CHUNKS.length - 1) * gap + 900, changes: [{ ...insertAt(0, 0, header), rangeOffset: 0 }], cursors: [pos(3, 0)] }));
      return run.counted.map((a) => a.category);
    };
    assert.ok(900 > Math.max(ACTION_RHYTHM_MIN_PAUSE_MS, ACTION_RHYTHM_FACTOR * 60) && 900 < ACTION_PAUSE_MS);
    assert.deepEqual(streamed(60), [...CHUNKS.map(() => 'aiChat'), 'tool'], 'a 60 ms rhythm');
    // A stream that takes its time (300 ms between chunks) may pause that long: the insert is still its.
    assert.deepEqual(streamed(300), [...CHUNKS.map(() => 'aiChat'), 'aiChat'], 'a 300 ms rhythm');
  });

  it('only the first action in a file created a moment ago is the file\'s creator: a tool\'s header after it stays a tool\'s', () => {
    const { attributor, counted, intents } = harness();
    intents.record(intent('fileCreated', T0 - 100, OTHER_DOC));
    attributor.attribute(fact({ documentKey: OTHER_DOC, changes: [insertAt(0, 0, 'export const a = 1;\n')], cursors: [pos(1, 0)] }));
    attributor.attribute(fact({ at: T0 + 200, documentKey: OTHER_DOC, changes: [insertAt(1, 0, 'export const b = 2;\n')], cursors: [pos(2, 0)] }));
    const header = '// Copyright 2026 Example\n// SPDX-License-Identifier: MIT\n// See LICENSE for details\n\n';
    attributor.attribute(fact({ at: T0 + 200 + ACTION_GAP_MS + 1, documentKey: OTHER_DOC, changes: [insertAt(0, 0, header)], cursors: [pos(3, 0)] }));
    attributor.attribute(fact({ at: T0 + 300 + ACTION_GAP_MS, documentKey: OTHER_DOC, changes: [insertAt(9, 0, 'x')], cursors: [pos(12, 0)] }));
    assert.deepEqual(counted.map((a) => a.category), ['aiChat', 'aiChat', 'tool', 'tool']);
  });

  it('an AI diff view opening starts a new action: a tool\'s header a moment before stays a tool\'s', () => {
    let diffView = false;
    const { attributor, counted } = harness({ signals: { aiDiffViewOpen: () => diffView, aiExtensionActive: () => true } });
    const header = '// Copyright 2026 Example\n// SPDX-License-Identifier: MIT\n// See LICENSE for details\n\n';
    attributor.attribute(fact({ changes: [insertAt(0, 0, header)], cursors: [pos(10, 0)] }));
    diffView = true;
    attributor.attribute(agentInsert(T0 + 1_600, 'export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));\n'));
    assert.deepEqual(counted.map((a) => a.category), ['tool', 'aiChat']);
    assert.equal(counted[1].continues, undefined);
  });

  it('an edit in another document of the focused editor starts a new action (a tool on the file just opened)', () => {
    const { attributor, counted } = harness();
    CHUNKS.forEach((chunk, i) => attributor.attribute(agentInsert(T0 + i * 40, chunk)));
    attributor.attribute(fact({ at: T0 + 400, documentKey: OTHER_DOC, changes: [insertAt(0, 0, '// header\n')], cursors: [pos(5, 0)] }));
    assert.equal(counted[counted.length - 1].category, 'tool');
  });

  it('a multi-change event is an action of its own: nothing joins it', () => {
    const { attributor, counted } = harness();
    attributor.attribute(fact({ changes: [insertAt(20, 0, 'a'), insertAt(22, 0, 'b')], cursors: [pos(3, 0)] }));
    attributor.attribute(agentInsert(T0 + 10, 'c'));
    assert.equal(counted[2].continues, undefined);
  });

  it('keeps at most MAX_ACTION_PIECES pieces to move; the rest follow the decision as it stands', () => {
    const { attributor, counted, tally } = harness();
    for (let i = 0; i < MAX_ACTION_PIECES + 10; i++) {
      attributor.attribute(agentInsert(T0 + i * 30, 'ab'));
    }
    assert.equal(counted.length, MAX_ACTION_PIECES + 10);
    assert.equal(tally.chars.tool + tally.chars.aiChat, 2 * (MAX_ACTION_PIECES + 10));
    assert.equal(tally.chars.aiChat, 2 * (MAX_ACTION_PIECES + 10), 'a long stream is AI');
  });
});

describe('decideAction', () => {
  const base = (overrides: Partial<ActionEvidence>): ActionEvidence => ({ ...emptyEvidence(T0), aiExtensionActive: true, inActiveEditor: true, events: 1, ...overrides });

  it('decides from the strongest evidence down: command, chat, diff view, created file, stream, extensions, place, size', () => {
    assert.equal(decideAction(base({ toolCommand: true, chatEditing: true })).reason, 'toolCommand');
    assert.equal(decideAction(base({ chatEditing: true, aiExtensionActive: false })).reason, 'chatEditing');
    assert.equal(decideAction(base({ diffView: true })).reason, 'diffView');
    assert.equal(decideAction(base({ createdFile: true, events: 2, insertedChars: 12 })).reason, 'createdFile');
    assert.equal(decideAction(base({ createdFile: true, events: 2, insertedChars: 11 })).reason, 'oneShot');
    assert.equal(decideAction(base({ createdFile: true, events: 1, insertedChars: 87 })).reason, 'oneShot', 'a tool\'s header in a new file');
    assert.equal(decideAction(base({ singleInsertEvents: 3, events: 3, lastAt: T0 + 60, insertedChars: 12 })).reason, 'streamed');
    assert.equal(decideAction(base({ singleInsertEvents: 3, events: 3, lastAt: T0 + 59, insertedChars: 12 })).reason, 'oneShot', 'too quick for a stream');
    assert.equal(decideAction(base({ singleInsertEvents: 3, events: 3, lastAt: T0 + 9000, longestGapMs: 2600, insertedChars: 40 })).reason, 'oneShot', 'pauses too long');
    assert.equal(decideAction(base({ aiExtensionActive: false, aiLike: true, insertedChars: 500, contentLines: 10 })).reason, 'noAiExtension');
    assert.deepEqual(decideAction(base({ inActiveEditor: false, aiLike: true })), { category: 'aiChat', reason: 'background' });
    assert.deepEqual(decideAction(base({ inActiveEditor: false, aiLike: false })), { category: 'tool', reason: 'background' });
    assert.equal(decideAction(base({ aiLike: true, insertedChars: LARGE_ONE_SHOT_CHARS, contentLines: 4 })).reason, 'largeOneShot');
    assert.equal(decideAction(base({ aiLike: true, insertedChars: LARGE_ONE_SHOT_CHARS - 1, contentLines: 4 })).reason, 'oneShot');
    assert.deepEqual(decideAction(base({ aiLikeWorkspaceEdit: true, insertedChars: 80 })), { category: 'aiChat', reason: 'workspaceEdit' });
    assert.equal(decideAction(base({ aiLikeWorkspaceEdit: true, aiExtensionActive: false })).reason, 'noAiExtension');
  });

  it('on the exact path, one workspace edit of generated-looking code in the editor is AI; the same through TextEditor.edit is a tool\'s', () => {
    const code = 'export function half(x: number): number {\n  return x / 2;\n}\n';
    const viaWorkspaceEdit = harness({ exactSources: true });
    viaWorkspaceEdit.attributor.attribute(agentInsert(T0, code, { detailedReason: reason('unknown') }));
    assert.deepEqual([viaWorkspaceEdit.counted[0].category, viaWorkspaceEdit.counted[0].evidence.includes('action:workspaceEdit')], ['aiChat', true]);
    const viaEditorEdit = harness({ exactSources: true });
    viaEditorEdit.attributor.attribute(agentInsert(T0, code, { detailedReason: reason('unknown', { name: 'MainThreadTextEditor' }) }));
    assert.equal(viaEditorEdit.counted[0].category, 'tool');
  });
});

describe('Attributor: edits with a sure sign pass straight through', () => {
  it('typing, undo and a document reload are counted as the classifier says, never grouped', () => {
    const { attributor, counted } = harness();
    attributor.attribute(fact({ changes: [insertAt(3, 8, 'a')], cursors: [pos(3, 8)], selectionKind: 'keyboard' }));
    attributor.attribute(fact({ at: T0 + 10, reason: 'undo', changes: [deleteRange(pos(3, 8), pos(3, 9), 1)], cursors: [pos(3, 9)] }));
    assert.deepEqual(counted.map((a) => [a.category, a.confidence]), [['typed', 'exact'], ['undoRedo', 'exact']]);
    assert.equal(counted.some((a) => a.evidence.some((token) => token.startsWith('action:'))), false);
  });

  it('an event without changes counts nothing', () => {
    const { attributor, counted } = harness();
    attributor.attribute(fact({ changes: [] }));
    assert.deepEqual(counted, []);
  });

  it('the exact path\'s sure labels (chat edits) are not grouped', () => {
    const { attributor, counted } = harness({ exactSources: true });
    attributor.attribute(agentInsert(T0, 'a', { detailedReason: reason('Chat.applyEdits') }));
    assert.equal(counted[0].category, 'aiChat');
    assert.equal(counted[0].confidence, 'exact');
  });

  it('the same document key in another event is the same action; in the background, another document too', () => {
    const { attributor, counted } = harness();
    const background = { inActiveEditor: false };
    attributor.attribute(agentInsert(T0, CHUNKS[0], background));
    attributor.attribute(agentInsert(T0 + 40, CHUNKS[1], { ...background, documentKey: OTHER_DOC }));
    attributor.attribute(agentInsert(T0 + 80, CHUNKS[2], background));
    assert.deepEqual(counted.map((a) => a.category), ['aiChat', 'aiChat', 'aiChat']);
    assert.equal(counted[2].evidence.includes('n=3'), true);
    void DOC;
  });

  it('a write in the background does not join what was written in the focused editor (a tool\'s header, then an agent elsewhere)', () => {
    const { attributor, counted } = harness();
    const header = '// Copyright 2026 Example\n// SPDX-License-Identifier: MIT\n// See LICENSE for details\n\n';
    attributor.attribute(fact({ changes: [insertAt(0, 0, header)], cursors: [pos(10, 0)] }));
    attributor.attribute(fact({ at: T0 + 970, documentKey: OTHER_DOC, inActiveEditor: false, changes: [insertAt(0, 0, MULTI_LINE_CODE)], cursors: [] }));
    assert.deepEqual(counted.map((a) => a.category), ['tool', 'aiChat']);
    assert.equal(counted[1].continues, undefined);
  });
});
