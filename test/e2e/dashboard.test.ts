import * as assert from 'node:assert/strict';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BACKUP_KIND } from '../../src/core/history/model';
import { generateSampleHistory } from '../../src/core/history/sampleHistory';
import { systemCalendar } from '../../src/core/calendar';
import { makeRunDir, removeRunDir, repoRoot, testOutputRoot } from '../harness/codeServer';
import { delay, Workbench } from './workbench';

const HISTORY_DAYS = 60;
const XSS = '<img src=x onerror=alert(1)></script><!-- ${1+1}';
const PAUSE_TO_SAVE_MS = 4_000;

/** A backup file of generated history ending yesterday, restored at startup by the demo-history helper. */
async function writeHistory(runDir: string, days: number): Promise<string> {
  const now = Date.now();
  const { record } = generateSampleHistory({ seed: 11, days, profile: 'typical', endDay: systemCalendar.dayOf(now - 86_400_000), tz: systemCalendar.tz });
  const file = join(runDir, 'history-backup.json');
  await writeFile(file, JSON.stringify({ v: 1, k: BACKUP_KIND, t: now, d: record.d, s: record.s }));
  return file;
}

describe('Dashboard in the real workbench', function () {
  let workbench: Workbench;
  let runDir: string;
  let failed = false;
  const dialogs: string[] = [];

  before(async function () {
    this.timeout(180_000);
    runDir = await makeRunDir('ui-dashboard');
    const backup = await writeHistory(runDir, HISTORY_DAYS);
    workbench = await Workbench.open({
      name: 'ui-dashboard',
      runDir,
      files: { 'notes.js': '' },
      colorScheme: 'light',
      settings: { 'workbench.colorTheme': 'Light 2026' },
      helperExtensions: ['demo-history'],
      env: { OWNERSHIP_RATIO_DEMO_BACKUP: backup },
    });
    workbench.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  afterEach(function () {
    failed ||= this.currentTest?.state === 'failed';
  });

  after(async function () {
    this.timeout(30_000);
    await workbench?.close(failed);
    if (!failed && runDir) {
      await removeRunDir(runDir);
    }
  });

  const frame = () => workbench.dashboardFrame();
  const app = () => frame().locator('#app');

  /** Moves focus out of the webview (keys pressed there may not reach the workbench while it loads), then runs a command. */
  async function runFromWorkbench(label: string): Promise<void> {
    await workbench.page.locator('.part.sidebar .title').first().click();
    await workbench.runCommand(label);
  }

  async function historyDays(): Promise<number> {
    return Number(await app().getAttribute('data-history-days'));
  }

  /** The helper restores the generated history shortly after startup; the open page follows it without a click. */
  async function waitForHistory(): Promise<number> {
    await frame().locator('#range-30').waitFor({ timeout: 30_000 });
    return workbench.waitFor(() => historyDays(), (value) => value === 30, 30_000);
  }

  it('opens from the status bar and draws the restored history day by day, with a table behind the chart', async function () {
    await workbench.statusBarItem().click();
    assert.equal(await waitForHistory(), 30);
    await frame().locator('#daily-chart').waitFor();
    await frame().locator('#daily-chart-details summary').click();
    // The table stays open even if the chart is drawn again meanwhile (an answer to an earlier click).
    assert.equal(await workbench.waitFor(() => frame().locator('#daily-table tbody tr').count(), (rows) => rows === 30, 5_000), 30);
    await frame().locator('#range-7').click();
    assert.equal(await workbench.waitFor(() => frame().locator('#daily-table tbody tr').count(), (rows) => rows === 7, 5_000), 7, 'the open table follows the range');
    await frame().locator('#range-30').click();
    await workbench.waitFor(() => historyDays(), (value) => value === 30);
    await frame().locator('#language-chart-details summary').click();
    assert.equal(await frame().locator('#range-30').getAttribute('aria-pressed'), 'true');
    // The table is built on the details' toggle event, a task after the click.
    assert.ok(await workbench.waitFor(() => frame().locator('#language-table tbody tr').count(), (rows) => rows > 0, 5_000) > 0);
    const text = await frame().locator('body').innerText();
    assert.doesNotMatch(text, /NaN/);
  });

  it('switches the range', async function () {
    // A year is drawn week by week (53 points); shorter ranges day by day.
    for (const [range, expected] of [['7', 7], ['90', 90], ['365', 53]] as const) {
      await frame().locator(`#range-${range}`).click();
      assert.equal(await workbench.waitFor(() => historyDays(), (value) => value === expected), expected, range);
      assert.equal(await frame().locator(`#range-${range}`).getAttribute('aria-pressed'), 'true');
    }
    await frame().locator('#range-all').click();
    const all = await workbench.waitFor(() => historyDays(), (value) => value >= HISTORY_DAYS && value <= HISTORY_DAYS + 1);
    assert.ok(all >= HISTORY_DAYS && all <= HISTORY_DAYS + 1, String(all));
    await frame().locator('#range-30').click();
    await workbench.waitFor(() => historyDays(), (value) => value === 30);
  });

  it('shows today\'s figures equal to the snapshot API', async function () {
    await workbench.openFile('notes.js');
    await workbench.page.keyboard.type('const mine = 42;');
    await workbench.waitFor(() => workbench.snapshot(), (value) => value.today.chars.typed >= 'const mine = 42;'.length);
    await workbench.statusBarItem().click();
    const snapshot = await workbench.snapshot();
    const ratio = frame().locator('#today-ratio .ratio-value');
    const expected = `${Math.round((snapshot.today.ownershipRatio ?? 0) * 100)}%`;
    assert.equal(await workbench.waitFor(() => ratio.innerText(), (value) => value === expected), expected);
    await frame().locator('#today-breakdown-details summary').click();
    for (const category of ['typed', 'aiInline', 'aiChat', 'paste'] as const) {
      const cell = frame().locator(`#today-table tr[data-category="${category}"] td.number`);
      assert.equal(await cell.innerText(), snapshot.today.chars[category].toLocaleString('en'), category);
    }
    // Where today's AI chat work came from: a line only when there is some.
    assert.equal(await frame().locator('#ai-chat-by').count(), snapshot.today.chars.aiChat > 0 ? 1 : 0);
  });

  it('comes back after a reload with no command run: the panel is revived, its code loaded on first use', async function () {
    await workbench.reload();
    // Nothing but the restored editor asks for the dashboard: the serializer loads the panel's code and revives it.
    assert.equal(await waitForHistory(), 30);
    assert.notEqual((await frame().locator('#today-ratio .ratio-value').innerText({ timeout: 30_000 })).trim(), '');
    assert.ok(!(await workbench.extensionLog()).includes('could not be loaded'), 'the feature bundle loaded');
  });

  it('saves a reflection as it is filled in, shows markup as literal text, and keeps it across a reload', async function () {
    await runFromWorkbench('Ownership Ratio: Reflect on Today');
    const reflection = frame().locator('#reflection');
    await reflection.locator('fieldset[data-rating="energy"]').waitFor({ timeout: 20_000 });
    await reflection.locator('fieldset[data-rating="energy"] input[value="4"]').check();
    await reflection.locator('fieldset[data-rating="enjoyment"] input[value="5"]').check();
    await reflection.locator('#answer-proud').fill(XSS);
    const status = reflection.locator('#reflection-status');
    assert.equal(await workbench.waitFor(() => status.getAttribute('data-state'), (value) => value === 'saved'), 'saved');
    assert.equal(await reflection.locator('#answer-proud').inputValue(), XSS);
    assert.equal(await frame().locator('img').count(), 0, 'no element was made from the text');
    await delay(PAUSE_TO_SAVE_MS);
    await workbench.reload();
    await runFromWorkbench('Ownership Ratio: Reflect on Today');
    const restored = frame().locator('#reflection');
    await restored.locator('#answer-proud').waitFor({ timeout: 30_000 });
    assert.equal(await workbench.waitFor(() => restored.locator('#answer-proud').inputValue(), (value) => value === XSS), XSS);
    assert.equal(await restored.locator('fieldset[data-rating="energy"] input[value="4"]').isChecked(), true);
    assert.equal(await restored.locator('fieldset[data-rating="enjoyment"] input[value="5"]').isChecked(), true);
    assert.equal(await frame().locator('img').count(), 0);
    assert.deepEqual(dialogs, [], 'no script ran');
    assert.equal(await app().getAttribute('data-csp-violations'), null, 'no CSP violation');
    assert.ok(!(await workbench.extensionLog()).includes('onerror'), 'the reflection text is not in the log');
  });

  it('keeps reflection edits when the panel is hidden and shown again (no retained context)', async function () {
    await runFromWorkbench('Ownership Ratio: Reflect on Today');
    const reflection = frame().locator('#reflection');
    await reflection.locator('#answer-valuable').waitFor({ timeout: 20_000 });
    await reflection.locator('fieldset[data-rating="meaning"] input[value="2"]').check();
    await reflection.locator('#answer-valuable').fill('hidden, then shown');
    // Another editor in the same group hides the panel at once: its page is gone until shown again.
    await workbench.openFile('notes.js');
    await frame().locator('#app').waitFor({ state: 'detached', timeout: 10_000 });
    await workbench.page.locator('.tabs-container .tab', { hasText: 'Ownership Ratio' }).first().click();
    const shown = frame().locator('#reflection');
    await shown.locator('#answer-valuable').waitFor({ timeout: 20_000 });
    assert.equal(await workbench.waitFor(() => shown.locator('#answer-valuable').inputValue(), (value) => value === 'hidden, then shown'), 'hidden, then shown');
    assert.equal(await shown.locator('fieldset[data-rating="meaning"] input[value="2"]').isChecked(), true);
  });

  it('a reflection edit made just before the panel is closed is saved, with no error about a disposed webview', async function () {
    await runFromWorkbench('Ownership Ratio: Reflect on Today');
    const reflection = frame().locator('#reflection');
    await reflection.locator('#answer-hardest').waitFor({ timeout: 20_000 });
    await reflection.locator('#answer-hardest').fill('closed right away');
    // Close before the page's save delay has passed: the page hands over its draft as it goes away,
    // and the extension saves it although the panel is disposed by then.
    await workbench.page.keyboard.press('Control+W');
    await frame().locator('#app').waitFor({ state: 'detached', timeout: 10_000 });
    await delay(1_000);
    await runFromWorkbench('Ownership Ratio: Reflect on Today');
    const reopened = frame().locator('#reflection');
    await reopened.locator('#answer-hardest').waitFor({ timeout: 20_000 });
    assert.equal(await workbench.waitFor(() => reopened.locator('#answer-hardest').inputValue(), (value) => value === 'closed right away'), 'closed right away');
    const log = await workbench.extensionLog();
    assert.doesNotMatch(log, /disposed/i, 'no error about a disposed webview');
    assert.doesNotMatch(log, /Could not save the reflection/);
  });

  it('renders under a strict Content Security Policy with a fresh nonce each time', async function () {
    const readPolicy = async () => {
      const meta = frame().locator('meta[http-equiv="Content-Security-Policy"]');
      await meta.waitFor({ state: 'attached', timeout: 20_000 });
      const policy = (await meta.getAttribute('content')) ?? '';
      const scriptNonce = (await frame().locator('script[nonce]').first().getAttribute('nonce')) ?? '';
      return { policy, scriptNonce };
    };
    await workbench.statusBarItem().click();
    const first = await readPolicy();
    assert.match(first.policy, /default-src 'none'/);
    const scriptSrc = first.policy.split(';').map((part) => part.trim()).find((part) => part.startsWith('script-src')) ?? '';
    assert.equal(scriptSrc, `script-src 'nonce-${first.scriptNonce}'`, 'scripts only with this render\'s nonce');
    assert.doesNotMatch(first.policy, /unsafe-eval|connect-src(?! 'none')/);
    assert.ok(Buffer.from(first.scriptNonce, 'base64').length >= 16, 'a 128-bit nonce');
    // A new render: close the panel (its tab, then Ctrl+W) and open it again.
    await workbench.page.locator('.tabs-container .tab', { hasText: 'Ownership Ratio' }).first().click();
    await workbench.page.keyboard.press('Control+W');
    await frame().locator('#app').waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
    await workbench.statusBarItem().click();
    const second = await readPolicy();
    assert.notEqual(second.scriptNonce, first.scriptNonce, 'a new nonce for a new render');
  });

  it('takes screenshots in the light, dark and high-contrast themes for the README', async function () {
    this.timeout(90_000);
    // Some work of today's, own and AI-assisted, so that the screenshots show a real mix.
    // Keys pressed while a webview has the focus may not reach the workbench: move it out first.
    await workbench.page.locator('.part.sidebar .title').first().click();
    await workbench.openFile('notes.js');
    await workbench.page.keyboard.press('Control+End');
    await workbench.page.keyboard.press('Enter');
    await workbench.page.keyboard.type('const width = 3, height = 4;');
    await workbench.page.keyboard.press('Enter');
    await workbench.page.keyboard.type('// ai:sum');
    await workbench.waitForGhostText();
    await workbench.page.keyboard.press('Tab');
    await workbench.waitForEditorText('// ai:sum const sum = (a, b) => a + b;');
    const counted = await workbench.waitFor(() => workbench.snapshot(), (snapshot) => snapshot.today.chars.aiInline > 0);
    assert.ok(counted.today.chars.aiInline > 0 && counted.today.chars.typed > 0, JSON.stringify(counted.today.chars));
    await workbench.statusBarItem().click();
    await waitForHistory();
    await frame().locator('#daily-chart').waitFor({ timeout: 20_000 });
    const webview = workbench.page.locator('iframe.webview.ready');
    const shoot = async (theme: string) => {
      await frame().locator('h1').scrollIntoViewIfNeeded();
      await delay(500);
      const file = join(testOutputRoot, 'screenshots', `dashboard-${theme}.png`);
      await mkdir(dirname(file), { recursive: true });
      await webview.screenshot({ path: file });
      const png = await readFile(file);
      assert.ok(png.length > 10_000 && png.subarray(1, 4).toString() === 'PNG', `${file} is a real screenshot`);
      // The README's copies change only when asked to (npm run screenshots), not on every test run.
      if (process.env.OWNERSHIP_UPDATE_SCREENSHOTS === '1') {
        await copyFile(file, join(repoRoot, 'media', 'screenshots', `dashboard-${theme}.png`));
      }
    };
    await shoot('light');
    const workbenchClass = () => workbench.page.locator('.monaco-workbench').getAttribute('class');
    await workbench.runCommand('Preferences: Toggle between Light/Dark Themes');
    await workbench.waitFor(workbenchClass, (value) => (value ?? '').includes('vs-dark'), 10_000);
    // The webview follows the theme (its body class and CSS variables), and the charts redraw.
    await workbench.waitFor(() => frame().locator('body').getAttribute('class'), (value) => (value ?? '').includes('vscode-dark'), 10_000);
    await shoot('dark');
    assert.match((await workbenchClass()) ?? '', /vs-dark/);
    assert.match((await frame().locator('body').getAttribute('class')) ?? '', /vscode-dark/);
    // High contrast, chosen in the theme picker as a user does.
    await workbench.page.locator('.part.sidebar .title').first().click();
    await workbench.page.keyboard.press('F1');
    const input = workbench.page.locator('.quick-input-widget .quick-input-box input');
    await input.fill('>Preferences: Color Theme');
    await workbench.page.locator('.quick-input-list .monaco-list-row').filter({ has: workbench.page.locator('.label-name', { hasText: /^Preferences: Color Theme$/ }) }).first().click();
    await input.fill('Dark High Contrast');
    await workbench.page.locator('.quick-input-list .monaco-list-row').filter({ has: workbench.page.locator('.label-name', { hasText: /^Dark High Contrast$/ }) }).first().click();
    await workbench.waitFor(() => frame().locator('body').getAttribute('class'), (value) => (value ?? '').includes('vscode-high-contrast'), 15_000);
    await shoot('high-contrast');
    assert.match((await frame().locator('body').getAttribute('class')) ?? '', /vscode-high-contrast/);
  });

  it('labels every language bar with the language\'s name', async function () {
    await workbench.statusBarItem().click();
    await waitForHistory();
    const canvas = frame().locator('#language-chart');
    await canvas.waitFor();
    await frame().locator('#language-chart-details summary').click();
    await frame().locator('#language-table tbody th').first().waitFor();
    const names = await frame().locator('#language-table tbody th').allInnerTexts();
    assert.ok(names.length >= 5, names.join(', '));
    const drawn = await workbench.waitFor(async () => ((await canvas.getAttribute('data-axis-labels')) ?? '').split('\n'), (labels) => labels.length === names.length);
    assert.deepEqual(drawn, names, 'one label per bar, none skipped');
    for (const id of ['typescriptreact', 'shellscript', 'typescript']) {
      assert.ok(!drawn.includes(id), `${id} is shown by its name`);
    }
    assert.ok(drawn.includes('TypeScript') && drawn.includes('TypeScript JSX'), drawn.join(', '));
  });

  it('fills in the reflection by keyboard only', async function () {
    await runFromWorkbench('Ownership Ratio: Reflect on Today');
    const reflection = frame().locator('#reflection');
    await reflection.locator('fieldset[data-rating="energy"] input').first().waitFor({ timeout: 20_000 });
    const focused = () => frame().locator(':focus').evaluate((node) => `${node.tagName.toLowerCase()}#${node.id}:${(node as HTMLInputElement).name ?? ''}:${(node as HTMLInputElement).value ?? ''}`);
    assert.match(await workbench.waitFor(focused, (value) => value.includes('rating-energy')), /rating-energy/, 'the first question has the focus');
    const keyboard = workbench.page.keyboard;
    // Space chooses the focused value, the arrow keys the next one.
    const start = Number((await focused()).split(':').pop());
    await keyboard.press('Space');
    await keyboard.press('ArrowRight');
    const expected = String((start % 5) + 1);
    assert.equal(await workbench.waitFor(() => reflection.locator('fieldset[data-rating="energy"] input:checked').getAttribute('value'), (value) => value === expected), expected);
    // Tab moves on question by question (past each line's "clear" once a value is chosen) to the open answers.
    for (let presses = 0; presses < 30 && !(await focused()).startsWith('textarea#answer-energySource'); presses++) {
      await keyboard.press('Tab');
    }
    assert.match(await focused(), /^textarea#answer-energySource/);
    await keyboard.type('a walk at lunch');
    const status = reflection.locator('#reflection-status');
    assert.equal(await workbench.waitFor(() => status.getAttribute('data-state'), (value) => value === 'saved'), 'saved');
    assert.equal(await reflection.locator('#answer-energySource').inputValue(), 'a walk at lunch');
  });
});
