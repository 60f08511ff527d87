import * as assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sharedRun } from './sharedRun';
import { delay, Workbench } from './workbench';

const WORKSPACE_FILE = 'project.code-workspace';
const IN_ALPHA = 'const alpha = 1;';
const IN_BETA = 'const beta = 22;';
/**
 * Shorter than the pause in typing after which the extension saves (3 s): what the reload finds was
 * kept by the window's final write as it went away.
 */
const BEFORE_RELOAD_MS = 500;

/*
 * A multi-root workspace: two folders in one `.code-workspace` file. Edits in either folder count
 * toward the one workspace's history, which is found again when the workspace is opened again
 * (VS Code restarted, the same browser: the web workbench keeps VS Code's state there).
 */
describe('A multi-root workspace (real workbench)', function () {
  const run = sharedRun('ui-multi-root', async (dir) => {
    for (const [folder, file] of [['alpha', 'alpha.js'], ['beta', 'beta.js']]) {
      await mkdir(join(dir, folder), { recursive: true });
      await writeFile(join(dir, folder, file), '');
    }
    await writeFile(join(dir, WORKSPACE_FILE), JSON.stringify({ folders: [{ path: 'alpha' }, { path: 'beta' }] }, null, 2));
  });

  it('counts typing in both folders, and finds the history again after a reload and after reopening the workspace', async function () {
    this.timeout(300_000);
    const first = run.workbench = await Workbench.open({ name: 'ui-multi-root', runDir: run.runDir, workspaceFile: WORKSPACE_FILE, keepBrowserProfile: true });
    // Quick Open finds each file only if its folder is one of the workspace's.
    await first.openFile('alpha.js');
    await first.page.keyboard.type(IN_ALPHA);
    const afterAlpha = await first.waitFor(() => first.snapshot(), (snapshot) => snapshot.today.chars.typed >= IN_ALPHA.length);
    assert.equal(afterAlpha.today.chars.typed, IN_ALPHA.length, 'typing in the first folder counts');
    await first.openFile('beta.js');
    await first.page.keyboard.type(IN_BETA);
    const both = IN_ALPHA.length + IN_BETA.length;
    const afterBeta = await first.waitFor(() => first.snapshot(), (snapshot) => snapshot.today.chars.typed >= both);
    assert.equal(afterBeta.today.chars.typed, both, 'typing in the second folder counts toward the same workspace');
    await delay(BEFORE_RELOAD_MS);

    await first.reload();
    const reloaded = await first.waitFor(() => first.snapshot(), (snapshot) => snapshot.today.chars.typed >= both, 20_000);
    assert.equal(reloaded.today.chars.typed, both, 'after a reload');
    const port = first.server.port;
    await first.close();
    run.workbench = undefined;

    // VS Code started again on the same address, the browser with its storage: as a user reopens it.
    const second = run.workbench = await Workbench.open({ name: 'ui-multi-root', runDir: run.runDir, workspaceFile: WORKSPACE_FILE, keepBrowserProfile: true, port });
    const reopened = await second.waitFor(() => second.snapshot(), (snapshot) => snapshot.today.chars.typed >= both, 20_000);
    assert.equal(reopened.today.chars.typed, both, 'after opening the workspace file again');
  });
});
