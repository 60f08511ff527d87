import * as assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { api, eventually, freshEditor, typeText } from './extension';

describe('History and status bar (in the extension host)', function () {
  let folder: string;

  before(async function () {
    folder = await mkdtemp(join(tmpdir(), 'ownership-ratio-host-'));
  });

  it('backs up the history to a versioned JSON file', async function () {
    const ownershipApi = await api();
    await freshEditor();
    await typeText('backup');
    await eventually(() => ownershipApi.getSnapshot().today.chars.typed, (typed) => typed >= 6);
    const target = vscode.Uri.file(join(folder, 'backup.json'));
    await vscode.commands.executeCommand('ownershipRatio.backup', target);
    const backup = JSON.parse(await readFile(target.fsPath, 'utf8')) as { v: number; k: string; d: Record<string, unknown> };
    assert.equal(backup.v, 2, 'the history format this release writes');
    assert.equal(backup.k, 'ownership-ratio-backup');
    assert.ok(Object.keys(backup.d).includes(ownershipApi.getSnapshot().today.date));
  });

  it('carries the reflections in a backup, and a restore merges them by day without duplicates', async function () {
    const source = join(folder, 'with-reflections.json');
    const entry = { date: '2001-02-03', ratings: { energy: 4 }, answers: { proud: 'restored words' }, updated: 1 };
    await writeFile(source, JSON.stringify({ v: 1, k: 'ownership-ratio-backup', t: 1, d: {}, s: {}, r: { v: 1, e: { '2001-02-03': entry } } }));
    assert.equal(await vscode.commands.executeCommand<boolean>('ownershipRatio.restore', vscode.Uri.file(source)), true);
    assert.equal(await vscode.commands.executeCommand<boolean>('ownershipRatio.restore', vscode.Uri.file(source)), true);
    const target = vscode.Uri.file(join(folder, 'backup-with-reflections.json'));
    await vscode.commands.executeCommand('ownershipRatio.backup', target);
    const backup = JSON.parse(await readFile(target.fsPath, 'utf8')) as { r?: { v: number; e: Record<string, unknown> } };
    assert.equal(backup.r?.v, 1);
    assert.deepEqual(Object.keys(backup.r?.e ?? {}).filter((day) => day === '2001-02-03'), ['2001-02-03']);
    assert.deepEqual(backup.r?.e['2001-02-03'], entry);
  });

  it('refuses to restore a damaged file and changes nothing'
, async function () {
    const ownershipApi = await api();
    const before = ownershipApi.getSnapshot().today;
    const damaged = join(folder, 'damaged.json');
    await writeFile(damaged, '{"v": 1, "k": "ownership-ratio-backup", "d": ');
    const restored = await vscode.commands.executeCommand<boolean>('ownershipRatio.restore', vscode.Uri.file(damaged));
    assert.equal(restored, false);
    assert.deepEqual(ownershipApi.getSnapshot().today, before);
  });

  it('shows the period chosen in the settings', async function () {
    const ownershipApi = await api();
    const configuration = vscode.workspace.getConfiguration('ownershipRatio');
    try {
      await configuration.update('statusBar.period', 'last7Days', vscode.ConfigurationTarget.Global);
      const state = await eventually(() => ownershipApi.getStatusBar(), (value) => value.tooltip.includes('the last 7 days'));
      assert.match(state.tooltip, /Ownership Ratio — the last 7 days/);
    } finally {
      await configuration.update('statusBar.period', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('hides the status bar item when disabled', async function () {
    const ownershipApi = await api();
    const configuration = vscode.workspace.getConfiguration('ownershipRatio');
    try {
      await configuration.update('statusBar.enabled', false, vscode.ConfigurationTarget.Global);
      assert.equal((await eventually(() => ownershipApi.getStatusBar(), (value) => !value.visible)).visible, false);
    } finally {
      await configuration.update('statusBar.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.equal((await eventually(() => ownershipApi.getStatusBar(), (value) => value.visible)).visible, true);
  });
});
