import * as assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { delay, openFileIn, Workbench } from './workbench';

/** A pause this long lets the extension save right away (it saves when typing pauses for 3 s). */
const PAUSE_TO_SAVE_MS = 4_000;
/** Each window reads the records the others share this often (and when it gets the focus). */
const OTHER_WINDOWS_REFRESH_MS = 6_000;

/** Every file under `folder`, as paths relative to it. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1)).sort();
}

/*
 * Delete All Data with two windows open on one folder, as a user would run it: the other window's
 * counts from before the deletion must not come back, neither from its memory nor from its file.
 */
describe('Delete All Data with two windows (real workbench)', function () {
  let workbench: Workbench;
  let failed = false;

  before(async function () {
    this.timeout(180_000);
    workbench = await Workbench.open({ name: 'ui-delete-all', files: { 'one.js': '', 'two.js': '' } });
  });

  afterEach(function () {
    failed ||= this.currentTest?.state === 'failed';
  });

  after(async function () {
    this.timeout(30_000);
    await workbench?.close(failed);
  });

  it('deletes both windows\' counts; the other window counts on from zero and writes nothing from before', async function () {
    this.timeout(240_000);
    await workbench.openFile('one.js');
    await workbench.page.keyboard.type('first window');
    const second = await workbench.openSecondWindow();
    try {
      await second.bringToFront();
      await openFileIn(second, 'two.js');
      await second.keyboard.type('second window');
      await delay(PAUSE_TO_SAVE_MS);

      await workbench.page.bringToFront();
      await workbench.runCommand('Ownership Ratio: Delete All Data…');
      const dialog = workbench.page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 10_000 });
      await dialog.locator('.monaco-button', { hasText: 'Delete All Data' }).click();
      await workbench.waitFor(() => workbench.snapshot(), (snapshot) => snapshot.today.chars.typed === 0, 10_000);

      // The other window goes on: once it has seen the deletion (at the latest at its next reading
      // of the other windows' records; headless pages get no focus event to read them at once),
      // what it types counts and what it had counted before does not.
      await delay(OTHER_WINDOWS_REFRESH_MS);
      await second.bringToFront();
      await second.locator('.editor-group-container.active .monaco-editor .view-lines').first().click({ force: true });
      await second.keyboard.type('after');
      const windows = join(await workbench.storageFolder(), 'windows');
      await workbench.waitFor(() => filesUnder(windows), (names) => names.some((name) => name.startsWith('history.w.') && !name.endsWith('.deleted.json')), 30_000);
      await second.close();

      await workbench.page.bringToFront();
      await workbench.reload();
      const after = await workbench.waitFor(() => workbench.snapshot(), (snapshot) => snapshot.today.chars.typed === 'after'.length, 20_000);
      assert.equal(after.today.chars.typed, 'after'.length, JSON.stringify(after.today.chars));
      const storage = await filesUnder(join(workbench.server.userDataDir, 'User', 'workspaceStorage'));
      assert.equal(storage.filter((path) => path.includes('history-backup.json.') || path.includes('/quarantine/')).length, 0, storage.join('\n'));
    } finally {
      await second.close().catch(() => undefined);
    }
  });
});
