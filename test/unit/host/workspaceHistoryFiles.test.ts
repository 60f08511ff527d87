import * as assert from 'node:assert/strict';
import { calendarOf } from '../../../src/core/calendar';
import { parseBackup } from '../../../src/core/history/schema';
import { BACKUP_FILE, BEFORE_REMOVAL_FOLDER, BEFORE_REMOVAL_KEPT } from '../../../src/core/storageKeys';
import { STALE_TEMPORARY_MS } from '../../../src/host/atomicFile';
import { beforeRemovalFolder } from '../../../src/host/beforeRemovalFolder';
import { mirrorFolder } from '../../../src/host/mirrorFolder';
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

describe('Host: copies kept before history maintenance removes part of the history', function () {
  let vscode: FakeVscode;
  beforeEach(function () {
    vscode = installFakeVscode();
  });

  it('writes each copy to before-removal/<day>-<time>.json, readable as a backup, and keeps the newest seven', async function () {
    const storage = new FakeUri('memfs', '/storage/workspace');
    const time = new FakeTime(Date.UTC(2026, 2, 10, 10));
    const keep = beforeRemovalFolder(storage as never, calendarOf(time, () => 0));
    const backup = { v: 2 as const, k: 'ownership-ratio-backup' as const, t: time.now(), d: { '2026-03-01': { c: [5] } }, s: {} };
    for (let i = 0; i < 9; i++) {
      await keep({ ...backup, t: time.now() });
      await time.advance(24 * 60 * 60_000);
    }
    const folder = FakeUri.joinPath(storage, BEFORE_REMOVAL_FOLDER);
    const names = (await vscode.fs.readDirectory(folder)).map(([name]) => name).sort();
    assert.equal(names.length, BEFORE_REMOVAL_KEPT);
    assert.equal(names[0].startsWith('2026-03-12-'), true, names.join(', '));
    assert.equal(names[names.length - 1].startsWith('2026-03-18-'), true, names.join(', '));
    const newest = parseBackup(JSON.parse(new TextDecoder().decode(await vscode.fs.readFile(FakeUri.joinPath(folder, names[names.length - 1])))));
    assert.equal(newest.kind, 'ok');
  });
});

describe('Host: the folder where each window mirrors its history record', function () {
  let vscode: FakeVscode;
  beforeEach(function () {
    vscode = installFakeVscode();
  });

  it('removes what a write cut short by a crash left behind, once surely no window is writing it', async function () {
    const folder = new FakeUri('memfs', '/storage/workspace/windows');
    const now = Date.UTC(2026, 2, 10, 10);
    const put = (name: string, mtime: number): void => {
      vscode.fs.files.set(FakeUri.joinPath(folder, name).toString(), { data: new TextEncoder().encode('{}'), mtime });
    };
    put('winA.json', now - 60_000);
    put('winA.json.0123456789ab.tmp', now - 5_000); // another window writing now
    put('winB.json.abcdefabcdef.tmp', now - STALE_TEMPORARY_MS - 1); // a crash's leftover
    put('notes.tmp', now - STALE_TEMPORARY_MS - 1); // not one of ours
    const mirror = mirrorFolder(folder as never, { put: async () => undefined }, { now: () => now });
    assert.deepEqual((await mirror.list()).map((entry) => entry.name), ['winA.json']);
    await new Promise((resolve) => setTimeout(resolve, 10)); // the cleanup runs beside the listing
    assert.deepEqual([...vscode.fs.files.keys()].map((key) => key.slice(key.lastIndexOf('/') + 1)).sort(), ['notes.tmp', 'winA.json', 'winA.json.0123456789ab.tmp']);
  });
});
