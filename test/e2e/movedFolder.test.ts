import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WorkspaceIndex } from '../../src/core/history/workspaceIndex';
import { PROJECTS_FOLDER, WORKSPACE_INDEX_FILE } from '../../src/core/storageKeys';
import { globalStorageOf } from './profile';
import { sharedRun } from './sharedRun';
import { delay, Workbench } from './workbench';

const TYPED = 'const kept = true;';

async function readIndex(userDataDir: string): Promise<WorkspaceIndex | undefined> {
  const file = join(globalStorageOf(userDataDir), WORKSPACE_INDEX_FILE);
  return existsSync(file) ? JSON.parse(await readFile(file, 'utf8')) as WorkspaceIndex : undefined;
}

/** The names of the workspaces whose copies for All projects are on this profile. */
async function projectCopies(userDataDir: string): Promise<string[]> {
  const folder = join(globalStorageOf(userDataDir), PROJECTS_FOLDER);
  const files = (await readdir(folder).catch(() => [])).filter((name) => name.endsWith('.json'));
  const names = await Promise.all(files.map(async (name) => (JSON.parse(await readFile(join(folder, name), 'utf8').catch(() => '{}')) as { name?: string }).name ?? ''));
  return names.sort();
}

/*
 * VS Code keeps a workspace's storage under its folder's path: renamed, the folder starts with an
 * empty history. Two runs on one profile, the folder renamed between them, as a user would.
 */
describe('A renamed workspace folder (real workbench)', function () {
  const run = sharedRun('ui-renamed');

  it('offers its earlier history once and carries it over (a Git repository, known by its first commit)', async function () {
    this.timeout(300_000);
    const folder = join(run.runDir, 'shop');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'README.md'), '# Shop\n');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: folder, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'First commit');
    const first = run.workbench = await Workbench.open({ name: 'ui-renamed', runDir: run.runDir, folder: 'shop', files: { 'notes.js': '' } });
    await first.openFile('notes.js');
    await first.page.keyboard.type(TYPED);
    await first.waitFor(() => first.snapshot(), (snapshot) => snapshot.today.chars.typed >= TYPED.length);
    // The first pause in typing writes the backup, and the index learns that this folder has history.
    const userData = first.server.userDataDir;
    const told = await first.waitFor(() => readIndex(userData), (index) => index?.entries.some((entry) => entry.hasHistory && entry.identity.names.includes('shop')) === true, 20_000);
    assert.deepEqual(told?.entries.find((entry) => entry.hasHistory)?.identity.firstCommits, [git('rev-parse', 'HEAD').toString().trim()], JSON.stringify(told));
    assert.deepEqual(await first.waitFor(() => projectCopies(userData), (names) => names.includes('shop'), 20_000), ['shop']);
    await first.close();
    run.workbench = undefined;

    await rename(join(run.runDir, 'shop'), join(run.runDir, 'shop-renamed'));
    const second = run.workbench = await Workbench.open({ name: 'ui-renamed', runDir: run.runDir, folder: 'shop-renamed' });
    assert.equal((await second.snapshot()).today.chars.typed, 0, 'the renamed folder starts with VS Code\'s empty storage');
    const offer = await second.notification('before it was renamed or moved');
    await offer.locator('.monaco-button', { hasText: 'Carry Over' }).click();
    const carried = await second.waitFor(() => second.snapshot(), (snapshot) => snapshot.today.chars.typed >= TYPED.length, 20_000);
    assert.equal(carried.today.chars.typed, TYPED.length);
    const index = await readIndex(second.server.userDataDir);
    const old = index?.entries.find((entry) => entry.identity.names.includes('shop'));
    assert.ok(old?.offeredTo !== undefined, `the earlier history is marked as offered: ${JSON.stringify(index)}`);
    // All projects: the carried history counts once, under the new name (the old copy went with it).
    assert.deepEqual(await second.waitFor(() => projectCopies(second.server.userDataDir), (names) => names.join() === 'shop-renamed', 20_000), ['shop-renamed']);

    // Once: after a reload the carried history is here and nothing is offered again.
    await second.reload();
    await delay(3_000);
    await assert.rejects(second.notification('before it was renamed or moved', 2_000), /no notification/);
    assert.equal((await second.snapshot()).today.chars.typed, TYPED.length);
  });
});
