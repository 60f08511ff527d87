import * as assert from 'node:assert/strict';
import { someAiExtension } from '../../../src/core/attribution/extensionLists';
import {
  ACCEPT_INTENT_WINDOW_MS, ANY_DOCUMENT, CHAT_REQUEST_WINDOW_MS, IntentLog, TOOL_COMMAND_MAX_MS, TOOL_COMMAND_TAIL_MS,
} from '../../../src/core/attribution/intents';
import type { IntentKind } from '../../../src/core/attribution/types';
import {
  isChatEditingAt, isChatRequestAt, isSavingAt, takeAccept, takeExternalChange, takeCreation, toolCommandAt,
} from '../../../src/core/attribution/windows';
import { cleanStringList, readSetting, settingDefault } from '../../../src/core/settings';
import { DOC, MULTI_LINE_CODE, OTHER_DOC, T0, fact, insertAt, intent, onlyStable, pos } from './facts';

function log(...entries: Array<[IntentKind, number, string?]>): IntentLog {
  const intents = new IntentLog();
  for (const [kind, at, key] of entries) {
    intents.record(intent(kind, at, key ?? DOC));
  }
  return intents;
}

describe('windows end when their cause ends', () => {
  it('a tool command runs from its start until shortly after it returned', () => {
    const intents = log(['toolCommand', T0, ANY_DOCUMENT], ['toolCommandDone', T0 + 200, ANY_DOCUMENT]);
    assert.ok(toolCommandAt(intents, T0 + 100, Number.NEGATIVE_INFINITY));
    assert.ok(toolCommandAt(intents, T0 + 200 + TOOL_COMMAND_TAIL_MS, Number.NEGATIVE_INFINITY));
    assert.equal(toolCommandAt(intents, T0 + 201 + TOOL_COMMAND_TAIL_MS, Number.NEGATIVE_INFINITY), undefined);
  });

  it('a command that waits for the user (rename) lasts until the user types, at most TOOL_COMMAND_MAX_MS', () => {
    const intents = log(['toolCommand', T0, ANY_DOCUMENT]);
    assert.ok(toolCommandAt(intents, T0 + 5_000, Number.NEGATIVE_INFINITY));
    assert.equal(toolCommandAt(intents, T0 + 5_000, T0 + 4_000), undefined, 'the user typed after it started');
    assert.equal(toolCommandAt(intents, T0 + TOOL_COMMAND_MAX_MS + 1, Number.NEGATIVE_INFINITY), undefined);
  });

  it('a chat editing session ends when its documents close, not only by its timer', () => {
    const intents = log(['chatEditingActive', T0, ANY_DOCUMENT]);
    assert.equal(isChatEditingAt(intents, DOC, T0 + 500), true);
    intents.record(intent('chatEditingEnded', T0 + 600, ANY_DOCUMENT));
    assert.equal(isChatEditingAt(intents, DOC, T0 + 700), false);
    intents.record(intent('chatEditingActive', T0 + 800, ANY_DOCUMENT));
    assert.equal(isChatEditingAt(intents, DOC, T0 + 900), true, 'a new session');
  });

  it('a chat request explains edits for a while after it', () => {
    const intents = log(['chatRequest', T0, ANY_DOCUMENT]);
    assert.equal(isChatRequestAt(intents, DOC, T0 + CHAT_REQUEST_WINDOW_MS), true);
    assert.equal(isChatRequestAt(intents, DOC, T0 + CHAT_REQUEST_WINDOW_MS + 1), false);
  });

  it('a chat request\'s window ends once the chat\'s editing session shows activity in any document', () => {
    const intents = log(['chatRequest', T0, ANY_DOCUMENT], ['chatEditingActive', T0 + 800, OTHER_DOC]);
    assert.equal(isChatRequestAt(intents, DOC, T0 + 500), true, 'before the session shows activity');
    assert.equal(isChatRequestAt(intents, DOC, T0 + 5_000), false, 'its edits are known by the session now');
    intents.record(intent('chatRequest', T0 + 6_000, ANY_DOCUMENT));
    assert.equal(isChatRequestAt(intents, DOC, T0 + 7_000), true, 'a new request');
  });

  it('the save window ends when the document is saved', () => {
    const intents = log(['save', T0]);
    assert.equal(isSavingAt(intents, DOC, T0 + 100), true);
    intents.record(intent('saved', T0 + 150));
    assert.equal(isSavingAt(intents, DOC, T0 + 200), false);
    assert.equal(isSavingAt(intents, OTHER_DOC, T0 + 100), false);
  });

  it('an accept followed by a click elsewhere explains no later edit', () => {
    const intents = log(['inlineAccept', T0], ['cursorMoved', T0 + 50]);
    assert.equal(takeAccept(intents, DOC, T0 + 100), undefined);
    const kept = log(['inlineAccept', T0]);
    assert.ok(takeAccept(kept, DOC, T0 + 100));
    assert.equal(takeAccept(kept, DOC, T0 + 200), undefined, 'one accept explains one edit');
    assert.equal(takeAccept(log(['inlineAccept', T0]), DOC, T0 + ACCEPT_INTENT_WINDOW_MS + 1), undefined);
  });

  it('a file change that the host found to be a save echo is no other program', () => {
    assert.equal(takeExternalChange(log(['fileChangedOnDisk', T0], ['fileChangeEchoed', T0 + 5]), DOC, T0 + 100), false);
    assert.equal(takeExternalChange(log(['fileChangeEchoed', T0 - 500], ['fileChangedOnDisk', T0]), DOC, T0 + 100), true, 'a change after the echo');
  });

  it('two writes reloaded at once are one reload: neither is left to claim the next edit (a tool\'s header)', () => {
    const intents = log(['fileChangedOnDisk', T0], ['fileChangedOnDisk', T0 + 140]);
    assert.equal(takeExternalChange(intents, DOC, T0 + 150), true, 'the reload');
    assert.equal(takeExternalChange(intents, DOC, T0 + 640), false, 'the header half a second later');
    assert.equal(takeExternalChange(log(['fileChangedOnDisk', T0]), OTHER_DOC, T0 + 100), false, 'another document\'s change explains nothing here');
  });

  it('keeping a chat\'s edits (its model catches up as the document is saved) ends the chat\'s editing of that document', () => {
    const kept = log(['chatEditingActive', T0 - 1_000], ['save', T0 - 50], ['saved', T0 - 25], ['chatEditingActive', T0]);
    assert.equal(isChatEditingAt(kept, DOC, T0 + 1_600), false, 'a tool\'s edit 1.6 s after the Keep');
    const savedBefore = log(['chatEditingActive', T0], ['saved', T0 + 60]);
    assert.equal(isChatEditingAt(savedBefore, DOC, T0 + 1_600), false, 'the save may come just after');
    const streaming = log(['chatEditingActive', T0], ['save', T0 + 300], ['saved', T0 + 320]);
    assert.equal(isChatEditingAt(streaming, DOC, T0 + 1_600), true, 'a save while the chat works is not a Keep');
    assert.equal(isChatEditingAt(log(['chatEditingActive', T0], ['saved', T0 + 10, OTHER_DOC]), DOC, T0 + 500), true, 'another document saved');
  });

  it('asking what happened around a past moment does not take it as the time now (the log is kept)', () => {
    const intents = log(['chatEditingActive', T0], ['fileChangedOnDisk', T0 + 2_500]);
    assert.equal(isChatEditingAt(intents, DOC, T0 + 2_900), true);
    assert.equal(takeExternalChange(intents, DOC, T0 + 2_900), true, 'the log was not cleared as if the clock went back');
  });

  it('a file created a moment ago', () => {
    assert.equal(takeCreation(log(['fileCreated', T0]), DOC, T0 + 1000), true);
    assert.equal(takeCreation(log(['fileCreated', T0]), OTHER_DOC, T0 + 1000), false);
  });
});

describe('stable path: a command the user ran wins over an open chat session', () => {
  it('Format Document while a chat session is still open is a tool\'s, not the chat\'s', () => {
    const intents = log(['chatEditingActive', T0 - 100, ANY_DOCUMENT], ['toolCommand', T0 - 50, ANY_DOCUMENT]);
    const format = fact({ changes: [insertAt(4, 0, MULTI_LINE_CODE)], cursors: [pos(1, 0)], wasDirty: true });
    const result = onlyStable(format, intents);
    assert.equal(result.category, 'tool', result.evidence.join(' '));
    assert.ok(result.evidence.includes('intent:toolCommand'));
  });

  it('without the command, the same edit during the chat session is the chat\'s', () => {
    const intents = log(['chatEditingActive', T0 - 100, ANY_DOCUMENT]);
    assert.equal(onlyStable(fact({ changes: [insertAt(4, 0, MULTI_LINE_CODE)], cursors: [pos(1, 0)] }), intents).category, 'aiChat');
  });
});

describe('list settings and extension lists', () => {
  it('reads lists trimmed, without empty, repeated, overlong or non-string entries', () => {
    assert.deepEqual(cleanStringList([' a.b ', '', 'a.b', 7, null, 'x'.repeat(201), 'c.d']), ['a.b', 'c.d']);
    assert.deepEqual(readSetting('detection.aiExtensions', 'not a list'), settingDefault('detection.aiExtensions'));
    assert.deepEqual(readSetting('detection.aiExtensions', []), []);
  });

  it('an AI extension counts when installed, unless it is listed as a tool too; ids compare without case', () => {
    assert.equal(someAiExtension(['GitHub.Copilot'], ['github.copilot'], []), true);
    assert.equal(someAiExtension(['github.copilot'], ['github.copilot'], ['GITHUB.copilot']), false);
    assert.equal(someAiExtension(['esbenp.prettier-vscode'], ['github.copilot'], []), false);
  });
});
