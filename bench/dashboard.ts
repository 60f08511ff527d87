/**
 * The dashboard in the real VS Code with two years of generated history, against an empty webview
 * panel measured in the same run (same options, a page that only marks when it painted): what
 * VS Code itself costs to show any webview. Runs alternate between the two, so both see the same
 * machine. Figures: the first chart against that baseline, our page's own time to its first
 * chart, and the page's time to redraw the range "All". All clocks are this machine's
 * (`Date.now()` in the extension host and in Chromium).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BACKUP_KIND } from '../src/core/history/model';
import { generateSampleHistory } from '../src/core/history/sampleHistory';
import { localDayKey } from '../src/core/sessions/localDay';
import { delay, Workbench } from '../test/e2e/workbench';
import { makeRunDir, removeRunDir } from '../test/harness/codeServer';
import type { Figure } from './report';

const DAYS = 730;
const RUNS = 7;
const tz = (epochMs: number) => -new Date(epochMs).getTimezoneOffset();

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : Number.NaN;
}

interface Runs {
  readonly baseline: number[];
  /** The empty panel's page: opened → its script started. */
  readonly baselineScript: number[];
  readonly firstChart: number[];
  /** The dashboard: opened → its main script started. */
  readonly script: number[];
  readonly page: number[];
  /** Main script started → the history handled (0 when it was already there). */
  readonly historyWait: number[];
  readonly allRange: number[];
}

export async function dashboardFigures(): Promise<Figure[]> {
  const runDir = await makeRunDir('bench-dashboard');
  const now = Date.now();
  const { record } = generateSampleHistory({ seed: 3, days: DAYS, profile: 'heavy', endDay: localDayKey(now - 86_400_000, tz), tz });
  const backup = join(runDir, 'history-backup.json');
  await writeFile(backup, JSON.stringify({ v: 1, k: BACKUP_KIND, t: now, d: record.d, s: record.s }));
  const workbench = await Workbench.open({ name: 'bench-dashboard', runDir, helperExtensions: ['demo-history', 'bench-empty-webview'], env: { OWNERSHIP_RATIO_DEMO_BACKUP: backup } });
  const runs: Runs = { baseline: [], baselineScript: [], firstChart: [], script: [], page: [], historyWait: [], allRange: [] };
  let failed = false;
  try {
    await warmUp(workbench);
    for (let run = 0; run < RUNS; run++) {
      await emptyPanel(workbench, runs);
      await dashboardRun(workbench, runs);
    }
  } catch (error) {
    failed = true;
    console.error(error);
  } finally {
    await workbench.close(failed);
    if (!failed) {
      await removeRunDir(runDir);
    }
  }
  const baseline = median(runs.baseline);
  const firstChart = median(runs.firstChart);
  return [
    { name: 'empty webview panel opened → painted (baseline, median)', value: baseline, unit: 'ms', note: `${runs.baseline.join(', ')}; VS Code building any webview, measured in this run` },
    { name: 'dashboard panel opened → first chart painted (2 years of history, median)', value: firstChart, unit: 'ms', note: runs.firstChart.join(', ') },
    { name: 'dashboard first chart ÷ empty-webview baseline', value: Math.round((firstChart / baseline) * 100) / 100, unit: '×', budget: 1.3, note: 'same options, same run, runs alternating' },
    { name: 'dashboard page alone: main script start → first chart painted (median)', value: median(runs.page), unit: 'ms', budget: 100, note: `${runs.page.join(', ')}; of which waiting for the history: ${runs.historyWait.join(', ')}` },
    { name: 'panel opened → its first script started: dashboard (main bundle) / empty webview (medians)', value: median(runs.script), unit: 'ms', note: `${runs.script.join(', ')} / ${runs.baselineScript.join(', ')}: empty median ${median(runs.baselineScript)} ms` },
    { name: 'dashboard range "All" (730 days, by week) redrawn: page time (median)', value: median(runs.allRange), unit: 'ms', budget: 150, note: `${runs.allRange.join(', ')}; from the history message's arrival to the chart painted` },
  ];
}

const app = (workbench: Workbench) => workbench.dashboardFrame().locator('#app');
const at = async (workbench: Workbench, name: string) => Number(await app(workbench).getAttribute(`data-${name}-at`));

/** Until the restored history is there (the page follows it without a click). */
async function warmUp(workbench: Workbench): Promise<void> {
  await workbench.runCommand('Ownership Ratio: Open Dashboard');
  await workbench.waitFor(async () => Number(await app(workbench).getAttribute('data-history-days')), (days) => days === 30, 60_000);
  await workbench.runCommand('Ownership Bench: Open Empty Panel');
  await workbench.runCommand('View: Close All Editors');
}

async function emptyPanel(workbench: Workbench, runs: Runs): Promise<void> {
  await workbench.runCommand('Ownership Bench: Open Empty Panel');
  const page = workbench.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('#app');
  const painted = await workbench.waitFor(async () => Number(await page.getAttribute('data-painted-at')), (value) => value > 0, 20_000);
  const rendered = Number(await page.getAttribute('data-rendered-at'));
  runs.baseline.push(painted - rendered);
  runs.baselineScript.push(Number(await page.getAttribute('data-script-at')) - rendered);
  await workbench.runCommand('View: Close All Editors');
  await delay(500);
}

async function dashboardRun(workbench: Workbench, runs: Runs): Promise<void> {
  await workbench.runCommand('Ownership Ratio: Open Dashboard');
  const painted = await workbench.waitFor(async () => Number(await app(workbench).getAttribute('data-chart-painted-at')), (value) => value > 0, 20_000);
  const [rendered, script, history] = [await at(workbench, 'rendered'), await at(workbench, 'script'), await at(workbench, 'history')];
  runs.firstChart.push(painted - rendered);
  runs.script.push(script - rendered);
  runs.page.push(painted - script);
  runs.historyWait.push(Math.max(0, history - script));
  // The range's history arriving, then the first chart painted after it: the charts bundle may
  // still be painting the first view's other charts when the button is clicked.
  const before = await at(workbench, 'history');
  await workbench.dashboardFrame().locator('#range-all').click();
  const arrived = await workbench.waitFor(() => at(workbench, 'history'), (value) => value > before, 20_000);
  const updated = await workbench.waitFor(() => at(workbench, 'chart-updated'), (value) => value >= arrived, 20_000);
  runs.allRange.push(updated - arrived);
  await workbench.dashboardFrame().locator('#range-30').click();
  await workbench.waitFor(async () => app(workbench).getAttribute('data-range'), (range) => range === '30', 10_000);
  await workbench.runCommand('View: Close All Editors');
  await delay(500);
}
