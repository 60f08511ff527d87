import * as assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
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
});
