import * as assert from 'node:assert/strict';
import type { Attribution } from '../../../src/core/attribution/types';
import { calendarOf } from '../../../src/core/calendar';
import { parseWindowRecord } from '../../../src/core/history/schema';
import { WorkspaceHistory } from '../../../src/host/workspaceHistory';
import { fakeExtensionContext, installFakeVscode } from '../../support/fakeVscode';
import { FakeTime } from '../history/fakes';

const NOW = Date.parse('2026-03-10T10:00:00Z');

function aiChat(at: number, chars: number, evidence: readonly string[]): Attribution {
  return { at, category: 'aiChat', confidence: 'estimated', chars, deleted: 0, languageId: 'typescript', evidence };
}

describe('Host: the workspace history', function () {
  it('moves a re-decided piece between AI chat sources, tells the views, and stores the split', async function () {
    const vscode = installFakeVscode();
    const time = new FakeTime(NOW);
    const context = fakeExtensionContext();
    const history = new WorkspaceHistory(context as never, calendarOf(time, () => 0), vscode.window.createOutputChannel() as never);
    await history.whenLoaded();
    let changes = 0;
    const listener = history.onDidChange(() => changes++);
    const piece = aiChat(NOW, 40, ['action:streamed']);
    history.record(piece);
    history.replace(piece, { ...piece, evidence: ['terminal:claude'] });
    assert.equal(changes, 2);
    assert.deepEqual(history.getSnapshot().today.aiChatBy, { chat: 0, extension: 0, terminal: 40 });
    assert.deepEqual(history.lastDays(7).aiChatBy, { chat: 0, extension: 0, terminal: 40 });
    listener.dispose();
    await history.close();
    const key = context.workspaceState.keys().find((k) => k.startsWith('history.w.'));
    assert.ok(key);
    const stored = parseWindowRecord(context.workspaceState.get(key));
    assert.equal(stored.kind, 'ok');
    if (stored.kind === 'ok') {
      assert.deepEqual(stored.value.history.d['2026-03-10'].ab, [0, 0, 40]);
    }
  });
});
