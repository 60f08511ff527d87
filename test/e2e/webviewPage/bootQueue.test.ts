import * as assert from 'node:assert/strict';
import { everyMessageKind } from './messages';
import { openDashboardPage, type DashboardPage } from './pageHarness';

describe('Dashboard page: messages that arrive before the main bundle', function () {
  let dashboard: DashboardPage | undefined;

  afterEach(async function () {
    await dashboard?.close();
    dashboard = undefined;
  });

  it('keeps every kind of message that arrives while the main bundle loads, and draws them all once it runs', async function () {
    this.timeout(60_000);
    dashboard = await openDashboardPage({ holdMain: true });
    const { page } = dashboard;
    await page.waitForFunction(() => 'ownershipDashboardBoot' in window);
    assert.deepEqual(await dashboard.posted(), [{ type: 'ready', range: '30' }], 'the boot script says ready at once');
    for (const message of everyMessageKind()) {
      await dashboard.post(message);
    }
    // Message events are delivered in order: once this one arrives, the boot script holds all the others.
    await page.evaluate(() => new Promise<void>((resolve) => {
      window.addEventListener('message', (event) => event.data === 'delivered' && resolve());
      window.postMessage('delivered', '*');
    }));
    assert.equal(await page.locator('#range-30').count(), 0, 'the main bundle has not run yet');
    dashboard.releaseMain();
    await page.waitForLoadState('load');

    const errors = dashboard.errors;
    // The last message asked for the reflection: its page is shown, today's answers in it, its first question focused.
    await page.locator('#answer-proud').waitFor({ timeout: 10_000 }).catch((error: Error) => assert.fail(`${error.message}\npage errors: ${errors.join('; ')}`));
    assert.deepEqual(errors, [], 'no error in the page');
    assert.equal(await page.locator('#answer-proud').inputValue(), 'the parser');
    assert.equal(await page.locator('fieldset[data-rating="energy"] input[value="4"]').isChecked(), true);
    assert.ok(await page.evaluate(() => document.getElementById('reflection')?.contains(document.activeElement) ?? false), 'the focus request was carried out');
    await page.locator('#reflect-back').click();
    await page.locator('#range-30').waitFor();
    await page.locator('#daily-chart').waitFor();
    await page.locator('#language-chart').waitFor();
    await page.locator('#sessions-chart').waitFor();
    await page.locator('#insights-sentences li').first().waitFor();
    await page.waitForFunction(() => (document.getElementById('language-chart')?.dataset.axisLabels ?? '') !== '', undefined, { timeout: 10_000 });
    // Still alive: a click reaches "the extension".
    await page.locator('#range-7').click();
    assert.ok((await dashboard.posted()).some((message) => JSON.stringify(message) === JSON.stringify({ type: 'getHistory', range: '7' })));
    assert.deepEqual(dashboard.errors, []);
  });
});
