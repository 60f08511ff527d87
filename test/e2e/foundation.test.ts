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

  it('activates and shows its status bar item', async function () {
    assert.match(await workbench.statusBarText(), /No edits yet/);
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
    const typedCell = frame.locator('#today-breakdown tr[data-category="typed"] td.number');
    assert.equal(await typedCell.innerText(), snapshot.today.chars.typed.toLocaleString('en'));
    const app = frame.locator('#app');
    const rendersBefore = Number(await app.getAttribute('data-renders'));
    await frame.locator('#refresh').click();
    const rendersAfter = await workbench.waitFor(async () => Number(await app.getAttribute('data-renders')), (value) => value > rendersBefore);
    assert.ok(rendersAfter > rendersBefore, 'the refresh click did not come back with a snapshot');
  });
});
