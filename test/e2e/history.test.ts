import * as assert from 'node:assert/strict';
import { delay, Workbench } from './workbench';

/** A pause this long lets the extension save right away (it saves when typing pauses for 3 s). */
const PAUSE_TO_SAVE_MS = 4_000;

describe('History in the real workbench', function () {
  let workbench: Workbench;
  let failed = false;

  before(async function () {
    this.timeout(180_000);
    workbench = await Workbench.open({ name: 'ui-history', files: { 'notes.js': '', 'other.js': '' } });
  });

  afterEach(function () {
    failed ||= this.currentTest?.state === 'failed';
  });

  after(async function () {
    this.timeout(30_000);
    await workbench?.close(failed);
  });

  it('keeps today\'s totals across a window reload', async function () {
    await workbench.openFile('notes.js');
    await workbench.page.keyboard.type('const kept = true;');
    const before = await workbench.waitFor(() => workbench.snapshot(), (snapshot) => snapshot.today.chars.typed >= 'const kept = true;'.length);
    await delay(PAUSE_TO_SAVE_MS);
    await workbench.reload();
    const after = await workbench.waitFor(() => workbench.snapshot(), (snapshot) => snapshot.today.chars.typed >= before.today.chars.typed);
    assert.equal(after.today.chars.typed, before.today.chars.typed);
    assert.equal(await workbench.statusBarText(), '100% yours');
  });

  it('counts in two windows on one folder without losing either', async function () {
    const start = (await workbench.snapshot()).today.chars.typed;
    const second = await workbench.openSecondWindow();
    try {
      await workbench.page.bringToFront();
      await workbench.openFile('notes.js');
      await workbench.page.keyboard.type('first window');
      await second.bringToFront();
      await second.keyboard.press('Control+P');
      await second.locator('.quick-input-widget .quick-input-box input').fill('other.js');
      await second.locator('.quick-input-list .monaco-list-row', { hasText: 'other.js' }).first().click();
      await second.locator('.tab.active', { hasText: 'other.js' }).waitFor();
      await second.locator('.editor-group-container.active .monaco-editor .view-lines').first().click({ force: true });
      await second.keyboard.type('second');
      await delay(PAUSE_TO_SAVE_MS);
      await workbench.page.bringToFront();
      await workbench.reload();
      const expected = start + 'first window'.length + 'second'.length;
      const after = await workbench.waitFor(() => workbench.snapshot(), (snapshot) => snapshot.today.chars.typed >= expected);
      assert.equal(after.today.chars.typed, expected);
    } finally {
      await second.close();
    }
  });
});
