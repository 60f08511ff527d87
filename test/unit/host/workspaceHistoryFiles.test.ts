import * as assert from 'node:assert/strict';
import { calendarOf } from '../../../src/core/calendar';
import { BACKUP_FILE } from '../../../src/core/storageKeys';
import { WorkspaceHistory } from '../../../src/host/workspaceHistory';
import { fakeExtensionContext, FakeUri, installFakeVscode, type FakeVscode } from '../../support/fakeVscode';
import { FakeTime } from '../history/fakes';

describe('Host: the workspace history\'s backup file', function () {
  let vscode: FakeVscode;
  beforeEach(function () {
    vscode = installFakeVscode();
  });

  it('after a downgrade (a newer version\'s history, read-only) the backup file is never rewritten, not even on close', async function () {
    // A file system of the fake, not the disk: `memfs:`.
    const context = { ...fakeExtensionContext(), storageUri: new FakeUri('memfs', '/storage/workspace') };
    const backupUri = FakeUri.joinPath(context.storageUri, BACKUP_FILE);
    const newer = new TextEncoder().encode(JSON.stringify({ v: 3, k: 'ownership-ratio-backup', t: 1, everything: 'a newer version wrote' }));
    await vscode.fs.writeFile(backupUri, newer);
    await context.workspaceState.update('history.w.newer', { v: 3, w: 'newer', t: 1 });
    const time = new FakeTime(Date.UTC(2026, 2, 10, 10));
    const history = new WorkspaceHistory(context as never, calendarOf(time, () => 0), vscode.window.createOutputChannel() as never);
    await history.whenLoaded();
    assert.equal(history.store.mode, 'readOnly');
    history.record({ at: time.now(), category: 'typed', confidence: 'exact', chars: 3, deleted: 0, languageId: 'plaintext', evidence: [] });
    await history.close();
    assert.deepEqual(await vscode.fs.readFile(backupUri), newer);
  });
});
