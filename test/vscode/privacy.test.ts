import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { BACKUP_FILE, BEFORE_REMOVAL_FOLDER, REFLECTIONS_BACKUP_FILE, WINDOWS_FOLDER } from '../../src/core/storageKeys';
import { api, eventually, EXTENSION_ID, freshEditor, typeText } from './extension';

/** Typing pauses this long, and the extension has saved (it saves once typing pauses for 3 s). */
const PAUSE_TO_SAVE_MS = 4_500;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('Privacy (in the extension host)', function () {
  it('keeps counts only: typed or inserted text is in no backup, storage file or log of the extension', async function () {
    this.timeout(30_000);
    const userData = process.env.OWNERSHIP_TEST_USER_DATA;
    if (!userData) {
      // Only the code-server launcher says where the profile lives.
      this.skip();
    }
    const marker = `PrivateMarker${Date.now().toString(36)}`;
    const ownershipApi = await api();
    const before = ownershipApi.getSnapshot().today.chars;
    const editor = await freshEditor('', 'typescript');
    await typeText(`const ${marker} = 1;`);
    await editor.edit((builder) => builder.insert(editor.document.positionAt(editor.document.getText().length), `\n// ${marker}, inserted by an extension\n`));
    await eventually(() => ownershipApi.getSnapshot().today.chars, (chars) => chars.typed > before.typed && chars.tool + chars.aiChat > before.tool + before.aiChat);
    const backup = vscode.Uri.file(join(await mkdtemp(join(tmpdir(), 'ownership-ratio-privacy-')), 'backup.json'));
    await vscode.commands.executeCommand('ownershipRatio.backup', backup);
    await new Promise((resolve) => setTimeout(resolve, PAUSE_TO_SAVE_MS));

    // Everything the extension wrote: its storage folders (history copies, backup) and its log.
    const ours = (await filesUnder(userData as string)).filter((path) => path.includes(EXTENSION_ID));
    assert.ok(ours.some((path) => path.endsWith('.json')), `the extension stored its history in files: ${ours.join(', ')}`);
    assert.ok(ours.some((path) => path.endsWith('.log')), 'the extension has a log');
    for (const path of [backup.fsPath, ...ours]) {
      assert.ok(!(await readFile(path, 'utf8')).includes(marker), `${path} contains the text`);
    }
    assert.ok(!JSON.stringify(ownershipApi.getSnapshot()).includes(marker), 'the snapshot contains the text');
    assert.ok((await readFile(backup.fsPath, 'utf8')).includes(ownershipApi.getSnapshot().today.date), 'the backup holds today');
  });

  it('Delete All Data leaves no file of ours in the storage folders, and nothing is written back', async function () {
    this.timeout(30_000);
    const userData = process.env.OWNERSHIP_TEST_USER_DATA;
    if (!userData) {
      this.skip();
    }
    const ownershipApi = await api();
    await freshEditor('', 'typescript');
    await typeText('const kept = 1;');
    await eventually(() => ownershipApi.getSnapshot().today.chars.typed, (typed) => typed > 0);
    await new Promise((resolve) => setTimeout(resolve, PAUSE_TO_SAVE_MS));
    const stored = (await filesUnder(userData as string)).filter((path) => path.includes(EXTENSION_ID) && !path.endsWith('.log'));
    const record = stored.find((path) => basename(dirname(path)) === WINDOWS_FOLDER);
    assert.ok(record, `this window's copy of its counts is written: ${stored.join(', ')}`);
    // Beside it: a backup, a copy kept before a removal; and the reflections' copy in the global storage folder.
    const storageFolder = dirname(dirname(record));
    await writeFile(join(storageFolder, BACKUP_FILE), '{}');
    await mkdir(join(storageFolder, BEFORE_REMOVAL_FOLDER), { recursive: true });
    await writeFile(join(storageFolder, BEFORE_REMOVAL_FOLDER, '2001-01-01-1.json'), '{}');
    const globalFolder = join(userData as string, 'User', 'globalStorage', EXTENSION_ID);
    await mkdir(globalFolder, { recursive: true });
    await writeFile(join(globalFolder, REFLECTIONS_BACKUP_FILE), '{}');

    assert.equal(await vscode.commands.executeCommand<boolean>('ownershipRatio.deleteAllData', { confirmed: true }), true);
    await new Promise((resolve) => setTimeout(resolve, PAUSE_TO_SAVE_MS));
    const left = (await filesUnder(userData as string)).filter((path) => path.includes(EXTENSION_ID) && !path.endsWith('.log'));
    // Only the markers that tell other windows a record was deleted (so none writes it back): a time, no data.
    const markers = left.filter((path) => basename(dirname(path)) === WINDOWS_FOLDER && path.endsWith('.deleted.json'));
    assert.deepEqual(left.filter((path) => !markers.includes(path)), []);
    assert.ok(markers.length > 0, 'the deleted records are marked for the other windows');
    for (const path of markers) {
      assert.deepEqual(Object.keys(JSON.parse(await readFile(path, 'utf8')) as object), ['deletedAt'], path);
    }
  });
});
