import * as assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseProjectFile } from '../../src/core/history/projectTotals';
import { PROJECTS_FOLDER } from '../../src/core/storageKeys';
import { globalStorageOf } from './profile';
import { sharedRun } from './sharedRun';
import { Workbench } from './workbench';

const IN_ALPHA = 'const alpha = 1;';
const IN_BETA = 'let beta = 22;';

/** The copies for All projects on this profile: per file, the workspace's name and its characters typed today. */
async function copies(userDataDir: string): Promise<Array<{ file: string; name: string; typed: number }>> {
  const folder = join(globalStorageOf(userDataDir), PROJECTS_FOLDER);
  const names = (await readdir(folder).catch(() => [])).filter((name) => name.endsWith('.json'));
  const read = await Promise.all(names.map(async (file) => {
    const parsed = parseProjectFile(JSON.parse(await readFile(join(folder, file), 'utf8').catch(() => 'null')));
    return parsed.ok ? { file, name: parsed.file.name, typed: Object.values(parsed.file.days).reduce((sum, day) => sum + day[0], 0) } : undefined;
  }));
  return read.filter((entry) => entry !== undefined);
}

/*
 * VS Code's own AI statistics are per workspace, and users asked for "this project / all
 * projects". Two workspaces on one profile, one after the other, as a user would open them: each
 * keeps a copy of its daily totals, and the dashboard of the second sums both.
 */
describe('All projects with two workspaces (real workbench)', function () {
  const run = sharedRun('ui-all-projects');

  it('sums two workspaces and lists each; one can be removed, and Delete All Data removes this workspace\'s copy', async function () {
    this.timeout(360_000);
    const alpha = run.workbench = await Workbench.open({ name: 'ui-all-projects', runDir: run.runDir, folder: 'alpha', files: { 'a.js': '' } });
    await alpha.openFile('a.js');
    await alpha.page.keyboard.type(IN_ALPHA);
    const userData = alpha.server.userDataDir;
    // A pause in typing writes the workspace's copy.
    const written = await alpha.waitFor(() => copies(userData), (found) => found.some((copy) => copy.name === 'alpha' && copy.typed === IN_ALPHA.length), 30_000);
    assert.ok(written.some((copy) => copy.name === 'alpha' && copy.typed === IN_ALPHA.length), JSON.stringify(written));
    await alpha.close();
    run.workbench = undefined;

    const beta = run.workbench = await Workbench.open({ name: 'ui-all-projects', runDir: run.runDir, folder: 'beta', files: { 'b.js': '' } });
    await beta.openFile('b.js');
    await beta.page.keyboard.type(IN_BETA);
    await beta.waitFor(() => beta.snapshot(), (snapshot) => snapshot.today.chars.typed >= IN_BETA.length);
    await beta.statusBarItem().click();
    const frame = beta.dashboardFrame();
    const app = frame.locator('#app');
    await frame.locator('#scope-this[aria-pressed="true"]').waitFor({ timeout: 30_000 });
    assert.match(await frame.locator('.figure[data-period="today"]').innerText(), /100%/);

    // All projects: both workspaces, this one live, and their sum.
    await frame.locator('#scope-all').click();
    await frame.locator('#projects-table').waitFor({ timeout: 20_000 });
    const rows = frame.locator('#projects-table tbody tr');
    await beta.waitFor(() => rows.count(), (count) => count === 2, 10_000);
    const texts = await rows.allInnerTexts();
    assert.equal(texts.length, 2, texts.join('\n'));
    assert.match(texts[0], new RegExp(`^beta \\(this project\\)\\s+1\\s+${IN_BETA.length}\\s+0\\s+100%`));
    assert.match(texts[1], new RegExp(`^alpha\\s+1\\s+${IN_ALPHA.length}\\s+0\\s+100%`));
    assert.match(await frame.locator('#projects-total').innerText(), new RegExp(`^All projects\\s+${IN_ALPHA.length + IN_BETA.length}\\s+0\\s+100%`));
    await frame.locator('#all-projects-note').waitFor();
    assert.equal(await frame.locator('#languages').count(), 0, 'languages are this project\'s only');
    // The day-by-day table holds the sum of today (the chart's table, opened).
    await frame.locator('#daily-chart-details summary').click();
    await frame.locator('#daily-table tbody tr').last().waitFor();
    assert.match(await frame.locator('#daily-table tbody tr').last().innerText(), new RegExp(`\\s${IN_ALPHA.length + IN_BETA.length}\\s`));

    // Remove alpha from All projects: asked first; only its copy goes.
    await rows.nth(1).locator('button.remove-project').click();
    const dialog = beta.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 10_000 });
    assert.match(await dialog.innerText(), /Remove “alpha” from All projects\?/);
    await dialog.locator('.monaco-button', { hasText: /^Remove$/ }).click();
    await beta.waitFor(() => rows.count(), (count) => count === 1, 10_000);
    assert.match(await rows.first().innerText(), /^beta \(this project\)/);
    const left = await beta.waitFor(() => copies(userData), (found) => !found.some((copy) => copy.name === 'alpha'), 10_000);
    assert.deepEqual(left.map((copy) => copy.name).filter((name) => name === 'alpha'), [], JSON.stringify(left));
    assert.equal(await app.getAttribute('data-projects-scope'), 'all');

    // Delete All Data removes this workspace's copy too.
    await beta.waitFor(() => copies(userData), (found) => found.some((copy) => copy.name === 'beta' && copy.typed === IN_BETA.length), 30_000);
    await beta.page.locator('.part.sidebar .title').first().click();
    await beta.runCommand('Ownership Ratio: Delete All Data…');
    await dialog.waitFor({ timeout: 10_000 });
    await dialog.locator('.monaco-button', { hasText: 'Delete All Data' }).click();
    const after = await beta.waitFor(() => copies(userData), (found) => found.length === 0, 20_000);
    assert.deepEqual(after, []);
    assert.equal((await beta.snapshot()).today.chars.typed, 0);
  });
});
