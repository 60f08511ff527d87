import * as assert from 'node:assert/strict';
import type { ToWebviewMessage } from '../../../src/protocol';
import { glanceMessage, historyMessage, initMessage, insightsMessage, projectsMessage, sessionsMessage } from './messages';
import { pagePerTest, type DashboardPage } from './pageHarness';

/*
 * "This project / All projects" on the page alone: the switch is two toggle buttons reached with
 * Tab and pressed with Enter or Space; all projects shows a table of each project and their sum,
 * with a way to remove each other project, and says which sections are this project's only.
 */
describe('Dashboard page: This project / All projects (Chromium)', function () {
  this.timeout(60_000);
  let dashboard: DashboardPage | undefined;
  const openPage = pagePerTest();

  const posted = async () => JSON.stringify(await dashboard?.posted());
  /** The texts the table shows (the extension sends them localised). */
  const init: ToWebviewMessage = {
    type: 'init', locale: 'en', reflection: true,
    strings: { thisProject: '{0} (this project)', projectsTotal: 'All projects', removeProject: 'Remove from All projects', removeProjectLabel: 'Remove {0} from All projects' },
  };

  it('offers the switch by keyboard; all projects shows each project, their sum and a remove button per other project', async function () {
    dashboard = await openPage();
    const { page } = dashboard;
    for (const message of [init, glanceMessage(), historyMessage(), projectsMessage('this'), insightsMessage(), sessionsMessage()]) {
      await dashboard.post(message);
    }
    await page.locator('#scope-this[aria-pressed="true"]').waitFor();
    assert.equal(await page.locator('#scope-all').getAttribute('aria-pressed'), 'false');
    assert.equal(await page.locator('#projects-table').count(), 0, 'no table for this project');
    await page.locator('#language-chart').waitFor();

    // Keyboard only: after the header's button, the next Tab stops are the switch's two buttons.
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'reflect-open');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'scope-this');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'scope-all');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('scope-all')?.getAttribute('aria-pressed') === 'true');
    assert.match(await posted(), /\{"type":"setScope","scope":"all"\}/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'scope-all', 'the focus stays on the switch');
    assert.equal(await page.evaluate(() => (window as unknown as { __state: { scope?: string } }).__state.scope), 'all', 'kept across hide and reload');
    // The sections a copy does not keep give way to a note.
    await page.locator('#all-projects-note').waitFor();
    assert.equal(await page.locator('#languages').count(), 0);
    assert.equal(await page.locator('#sessions').count(), 0);
    assert.equal(await page.locator('#history').count(), 1, 'the day-by-day chart stays (summed)');
    assert.equal(await page.locator('#projects-table').count(), 0, 'no table before the extension answers for all projects');

    await dashboard.post(projectsMessage('all'));
    await page.locator('#projects-table').waitFor();
    const rows = await page.locator('#projects-table tbody tr').allInnerTexts();
    assert.equal(rows.length, 2);
    assert.match(rows[0], /shop \(this project\)\s+12\s+3,000\s+1,000\s+75%/);
    assert.match(rows[1], /docs <b>site<\/b>\s+3\s+500\s+500\s+50%/, 'a name is text, never HTML');
    assert.match(await page.locator('#projects-total').innerText(), /All projects\s+3,500\s+1,500\s+70%/);
    assert.equal(await page.locator('#projects-table tbody tr').first().locator('button').count(), 0, 'this project is removed by Delete All Data, not here');
    const remove = page.locator('#projects-table tbody tr').nth(1).locator('button.remove-project');
    assert.equal(await remove.getAttribute('aria-label'), 'Remove docs <b>site</b> from All projects');

    // Tab from the switch reaches the remove button; Enter asks the extension (which confirms).
    await page.locator('#scope-all').focus();
    for (let presses = 0; presses < 5 && (await page.evaluate(() => document.activeElement?.classList.contains('remove-project'))) !== true; presses++) {
      await page.keyboard.press('Tab');
    }
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Remove docs <b>site</b> from All projects');
    await page.keyboard.press('Enter');
    assert.match(await posted(), /\{"type":"removeProject","key":"other-key"\}/);

    // Back to this project: its sections return, the table goes.
    await page.locator('#scope-this').click();
    await page.locator('#language-chart').waitFor();
    assert.equal(await page.locator('#projects-table').count(), 0);
    assert.equal(await page.locator('#all-projects-note').count(), 0);
    assert.match(await posted(), /\{"type":"setScope","scope":"this"\}/);
  });

  it('opens on all projects when that was the last choice (the boot script says so in "ready")', async function () {
    dashboard = await openPage({ state: { range: '7', scope: 'all' } });
    await dashboard.page.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length > 0);
    assert.deepEqual((await dashboard.posted())[0], { type: 'ready', range: '7', scope: 'all' });
    await dashboard.post(initMessage());
    await dashboard.post(projectsMessage('all'));
    await dashboard.page.locator('#scope-all[aria-pressed="true"]').waitFor();
    await dashboard.page.locator('#projects-table').waitFor();
  });

  it('shows no switch where there is no project to sum (no folder open: no projects message), and this project\'s sections', async function () {
    dashboard = await openPage({ state: { scope: 'all' } });
    for (const message of [initMessage(), glanceMessage(), historyMessage()]) {
      await dashboard.post(message);
    }
    await dashboard.page.locator('#daily-chart').waitFor();
    await dashboard.page.locator('#language-chart').waitFor();
    assert.equal(await dashboard.page.locator('#scope-this').count(), 0);
    assert.equal(await dashboard.page.locator('#all-projects-note').count(), 0, 'a choice kept from before does not hide them');
  });
});
