import * as assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import * as vscode from 'vscode';
import { DAILY_COLUMNS, SESSION_COLUMNS } from '../../src/core/export/csv';
import { parseRecords, parseTable } from '../unit/export/rfc4180';
import { api, eventually, freshEditor, typeText } from './extension';

/** Exports one kind to a file and returns its text (BOM included). */
async function exportOne(kind: 'daily' | 'sessions' | 'reflections', target: string): Promise<string> {
  const written = await vscode.commands.executeCommand<vscode.Uri[] | undefined>('ownershipRatio.exportCsv', { kind, target: vscode.Uri.file(target) });
  assert.equal(written?.length, 1, `export of ${kind} failed`);
  return readFile(target, 'utf8');
}

function withoutBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

describe('CSV export, backup and restore, delete all data (in the extension host)', function () {
  let folder: string;

  before(async function () {
    folder = await mkdtemp(join(tmpdir(), 'ownership-ratio-export-'));
  });

  it('exports all three files to a folder, matching the snapshot', async function () {
    const ownershipApi = await api();
    await freshEditor();
    await typeText('export me');
    await eventually(() => ownershipApi.getSnapshot().today.chars.typed, (typed) => typed >= 9);
    const snapshot = ownershipApi.getSnapshot();
    const out = join(folder, 'all');
    await mkdir(out);
    const written = await vscode.commands.executeCommand<vscode.Uri[] | undefined>('ownershipRatio.exportCsv', { kind: 'all', target: vscode.Uri.file(out) });
    assert.equal(written?.length, 3);
    const names = (await readdir(out)).sort();
    assert.deepEqual(names, written.map((uri) => basename(uri.fsPath)).sort());
    assert.ok(names.every((name) => /^ownership-ratio-(daily|sessions|reflections)-\d{4}-\d\d-\d\d\.csv$/.test(name)), names.join());

    const [daily, sessions, reflections] = ['daily', 'sessions', 'reflections'].map((kind) => written.find((uri) => uri.fsPath.includes(`-${kind}-`)) as vscode.Uri);
    const dailyText = await readFile(daily.fsPath, 'utf8');
    assert.ok(dailyText.startsWith('\uFEFF'), 'UTF-8 BOM by default');
    const { header } = parseTable(withoutBom(dailyText));
    assert.deepEqual(header, [...DAILY_COLUMNS]);
    const today = parseRecords(withoutBom(dailyText)).find((row) => row.date === snapshot.today.date);
    assert.ok(today, 'a row for today');
    assert.equal(Number(today.typed), snapshot.today.chars.typed);
    assert.equal(Number(today.ai_inline), snapshot.today.chars.aiInline);
    assert.equal(Number(today.ai_chat), snapshot.today.chars.aiChat);
    assert.equal(Number(today.paste), snapshot.today.chars.paste);
    assert.equal(Number(today.estimated_ai_chars), snapshot.today.estimatedAiChars);
    // Counted by this version, today is split by source: the three add up to ai_chat.
    assert.equal(Number(today.ai_chat_chat), snapshot.today.aiChatBy.chat);
    assert.equal(Number(today.ai_chat_extension), snapshot.today.aiChatBy.extension);
    assert.equal(Number(today.ai_chat_terminal), snapshot.today.aiChatBy.terminal);
    if (snapshot.today.ownershipRatio !== null) {
      assert.ok(Math.abs(Number(today.ownership_ratio) - snapshot.today.ownershipRatio) <= 0.00005);
    }

    const sessionRows = parseRecords(withoutBom(await readFile(sessions.fsPath, 'utf8')));
    assert.deepEqual(parseTable(withoutBom(await readFile(sessions.fsPath, 'utf8'))).header, [...SESSION_COLUMNS]);
    const session = sessionRows.find((row) => row.session_id === snapshot.session.id);
    assert.ok(session, 'the current session is exported');
    assert.equal(Number(session.typed), snapshot.session.chars.typed);
    assert.equal(session.start, snapshot.session.start);
    assert.match(session.end, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);

    const reflectionHeader = parseTable(withoutBom(await readFile(reflections.fsPath, 'utf8'))).header;
    assert.equal(reflectionHeader[0], 'date');
    assert.equal(reflectionHeader[reflectionHeader.length - 1], 'updated_at');
  });

  it('uses the delimiter and BOM settings', async function () {
    const configuration = vscode.workspace.getConfiguration('ownershipRatio');
    try {
      await configuration.update('export.delimiter', 'semicolon', vscode.ConfigurationTarget.Global);
      await configuration.update('export.bom', false, vscode.ConfigurationTarget.Global);
      const text = await exportOne('daily', join(folder, 'semicolon.csv'));
      assert.ok(!text.startsWith('\uFEFF'));
      assert.equal(text.split('\r\n')[0], DAILY_COLUMNS.join(';'));
      assert.ok(parseRecords(text, ';').length > 0);
    } finally {
      await configuration.update('export.delimiter', undefined, vscode.ConfigurationTarget.Global);
      await configuration.update('export.bom', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('cancelling the choice writes nothing and returns undefined', async function () {
    const pending = vscode.commands.executeCommand<vscode.Uri[] | undefined>('ownershipRatio.exportCsv');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await pending, undefined);
  });

  it('a folder at the target is never replaced; the message says why and no temporary file stays', async function () {
    const target = join(folder, 'occupied.csv');
    await mkdir(target);
    await writeFile(join(target, 'keep.txt'), 'keep');
    const written = await vscode.commands.executeCommand<vscode.Uri[] | undefined>('ownershipRatio.exportCsv', { kind: 'daily', target: vscode.Uri.file(target) });
    assert.deepEqual(written, []);
    assert.equal(await readFile(join(target, 'keep.txt'), 'utf8'), 'keep');
    assert.deepEqual((await readdir(folder)).filter((name) => name.endsWith('.tmp')), []);
  });

  it('a write that fails leaves the existing files as they were', async function () {
    // The parent "folder" is a file: creating the temporary file fails, even for root.
    const blocker = join(folder, 'blocker.csv');
    await writeFile(blocker, 'old content');
    const written = await vscode.commands.executeCommand<vscode.Uri[] | undefined>('ownershipRatio.exportCsv', { kind: 'all', target: vscode.Uri.file(blocker) });
    assert.deepEqual(written, []);
    assert.equal(await readFile(blocker, 'utf8'), 'old content');
  });

  it('a read-only file at the target is never replaced; nothing is written and the file stays read-only', async function () {
    const target = join(folder, 'read-only.csv');
    await writeFile(target, 'mine, read-only');
    await chmod(target, 0o444);
    const written = await vscode.commands.executeCommand<vscode.Uri[] | undefined>('ownershipRatio.exportCsv', { kind: 'daily', target: vscode.Uri.file(target) });
    assert.deepEqual(written, []);
    assert.equal(await readFile(target, 'utf8'), 'mine, read-only');
    assert.equal((await stat(target)).mode & 0o777, 0o444);
    assert.deepEqual((await readdir(folder)).filter((name) => name.endsWith('.tmp')), []);
  });

  it('restoring a damaged file changes nothing', async function () {
    const before = await exportOne('daily', join(folder, 'before-damaged.csv'));
    const damaged = join(folder, 'damaged-backup.json');
    await writeFile(damaged, '{"v": 1, "k": "ownership-ratio-backup", "d": {"2025-01-01": {"c": ["x"]}}, "s": ');
    assert.equal(await vscode.commands.executeCommand<boolean>('ownershipRatio.restore', vscode.Uri.file(damaged)), false);
    const after = await exportOne('daily', join(folder, 'after-damaged.csv'));
    assert.equal(after, before);
  });

  it('backup, delete all data, restore: the same history comes back', async function () {
    const ownershipApi = await api();
    await freshEditor();
    await typeText('round trip');
    await eventually(() => ownershipApi.getSnapshot().today.chars.typed, (typed) => typed >= 10);
    const dailyBefore = await exportOne('daily', join(folder, 'daily-before.csv'));
    const sessionsBefore = await exportOne('sessions', join(folder, 'sessions-before.csv'));
    assert.ok(parseRecords(withoutBom(dailyBefore)).length > 0);
    const backup = vscode.Uri.file(join(folder, 'round-trip-backup.json'));
    await vscode.commands.executeCommand('ownershipRatio.backup', backup);

    assert.equal(await vscode.commands.executeCommand<boolean>('ownershipRatio.deleteAllData', { confirmed: true }), true);
    assert.equal(ownershipApi.getSnapshot().today.chars.typed, 0);
    assert.deepEqual(parseRecords(withoutBom(await exportOne('daily', join(folder, 'daily-empty.csv')))), [], 'header only');

    assert.equal(await vscode.commands.executeCommand<boolean>('ownershipRatio.restore', backup), true);
    assert.equal(await exportOne('daily', join(folder, 'daily-after.csv')), dailyBefore);
    assert.equal(await exportOne('sessions', join(folder, 'sessions-after.csv')), sessionsBefore);
  });
});
