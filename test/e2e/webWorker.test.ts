import * as assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXTENSION_ID } from './profile';
import { delay, Workbench } from './workbench';

/** What the fake AI completion extension adds after `// ai:sum`. */
const SUM_SUGGESTION = ' const sum = (a, b) => a + b;';
/** package.json's `browser`, in the repository. */
const BROWSER_ENTRY = '/dist/web/extension.js';
/** A pause of 3 s saves at once (see the history tests). */
const PAUSE_TO_SAVE_MS = 4_000;

/*
 * The browser build in the web-worker extension host, as in vscode.dev and github.dev: the
 * workbench runs the extension from its `browser` entry in a web worker of the page (the helper
 * extensions stay in the server's Node extension host), so only `vscode.workspace.fs` and web APIs
 * are there for its files.
 */
describe('The browser build in the real web-worker extension host', function () {
  let workbench: Workbench;
  let failed = false;

  before(async function () {
    this.timeout(180_000);
    workbench = await Workbench.open({ name: 'ui-web-worker', files: { 'notes.js': '' }, extensionHost: 'web' });
  });

  afterEach(function () {
    failed ||= this.currentTest?.state === 'failed';
  });

  after(async function () {
    this.timeout(30_000);
    await workbench?.close(failed);
  });

  it('runs from its browser bundle in the web-worker extension host, not in the Node one', async function () {
    const host = await workbench.waitFor(() => workbench.webWorkerExtensionHost(), ({ activated }) => activated.includes(EXTENSION_ID));
    assert.ok(host.activated.includes(EXTENSION_ID), `activated in the web worker: ${host.activated.join(', ') || 'nothing'}`);
    assert.ok(host.fetched.some((url) => new URL(url).searchParams.get('path')?.endsWith(BROWSER_ENTRY)), `fetched: ${host.fetched.join(', ')}`);
    // The Node extension host writes the log of each extension it runs to the server's disk.
    await assert.rejects(workbench.extensionLog(), /no log of the extension/);
  });

  it('counts typed and AI-accepted text, shows it in the status bar, and finds it again after a reload', async function () {
    await workbench.openFile('notes.js');
    await workbench.page.keyboard.type('let a = 1;');
    await workbench.page.keyboard.press('Enter');
    await workbench.page.keyboard.type('// ai:sum');
    await workbench.waitForGhostText();
    await workbench.page.keyboard.press('Tab');
    await workbench.waitForEditorText(`// ai:sum${SUM_SUGGESTION}`);
    const typed = 'let a = 1;'.length + 1 + '// ai:sum'.length;
    const counted = (await workbench.waitFor(() => workbench.snapshot(), (snapshot) => snapshot.today.chars.aiInline >= SUM_SUGGESTION.length)).today.chars;
    assert.equal(counted.typed, typed);
    assert.equal(counted.aiInline, SUM_SUGGESTION.length);
    const shown = `${Math.round((100 * typed) / (typed + SUM_SUGGESTION.length))}% yours`;
    assert.equal(await workbench.waitFor(() => workbench.statusBarText(), (text) => text === shown, 5_000), shown);

    await delay(PAUSE_TO_SAVE_MS);
    await workbench.reload();
    const after = (await workbench.waitFor(() => workbench.snapshot(), (snapshot) => snapshot.today.chars.typed >= typed, 20_000)).today.chars;
    assert.deepEqual({ typed: after.typed, aiInline: after.aiInline }, { typed, aiInline: SUM_SUGGESTION.length });
    assert.equal(await workbench.waitFor(() => workbench.statusBarText(), (text) => text === shown, 5_000), shown);
    assert.ok((await workbench.webWorkerExtensionHost()).activated.includes(EXTENSION_ID), 'in the web worker again after the reload');
    // The window's record, written through workspace.fs (here the server's disk): whole JSON, no temporary file left.
    const windows = join(await workbench.storageFolder(), 'windows');
    const names = await workbench.waitFor(() => readdir(windows).catch(() => [] as string[]), (found) => found.some((name) => name.startsWith('history.w.')), 10_000);
    const records = names.filter((name) => name.startsWith('history.w.'));
    assert.ok(records.length > 0, `windows/: ${names.join(', ')}`);
    assert.deepEqual(names.filter((name) => name.endsWith('.tmp')), []);
    for (const name of records) {
      JSON.parse(await readFile(join(windows, name), 'utf8'));
    }
  });

  it('opens the dashboard, which shows today\'s share and counts', async function () {
    const snapshot = await workbench.snapshot();
    await workbench.statusBarItem().click();
    const frame = workbench.dashboardFrame();
    const expected = `${Math.round((snapshot.today.ownershipRatio ?? 0) * 100)}%`;
    const ratio = frame.locator('#today-ratio .ratio-value');
    assert.equal(await workbench.waitFor(() => ratio.innerText({ timeout: 30_000 }), (value) => value === expected), expected);
    await frame.locator('#today-breakdown-details summary').click();
    for (const category of ['typed', 'aiInline'] as const) {
      const cell = frame.locator(`#today-table tr[data-category="${category}"] td.number`);
      assert.equal(await cell.innerText(), snapshot.today.chars[category].toLocaleString('en'), category);
    }
  });

  it('says why the Agent Trace export cannot run in the browser (it needs Git)', async function () {
    await workbench.page.locator('.part.sidebar .title').first().click();
    await workbench.runCommand('Ownership Ratio: Export AI Attribution (Agent Trace)…');
    assert.ok(await workbench.notification('the extension cannot reach Git'));
  });

  it('exports the daily summary as CSV into the workspace folder, through workspace.fs', async function () {
    const today = (await workbench.snapshot()).today;
    const page = workbench.page;
    await page.locator('.part.sidebar .title').first().click();
    // From the palette by hand: the command's own pick takes the palette's place at once.
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget .quick-input-box input').fill('>Ownership Ratio: Export as CSV…');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Export as CSV' }).first().click();
    await page.locator('.quick-input-box input[placeholder="What to export"]').waitFor();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Daily summary' }).first().click();
    // The workbench's own save dialog (a browser has no native one): its path box holds the default file.
    const path = page.locator('.quick-input-widget .quick-input-box input');
    const proposed = await workbench.waitFor(() => path.inputValue().catch(() => ''), (value) => value.endsWith('.csv'), 10_000);
    const name = proposed.split('/').pop() ?? '';
    assert.match(name, /^ownership-ratio-daily-\d{4}-\d{2}-\d{2}\.csv$/);
    await path.press('Enter');
    await workbench.notification('Exported');
    const csv = await readFile(join(workbench.server.workspace, name), 'utf8');
    const [header, ...rows] = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    const columns = header.split(',');
    const row = rows.find((line) => line.startsWith(today.date))?.split(',') ?? [];
    assert.equal(row[columns.indexOf('typed')], String(today.chars.typed), csv);
    assert.equal(row[columns.indexOf('ai_inline')], String(today.chars.aiInline), csv);
  });
});
