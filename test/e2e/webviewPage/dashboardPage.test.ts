import * as assert from 'node:assert/strict';
import { contrastRatio, parseColor } from '../../../src/core/colorContrast';
import type { ToWebviewMessage } from '../../../src/protocol';
import { glanceMessage, historyMessage, initMessage, insightsMessage } from './messages';
import { pagePerTest, type DashboardPage } from './pageHarness';

/** VS Code's light theme variables that matter here (the page reads them as a webview does). */
const LIGHT_THEME = {
  '--vscode-editor-background': '#ffffff', '--vscode-foreground': '#3b3b3b',
  '--vscode-charts-blue': '#1a85ff', '--vscode-charts-purple': '#652d90', '--vscode-charts-orange': '#d18616',
  '--vscode-charts-yellow': '#bf8803', '--vscode-charts-green': '#388a34',
};

function languages(count: number) {
  const names = ['TypeScript', 'TypeScript JSX', 'JavaScript', 'JSON', 'Markdown', 'Python', 'CSS', 'HTML', 'YAML', 'Shell Script', 'Rust', 'SQL'];
  return names.slice(0, count).map((name, index) => ({ language: name.toLowerCase().replace(/\W/g, ''), name, own: 1000 - index * 60, ai: 300 - index * 20 }));
}

describe('Dashboard page on its own (Chromium)', function () {
  this.timeout(60_000);
  let dashboard: DashboardPage | undefined;
  const openPage = pagePerTest();

  async function open(messages: ToWebviewMessage[]): Promise<DashboardPage> {
    dashboard = await openPage();
    for (const message of messages) {
      await dashboard.post(message);
    }
    return dashboard;
  }

  it('shows an empty page calmly with 0 days of history (no chart, no NaN)', async function () {
    const { page } = await open([initMessage(), glanceMessage(0, 0), { type: 'history', history: { range: '30', unit: 'day', days: [], languages: [], ratio: null } }]);
    await page.locator('#history-empty').waitFor();
    assert.equal(await page.locator('#daily-chart').count(), 0);
    assert.doesNotMatch(await page.locator('body').innerText(), /NaN|undefined/);
  });

  it('draws five years of history (by month, and day by day too) with every point in the table', async function () {
    const months = Array.from({ length: 60 }, (_, index) => ({ date: `${2021 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`, typed: 9_000, aiInline: 3_000, aiChat: 500, paste: 100, ratio: 0.72, rolling: 0.7, minutes: 900, sessions: 40 }));
    const { page } = await open([initMessage(), glanceMessage(), { type: 'history', history: { range: 'all', unit: 'month', days: months, languages: languages(12), ratio: 0.72 } }]);
    await page.locator('#daily-chart').waitFor();
    await page.waitForFunction(() => document.getElementById('app')?.dataset.chartPaintedAt !== undefined);
    await page.locator('#daily-chart-details summary').click();
    // The table is built on the details' toggle event, a task after the click, not within it.
    await page.waitForFunction(() => document.querySelectorAll('#daily-table tbody tr').length > 0);
    assert.equal(await page.locator('#daily-table tbody tr').count(), 60);
    const days = historyMessage(1825);
    await dashboard?.post(days);
    await page.waitForFunction(() => document.getElementById('app')?.dataset.historyDays === '1825');
    assert.equal(await page.locator('#daily-table tbody tr').count(), 1825, 'the open table follows');
  });

  it('labels every language bar with its name, none skipped', async function () {
    const history = historyMessage(30) as Extract<ToWebviewMessage, { type: 'history' }>;
    const { page } = await open([initMessage(), glanceMessage(), { ...history, history: { ...history.history, languages: languages(12) } }]);
    const canvas = page.locator('#language-chart');
    await page.waitForFunction(() => (document.getElementById('language-chart')?.dataset.axisLabels ?? '') !== '');
    assert.deepEqual(((await canvas.getAttribute('data-axis-labels')) ?? '').split('\n'), languages(12).map((point) => point.name));
  });

  it('follows a new glance without a click, with the trend in words', async function () {
    const { page } = await open([initMessage(), glanceMessage(300, 100)]);
    const today = page.locator('.figure[data-period="today"]');
    await today.locator('.ratio-value').waitFor();
    assert.equal(await today.locator('.ratio-value').innerText(), '75%');
    assert.equal(await today.locator('.trend').innerText(), 'trendUp');
    await dashboard?.post(glanceMessage(100, 300));
    await page.waitForFunction(() => document.querySelector('.figure[data-period="today"] .ratio-value')?.textContent === '25%');
    assert.equal(await page.locator('.figure[data-period="30"] .trend').innerText(), 'trendNone', 'no figure to compare with: said so');
    assert.equal(await page.locator('.category-bar .segment').count(), 2, 'typed and AI inline in the bar');
  });

  it('says where today\'s AI chat and agent work came from, only when there is some', async function () {
    const strings = { aiChatBy: 'AI chat and agents: {0} in chat, {1} by extensions, {2} by terminal agents', aiChatByNotSplit: '{0}, {1}, {2}; {3} not split' };
    const glance = glanceMessage(300, 100) as Extract<ToWebviewMessage, { type: 'glance' }>;
    const [today, week, month] = glance.glance.periods;
    const { page } = await open([{ type: 'init', locale: 'en', strings, reflection: true }, glance]);
    await page.locator('.figure[data-period="today"] .ratio-value').waitFor();
    assert.equal(await page.locator('#ai-chat-by').count(), 0, 'no AI chat work today: no line');
    await dashboard?.post({ ...glance, glance: { ...glance.glance, periods: [
      { ...today, aiChatBy: { chat: 120, extension: 40, terminal: 1300, notSplit: 0 } },
      week,
      { ...month, aiChatBy: { chat: 120, extension: 40, terminal: 1300, notSplit: 800 } },
    ] } });
    await page.locator('#ai-chat-by').waitFor();
    assert.equal(await page.locator('#ai-chat-by').innerText(), 'AI chat and agents: 120 in chat, 40 by extensions, 1,300 by terminal agents');
    await page.locator('#today-breakdown-details summary').click();
    // The table is built when the details open (their toggle event comes after the click).
    await page.locator('#today-table').waitFor();
    assert.equal(await page.locator('#today-table tr[data-ai-chat-by]').count(), 2, 'a row for each period with AI chat work');
    assert.match(await page.locator('#today-table tr[data-ai-chat-by="30"] td').innerText(), /^120, 40, 1,300; 800 not split$/);
  });

  it('sums what became of AI text and who led over the range: files, sessions and characters, each day in the table', async function () {
    const history = historyMessage(3) as Extract<ToWebviewMessage, { type: 'history' }>;
    const [first, second, third] = history.history.days;
    const days = [
      { ...first, fate: { kept: 60, reworked: 30, removed: 10 }, lead: { you: 2, ai: 1, mixed: 0 }, leadSessions: { you: 1, ai: 0, mixed: 0 }, leadChars: { you: 300, ai: 100, mixed: 0 } },
      second,
      { ...third, fate: { kept: 40, reworked: 0, removed: 60 }, lead: { you: 0, ai: 2, mixed: 1 }, leadSessions: { you: 0, ai: 1, mixed: 1 }, leadChars: { you: 0, ai: 500, mixed: 100 } },
    ];
    const init: ToWebviewMessage = { type: 'init', locale: 'en', reflection: true, strings: {
      'fate.summary': '{0} kept, {1} reworked, {2} removed of {3}', 'lead.summary': 'files {0}/{1}/{2}', 'lead.sessions': 'sessions {0}/{1}/{2}, chars {3} yours {4} AI',
    } };
    const { page } = await open([init, glanceMessage(), { ...history, history: { ...history.history, days } }]);
    await page.locator('#lead-sessions').waitFor();
    assert.equal(await page.locator('#fate-summary').innerText(), '50% kept, 15% reworked, 35% removed of 200');
    assert.equal(await page.locator('#lead-summary').innerText(), 'files 2/3/1');
    assert.equal(await page.locator('#lead-sessions').innerText(), 'sessions 1/1/1, chars 30% yours 60% AI');
    await page.locator('#fate-chart-details summary').click();
    await page.waitForFunction(() => document.querySelectorAll('#fate-table tbody tr').length > 0);
    assert.equal(await page.locator('#fate-table tbody tr').count(), 2, 'only the days where it was measured');
    const cells = await page.locator('#fate-table tbody tr').last().locator('td').allInnerTexts();
    assert.deepEqual(cells.slice(-9), ['40', '0', '60', '0', '2', '1', '0', '1', '1']);
  });

  it('writes the insights as sentences, each with its caveat', async function () {
    const { page } = await open([initMessage(), glanceMessage(), insightsMessage()]);
    await page.locator('#insights-sentences li').first().waitFor();
    assert.equal(await page.locator('#insights-sentences li').count(), 4);
    assert.equal(await page.locator('#insights .caveat').count(), 3);
    // Days you led and days AI led: a rating without a mean on one side is left out (energy).
    assert.equal(await page.locator('#insights-lead li').count(), 3);
    assert.match(await page.locator('#insights-lead li').first().innerText(), /leadRating/);
    assert.match(await page.locator('#insights-solo').innerText(), /soloText/);
  });

  it('gives every graphic at least 3:1 contrast with a light background', async function () {
    dashboard = await openPage();
    await dashboard.page.evaluate((variables) => {
      for (const [name, value] of Object.entries(variables)) {
        document.body.style.setProperty(name, value);
      }
    }, LIGHT_THEME);
    await dashboard.post(initMessage());
    await dashboard.post(glanceMessage(300, 100));
    await dashboard.post(historyMessage(30));
    await dashboard.page.locator('#history .legend .swatch').first().waitFor();
    const colors = await dashboard.page.locator('.legend .swatch').evaluateAll((nodes) => nodes.map((node) => getComputedStyle(node).backgroundColor));
    const white = { r: 255, g: 255, b: 255 };
    for (const color of colors) {
      const rgb = parseColor(color);
      assert.ok(rgb && contrastRatio(rgb, white) >= 3, `${color}: ${rgb ? contrastRatio(rgb, white).toFixed(2) : '?'}:1`);
    }
    assert.ok(colors.length >= 8);
  });
});
