import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { ToWebviewMessage } from '../../../src/protocol';
import { glanceMessage, historyMessage, initMessage } from './messages';
import { pagePerTest, type DashboardPage } from './pageHarness';

/** How many of the daily canvas's pixels are painted in the colour of `swatch` (a legend entry), and in any colour. */
async function paintedPixels(page: Page, swatch: number): Promise<{ any: number; colour: number }> {
  return page.evaluate((index) => {
    const canvas = document.getElementById('daily-chart') as HTMLCanvasElement;
    const legend = document.querySelectorAll<HTMLElement>('#history .legend .swatch')[index];
    const [r, g, b] = (getComputedStyle(legend).backgroundColor.match(/\d+/g) ?? []).map(Number);
    const { data } = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height) ?? { data: [] as number[] };
    let any = 0;
    let colour = 0;
    for (let at = 0; at < data.length; at += 4) {
      if (data[at + 3] > 0) {
        any++;
        if (Math.abs(data[at] - r) + Math.abs(data[at + 1] - g) + Math.abs(data[at + 2] - b) < 6) {
          colour++;
        }
      }
    }
    return { any, colour };
  }, swatch);
}

describe('Dashboard page: the first chart without chart.js', function () {
  this.timeout(60_000);
  let dashboard: DashboardPage | undefined;
  const openPage = pagePerTest();

  it('paints the daily chart with its data while the charts bundle is held back, then chart.js takes it over', async function () {
    dashboard = await openPage({ holdCharts: true });
    const { page } = dashboard;
    await page.waitForFunction(() => 'ownershipDashboardBoot' in window && document.getElementById('app')?.dataset.scriptAt !== undefined);
    await dashboard.post(initMessage());
    await dashboard.post(glanceMessage());
    // Without languages: the daily chart is the only one chart.js draws (the others would be new charts of their own).
    const history = historyMessage(30) as Extract<ToWebviewMessage, { type: 'history' }>;
    await dashboard.post({ ...history, history: { ...history.history, languages: [] } });
    await page.waitForFunction(() => document.getElementById('app')?.dataset.chartPaintedAt !== undefined, undefined, { timeout: 10_000 });
    assert.equal(await page.evaluate(() => 'ownershipDashboardCharts' in window), false, 'chart.js has not run');
    assert.equal(await page.locator('#daily-chart').getAttribute('data-drawn-by'), 'page');
    const typed = await paintedPixels(page, 0);
    const aiInline = await paintedPixels(page, 1);
    assert.ok(typed.colour > 500, `bars of typed characters painted (${typed.colour} pixels)`);
    assert.ok(aiInline.colour > 200, `bars of AI inline characters painted (${aiInline.colour} pixels)`);
    assert.equal(await page.locator('#daily-chart').getAttribute('role'), 'img');
    await page.locator('#daily-chart-details summary').click();
    await page.waitForFunction(() => document.querySelectorAll('#daily-table tbody tr').length === 30);
    const updated = await page.evaluate(() => document.getElementById('app')?.dataset.chartUpdatedAt);

    dashboard.releaseCharts();
    await page.waitForFunction(() => document.getElementById('daily-chart')?.dataset.drawnBy === 'chart.js', undefined, { timeout: 10_000 });
    assert.equal(await page.evaluate(() => document.getElementById('app')?.dataset.chartUpdatedAt), updated, 'taking the chart over is no new data');
    assert.ok((await paintedPixels(page, 0)).colour > 500, 'chart.js drew the bars again');
    assert.equal(await page.evaluate(() => document.getElementById('app')?.dataset.cspViolations), undefined, 'the charts bundle ran under the policy');
  });

  it('runs chart.js even when no history comes', async function () {
    dashboard = await openPage();
    await dashboard.post(initMessage());
    await dashboard.post(glanceMessage());
    await dashboard.page.waitForFunction(() => 'ownershipDashboardCharts' in window, undefined, { timeout: 10_000 });
  });
});
