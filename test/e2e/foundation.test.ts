import * as assert from 'node:assert/strict';
import { Workbench } from './workbench';

const SUM_SUGGESTION = ' const sum = (a, b) => a + b;';

describe('Ownership Ratio in the real workbench', function () {
  let workbench: Workbench;
  let failed = false;

  before(async function () {
    this.timeout(180_000);
    workbench = await Workbench.open({ name: 'ui-foundation', files: { 'notes.js': '' } });
  });

  afterEach(function () {
    failed ||= this.currentTest?.state === 'failed';
  });

  after(async function () {
    this.timeout(30_000);
    await workbench?.close(failed);
  });

  it('activates and shows its status bar item, whose first-run tooltip points at the walkthrough', async function () {
    assert.match(await workbench.statusBarText(), /No edits yet/);
    await workbench.statusBarItem().hover();
    const hover = workbench.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Get started' }).first();
    await hover.waitFor({ timeout: 10_000 });
    await workbench.page.mouse.move(0, 0);
  });

  it('opens the walkthrough from the command palette', async function () {
    await workbench.runCommand('Ownership Ratio: Get Started');
    const page = workbench.page.locator('.gettingStartedContainer');
    await page.getByText('Get Started with Ownership Ratio').first().waitFor({ timeout: 20_000 });
    for (const step of ['What is counted', 'Your data stays here', 'A minute of reflection', 'Make it yours']) {
      await page.getByText(step).first().waitFor({ timeout: 10_000 });
    }
    await workbench.runCommand('View: Close Editor');
  });

  it('counts typed characters and shows them in the status bar', async function () {
    await workbench.openFile('notes.js');
    await workbench.page.keyboard.type('let total = 1;');
    const text = await workbench.waitFor(() => workbench.statusBarText(), (value) => value.includes('100% yours'), 5_000);
    assert.equal(text, '100% yours');
    // How soon the item follows the last edit is timed in the in-host suite, on the extension host's clock.
    const snapshot = await workbench.snapshot();
    assert.equal(snapshot.today.chars.typed, 'let total = 1;'.length);
    assert.equal(snapshot.today.chars.aiInline, 0);
  });

  it('counts ghost text accepted with Tab as AI-assisted', async function () {
    await workbench.openFile('notes.js');
    await workbench.page.keyboard.press('End');
    await workbench.page.keyboard.press('Enter');
    await workbench.page.keyboard.type('// ai:sum');
    await workbench.waitForGhostText();
    await workbench.page.keyboard.press('Tab');
    await workbench.waitForEditorText('// ai:sum const sum = (a, b) => a + b;');
    const snapshot = await workbench.waitFor(() => workbench.snapshot(), (value) => value.today.chars.aiInline > 0);
    assert.equal(snapshot.today.chars.aiInline, SUM_SUGGESTION.length, JSON.stringify(snapshot.recent.slice(-3)));
    assert.ok((await workbench.editorText()).includes('// ai:sum const sum = (a, b) => a + b;'));
    const typed = snapshot.today.chars.typed;
    const expectedPercent = Math.round((typed / (typed + SUM_SUGGESTION.length)) * 100);
    assert.equal(await workbench.waitFor(() => workbench.statusBarText(), (value) => value === `${expectedPercent}% yours`), `${expectedPercent}% yours`);
  });

  it('opens the dashboard from the status bar, shows the same figures, and answers a click', async function () {
    const snapshot = await workbench.snapshot();
    await workbench.statusBarItem().click();
    const frame = workbench.dashboardFrame();
    const ratio = frame.locator('#today-ratio .ratio-value');
    await ratio.waitFor({ timeout: 20_000 });
    assert.equal(await ratio.innerText(), `${Math.round((snapshot.today.ownershipRatio ?? 0) * 100)}%`);
    await frame.locator('#today-breakdown-details summary').click();
    const typedCell = frame.locator('#today-table tr[data-category="typed"] td.number');
    assert.equal(await typedCell.innerText(), snapshot.today.chars.typed.toLocaleString('en'));
    await frame.locator('#range-7').click();
    assert.equal(await workbench.waitFor(() => frame.locator('#app').getAttribute('data-range'), (value) => value === '7'), '7');
  });

  it('follows typing live in a dashboard beside the editor, without a click', async function () {
    const frame = workbench.dashboardFrame();
    await workbench.runCommand('View: Move Editor into Right Group');
    await frame.locator('#today-ratio').waitFor({ timeout: 20_000 });
    const app = frame.locator('#app');
    // The table behind the glance stays open when the glance is drawn again.
    await frame.locator('#today-breakdown-details summary').click();
    const typedCell = frame.locator('#today-table tr[data-category="typed"] td.number');
    await typedCell.waitFor();
    const rendersBefore = Number(await app.getAttribute('data-renders'));
    // Back to the editor in the left group, and type there; the dashboard stays in view on the right.
    await workbench.page.locator('.editor-group-container').first().locator('.view-lines').first().click({ force: true });
    await workbench.page.keyboard.press('Control+End');
    const before = (await workbench.snapshot()).today.chars.typed;
    await workbench.page.keyboard.type(' live');
    const typed = (await workbench.waitFor(() => workbench.snapshot(), (value) => value.today.chars.typed >= before + 5)).today.chars.typed;
    const shown = await workbench.waitFor(() => typedCell.innerText(), (value) => value === typed.toLocaleString('en'), 10_000);
    assert.equal(shown, typed.toLocaleString('en'), 'the page shows the new count');
    assert.ok(Number(await app.getAttribute('data-renders')) > rendersBefore, 'updated by the extension, not by a click');
  });
});
