import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CATEGORIES } from '../../src/core/categories';
import type { Snapshot, SnapshotV1 } from '../../src/core/history/snapshot';
import { api, eventually, EXTENSION_ID, freshEditor, typeText } from './extension';

describe('Foundation (in the extension host)', function () {
  it('activates on startup and returns its read-only API', async function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'extension not found');
    const ownershipApi = await api();
    assert.equal(extension.isActive, true);
    assert.equal(typeof ownershipApi.getSnapshot, 'function');
    assert.equal(typeof ownershipApi.onDidChange, 'function');
    assert.match(extension.extensionPath, /./);
    assert.equal(extension.packageJSON.main, './dist/extension.js');
  });

  it('runs the installed package (not the source folder) where the harness installed one', function () {
    const installedAs = process.env.OWNERSHIP_TEST_INSTALLED_AS;
    if (!installedAs) {
      // Desktop runs (`npm run test:desktop`, F5) load the source folder on purpose.
      this.skip();
    }
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'extension not found');
    assert.equal(extension.extensionUri.path.split('/').pop(), installedAs);
  });

  it('counts typed characters as typed', async function () {
    const ownershipApi = await api();
    await freshEditor();
    const before = ownershipApi.getSnapshot().today.chars.typed;
    await typeText('hello');
    const after = await eventually(() => ownershipApi.getSnapshot().today.chars.typed, (typed) => typed === before + 5);
    assert.equal(after, before + 5);
  });

  it('shows the status bar item with today\'s share', async function () {
    const ownershipApi = await api();
    await freshEditor();
    await typeText('abc');
    const status = await eventually(() => ownershipApi.getStatusBar(), (state) => /% yours$/.test(state.text), 2_000);
    assert.equal(status.visible, true);
    assert.match(status.text, /^\$\(person\) \d+% yours$/);
    assert.match(status.tooltip, /command:ownershipRatio\.openDashboard/);
  });

  it('updates the status bar within a second of the last edit, timed on the extension host\'s clock', async function () {
    const ownershipApi = await api();
    await freshEditor();
    const before = ownershipApi.getSnapshot().today.chars.typed;
    const typedRow = (typed: number) => `| Typed (yours) | ${typed.toLocaleString()} |`;
    // This suite's own probe, in the same extension host: when the tooltip first shows the final count.
    let shownAt = 0;
    const probe = setInterval(() => {
      if (shownAt === 0 && ownershipApi.getStatusBar().tooltip.includes(typedRow(before + 12))) {
        shownAt = Date.now();
      }
    }, 5);
    try {
      await typeText('let total=1;');
      await eventually(() => shownAt, (value) => value > 0, 5_000);
    } finally {
      clearInterval(probe);
    }
    const snapshot = ownershipApi.getSnapshot();
    assert.equal(snapshot.today.chars.typed, before + 12);
    const latency = shownAt - snapshot.recent[snapshot.recent.length - 1].at;
    assert.ok(shownAt > 0 && latency >= 0 && latency < 1_000, `the status bar showed the last edit ${latency} ms after it`);
  });

  it('does not count edits to the editor\'s own user data files (plain files on some hosts)', async function () {
    const ownershipApi = await api();
    // Where the user's settings live (a plain file: URI on code-server); a snippets file there is
    // the same kind of document, and editing it leaves the settings themselves alone.
    await vscode.commands.executeCommand('workbench.action.openSettingsJson');
    const settings = await eventually(() => vscode.window.activeTextEditor, (active) => active?.document.fileName.endsWith('settings.json') === true);
    assert.ok(settings, 'the user settings file opened');
    const snippetsFile = vscode.Uri.joinPath(settings.document.uri, '..', 'snippets', 'ownership-ratio-test.code-snippets');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.writeFile(snippetsFile, new TextEncoder().encode('{}\n'));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(snippetsFile));
    try {
      const before = ownershipApi.getSnapshot();
      // A probe that would count if this document counted: typing, and an edit applied by an extension.
      await typeText('// ');
      await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), '// edited by an extension\n'));
      // A counted document afterwards proves the watcher was still listening.
      await freshEditor();
      await typeText('ok');
      const after = await eventually(() => ownershipApi.getSnapshot(), (snapshot) => snapshot.today.chars.typed === before.today.chars.typed + 2);
      assert.deepEqual(after.today.chars, { ...before.today.chars, typed: before.today.chars.typed + 2 }, `${snippetsFile.scheme}: ${snippetsFile.path}`);
    } finally {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(snippetsFile).then(undefined, () => undefined);
    }
  });

  it('answers the snapshot command with the documented shape', async function () {
    const snapshot = await vscode.commands.executeCommand<Snapshot>('ownershipRatio.snapshot');
    assert.equal(snapshot.version, 2);
    for (const part of [snapshot.session, snapshot.today]) {
      assert.deepEqual(Object.keys(part.aiFate).sort(), ['kept', 'pending', 'removed', 'reworked']);
      for (const lead of [part.lead, part.leadSessions, part.leadChars]) {
        assert.deepEqual(Object.keys(lead).sort(), ['ai', 'mixed', 'you']);
      }
      assert.deepEqual(Object.keys(part.chars).sort(), [...CATEGORIES].sort());
      assert.equal(typeof part.estimatedAiChars, 'number');
      assert.deepEqual(Object.keys(part.aiChatBy), ['chat', 'extension', 'terminal']);
      assert.ok(Object.values(part.aiChatBy).every((n) => Number.isSafeInteger(n) && n >= 0));
      assert.ok(part.aiChatBy.chat + part.aiChatBy.extension + part.aiChatBy.terminal <= part.chars.aiChat);
      assert.ok(part.ownershipRatio === null || (part.ownershipRatio >= 0 && part.ownershipRatio <= 1));
    }
    assert.match(snapshot.today.date, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(Array.isArray(snapshot.recent));
    assert.deepEqual(JSON.parse(JSON.stringify(snapshot)), snapshot, 'the snapshot is plain JSON');
  });

  it('still serves version 1 of the snapshot on request (deprecated), through the API and the command', async function () {
    const ownershipApi = await api();
    const old = ownershipApi.getSnapshot({ version: 1 });
    const fromCommand = await vscode.commands.executeCommand<SnapshotV1>('ownershipRatio.snapshot', { version: 1 });
    for (const snapshot of [old, fromCommand]) {
      assert.equal(snapshot.version, 1);
      const outcome = ['aiFate', 'lead', 'leadSessions', 'leadChars'];
      assert.deepEqual([snapshot.today, snapshot.session].flatMap((span) => outcome.filter((key) => key in span)), [], 'no outcome field in version 1');
      assert.deepEqual(Object.keys(snapshot.today.chars).sort(), [...CATEGORIES].sort());
    }
  });
});
