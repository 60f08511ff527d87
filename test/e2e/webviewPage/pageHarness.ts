/**
 * The dashboard page on its own in headless Chromium: the real shell (`dashboardHtml`), the real
 * built scripts and stylesheet, and a stand-in for the one thing VS Code gives a webview page,
 * `acquireVsCodeApi()`. The test plays the extension's part: it posts messages into the page and
 * reads what the page posts back. It controls when the main bundle arrives, which VS Code cannot.
 */
import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { dashboardHtml } from '../../../src/core/dashboardHtml';
import { launchBrowser, type Browser } from '../../harness/browser';
import { repoRoot } from '../../harness/codeServer';

const ORIGIN = 'https://dashboard.test';
const ASSETS: Readonly<Record<string, { file: string; type: string }>> = {
  '/boot.js': { file: join('dist', 'webview', 'boot.js'), type: 'text/javascript' },
  '/dashboard.js': { file: join('dist', 'webview', 'dashboard.js'), type: 'text/javascript' },
  '/charts.js': { file: join('dist', 'webview', 'charts.js'), type: 'text/javascript' },
  '/dashboard.css': { file: join('media', 'dashboard.css'), type: 'text/css' },
};

export interface DashboardPage {
  readonly page: Page;
  /** Errors thrown in the page (uncaught), in order. */
  readonly errors: string[];
  /** Delivers a message from "the extension", as VS Code does (a `message` event on the window). */
  post(message: unknown): Promise<void>;
  /** What the page posted to the extension so far. */
  posted(): Promise<unknown[]>;
  /** Lets the main bundle load (when opened with `holdMain`). */
  releaseMain(): void;
  /** Lets the charts bundle load (when opened with `holdCharts`). */
  releaseCharts(): void;
  close(): Promise<void>;
}

export interface PageOptions {
  /** Hold the main bundle back until `releaseMain()`: the boot script runs alone first. */
  readonly holdMain?: boolean;
  /** Hold the charts bundle (chart.js) back until `releaseCharts()`: the page draws without it. */
  readonly holdCharts?: boolean;
  /** What `getState()` returns (the state a hidden or reloaded page saved). */
  readonly state?: unknown;
  readonly colorScheme?: 'light' | 'dark';
}

/** Runs in the page before any of its scripts: VS Code's webview API, recording what is posted. */
function installVsCodeApi(state: unknown): void {
  const record = window as unknown as { __posted: unknown[]; __state: unknown };
  record.__posted = [];
  record.__state = state;
  let acquired = false;
  (window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => {
    if (acquired) {
      throw new Error('acquireVsCodeApi may be called only once');
    }
    acquired = true;
    return {
      postMessage: (message: unknown) => record.__posted.push(JSON.parse(JSON.stringify(message))),
      getState: () => record.__state,
      setState: (value: unknown) => {
        record.__state = value;
      },
    };
  };
}

export async function openDashboardPage(options: PageOptions = {}): Promise<DashboardPage> {
  const browser: Browser = await launchBrowser({ colorScheme: options.colorScheme ?? 'light', viewport: { width: 1200, height: 900 } });
  const page = browser.page;
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  let release: () => void = () => undefined;
  const mainReleased = options.holdMain ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
  let releaseCharts: () => void = () => undefined;
  const chartsReleased = options.holdCharts ? new Promise<void>((resolve) => (releaseCharts = resolve)) : Promise.resolve();
  await page.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') {
      const html = dashboardHtml({
        cspSource: ORIGIN, nonce: 'dGVzdG5vbmNldGVzdG5vbmNl', scriptUri: `${ORIGIN}/dashboard.js`, chartsUri: `${ORIGIN}/charts.js`, bootUri: `${ORIGIN}/boot.js`,
        styleUri: `${ORIGIN}/dashboard.css`, language: 'en', title: 'Ownership Ratio', renderedAt: Date.now(),
      });
      await route.fulfill({ contentType: 'text/html', body: html });
      return;
    }
    const asset = ASSETS[path];
    if (!asset) {
      await route.fulfill({ status: 404, body: '' });
      return;
    }
    if (path === '/dashboard.js') {
      await mainReleased;
    }
    if (path === '/charts.js') {
      await chartsReleased;
    }
    await route.fulfill({ contentType: asset.type, body: await readFile(join(repoRoot, asset.file)) });
  });
  await page.addInitScript(installVsCodeApi, options.state);
  // Not awaited when a bundle is held: the page's load may wait for it.
  const loaded = page.goto(`${ORIGIN}/`, { waitUntil: 'load' });
  if (!options.holdMain && !options.holdCharts) {
    await loaded;
  } else {
    loaded.catch(() => undefined);
  }
  return {
    page,
    errors,
    post: async (message) => {
      await page.evaluate((data) => window.postMessage(data, '*'), message);
    },
    posted: () => page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted.slice()),
    releaseMain: () => release(),
    releaseCharts: () => releaseCharts(),
    close: () => browser.close(),
  };
}

/**
 * One page at a time for the tests of the calling suite: the returned function opens it, and after
 * each test it is closed, once it is checked to have thrown no error.
 */
export function pagePerTest(): (options?: PageOptions) => Promise<DashboardPage> {
  let current: DashboardPage | undefined;
  afterEach(async function () {
    const page = current;
    current = undefined;
    try {
      assert.deepEqual(page?.errors ?? [], [], 'no error in the page');
    } finally {
      await page?.close();
    }
  });
  return async (options) => (current = await openDashboardPage(options));
}
