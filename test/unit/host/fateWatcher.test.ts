import * as assert from 'node:assert/strict';
import type { Attribution, ChangeFact, EditFact } from '../../../src/core/attribution/types';
import type { Category } from '../../../src/core/categories';
import type { FateSettlement } from '../../../src/core/fate/fateTracker';
import { calendarOf } from '../../../src/core/calendar';
import { FateWatcher } from '../../../src/host/fateWatcher';
import { WorkspaceHistory } from '../../../src/host/workspaceHistory';
import { FakeUri, fakeExtensionContext, installFakeVscode, type FakeVscode } from '../../support/fakeVscode';
import { FakeTime } from '../history/fakes';

const T0 = Date.UTC(2026, 11, 2, 9);
const HORIZON = 60_000;
const KEY = 'file:///a.ts';

/** The facts and attributions the change watcher would hand over for one single-change event. */
function event(watcher: FateWatcher, at: number, category: Category, rangeOffset: number, rangeLength: number, text: string): void {
  const change: ChangeFact = { start: { line: 0, character: rangeOffset }, end: { line: 0, character: rangeOffset + rangeLength }, rangeLength, rangeOffset, text };
  const fact = { at, documentKey: KEY, changes: [change] } as unknown as EditFact;
  watcher.noteFact(fact);
  const attribution: Attribution = { at, category, confidence: 'exact', chars: text.length, deleted: rangeLength, languageId: 'typescript', evidence: [] };
  watcher.observe(attribution);
}

describe('host: FateWatcher (what became of AI text, from the change watcher’s facts)', function () {
  let vscode: FakeVscode;
  let time: FakeTime;
  let settled: FateSettlement[];
  let leads: string[];
  let watcher: FateWatcher;

  beforeEach(function () {
    vscode = installFakeVscode();
    time = new FakeTime(T0);
    settled = [];
    leads = [];
    watcher = new FateWatcher({
      clock: time,
      horizonMs: HORIZON,
      sink: {
        recordFate: (s) => settled.push(s),
        noteLead: (key, a) => leads.push(`${key}:${a.category}:${a.chars}`),
        settleLeads: (now) => leads.push(now === undefined ? 'settle all' : 'settle due'),
      },
    });
  });

  afterEach(function () {
    watcher.dispose();
  });

  it('follows an AI insert through later typing and counts it at the horizon', function () {
    event(watcher, T0, 'aiInline', 0, 0, 'return items.length;');
    event(watcher, T0 + 1000, 'typed', 7, 5, 'e'); // typed over "items"
    event(watcher, T0 + 2000, 'typed', 8, 7, ''); // deleted ".length"
    assert.equal(watcher.pending(T0, T0), 20);
    assert.deepEqual(settled, []);
    event(watcher, T0 + HORIZON, 'typed', 0, 0, 'x'); // the next edit after the horizon settles it
    assert.deepEqual(settled, [{ at: T0, kept: 8, reworked: 1, removed: 11 }]);
    assert.equal(watcher.pending(0, Number.MAX_SAFE_INTEGER), 0);
  });

  it('passes every attribution on for who led, and ends the session’s leads at close', function () {
    event(watcher, T0, 'typed', 0, 0, 'a');
    event(watcher, T0 + 1, 'aiChat', 1, 0, 'bcd');
    watcher.settleAll();
    assert.deepEqual(leads, [`${KEY}:typed:1`, `${KEY}:aiChat:3`, 'settle all']);
    assert.deepEqual(settled, [{ at: T0 + 1, kept: 3, reworked: 0, removed: 0 }]);
  });

  it('pairs attributions with the fact’s changes only (a stray one is ignored)', function () {
    event(watcher, T0, 'aiInline', 0, 0, 'abc');
    watcher.observe({ at: T0 + 5, category: 'typed', confidence: 'exact', chars: 0, deleted: 3, languageId: 'typescript', evidence: [] });
    watcher.settleAll();
    assert.deepEqual(settled, [{ at: T0, kept: 3, reworked: 0, removed: 0 }]);
  });

  it('follows an agent’s first pieces, decided a tool’s, and counts them once its action is decided AI', function () {
    const change: ChangeFact = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 }, rangeLength: 0, rangeOffset: 0, text: 'abcd' };
    watcher.noteFact({ at: T0, documentKey: KEY, changes: [change] } as unknown as EditFact);
    const first: Attribution = { at: T0, category: 'tool', confidence: 'estimated', chars: 4, deleted: 0, languageId: 'typescript', evidence: ['action:oneShot'] };
    watcher.observe(first);
    assert.equal(watcher.pending(0, Number.MAX_SAFE_INTEGER), 0);
    watcher.reclassify(first, { ...first, category: 'aiChat', evidence: ['action:streamed'] });
    assert.equal(watcher.pending(0, Number.MAX_SAFE_INTEGER), 4);
    assert.deepEqual(leads, [`${KEY}:tool:4`, `${KEY}:aiChat:4`], 'its characters now count for the AI in who led');
    watcher.settleAll();
    assert.deepEqual(settled, [{ at: T0, kept: 4, reworked: 0, removed: 0 }]);
  });

  it('the workspace history shows what is pending in its snapshot, and Delete All Data forgets it uncounted', async function () {
    const history = new WorkspaceHistory(fakeExtensionContext() as never, calendarOf(time, () => 0), vscode.window.createOutputChannel() as never);
    await history.whenLoaded();
    history.followed = watcher;
    event(watcher, T0, 'aiInline', 0, 0, 'abcdef');
    assert.equal(history.getSnapshot().today.aiFate.pending, 6);
    await history.deleteAll();
    assert.deepEqual(history.getSnapshot().today.aiFate, { kept: 0, reworked: 0, removed: 0, pending: 0 });
    watcher.settleAll();
    assert.deepEqual(settled, [], 'nothing of the deleted data comes back');
    history.dispose();
  });

  it('counts a closed document as it was, and measures CRLF documents in characters', function () {
    vscode.onDidChangeTextDocument.fire({ document: { uri: FakeUri.file('/a.ts'), eol: vscode.EndOfLine.CRLF } });
    const text = 'one\r\ntwo\r\n';
    const change: ChangeFact = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 }, rangeLength: 0, rangeOffset: 0, text };
    watcher.noteFact({ at: T0, documentKey: KEY, changes: [change] } as unknown as EditFact);
    watcher.observe({ at: T0, category: 'aiChat', confidence: 'exact', chars: 8, deleted: 0, languageId: 'typescript', evidence: [] });
    const join: ChangeFact = { start: { line: 0, character: 3 }, end: { line: 1, character: 0 }, rangeLength: 2, rangeOffset: 3, text: '' };
    watcher.noteFact({ at: T0 + 1, documentKey: KEY, changes: [join] } as unknown as EditFact);
    watcher.observe({ at: T0 + 1, category: 'typed', confidence: 'exact', chars: 0, deleted: 2, languageId: 'typescript', evidence: [] });
    vscode.onDidCloseTextDocument.fire({ uri: FakeUri.file('/a.ts') });
    event(watcher, T0 + 2, 'typed', 0, 4, ''); // after closing: no longer followed
    watcher.settleAll();
    assert.deepEqual(settled, [{ at: T0, kept: 7, reworked: 0, removed: 1 }]);
  });
});
