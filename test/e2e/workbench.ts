/**
 * Drives the real VS Code workbench (code-server) in headless Chromium the way a user does:
 * keyboard, mouse, the command palette, the status bar and the dashboard webview.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import type { Snapshot } from '../../src/core/history/snapshot';
import { launchBrowser, type Browser } from '../harness/browser';
import { keepFailureArtifacts, makeRunDir, removeRunDir, repoRoot, startCodeServer, type RunningCodeServer } from '../harness/codeServer';
import { testedPackage } from '../harness/extensionPackage';
import { EXTENSION_ID } from './profile';

export const STATUS_BAR_ID = 'ownership.ownership-ratio.ownershipRatio.status';
/** The extension's folder name in VS Code's storage folders (its id). */
const FIXTURE_EXTENSIONS = join(repoRoot, 'test', 'fixtures', 'extensions');

export interface WorkbenchOptions {
  readonly name: string;
  /** Files to create in the workspace before the window opens. */
  readonly files?: Readonly<Record<string, string>>;
  readonly settings?: Record<string, unknown>;
  readonly colorScheme?: 'light' | 'dark';
  /** Reuse a profile from an earlier workbench (reload/restart tests). */
  readonly runDir?: string;
  /** The workspace folder's name in the run folder (`workspace` unless given). */
  readonly folder?: string;
  /**
   * Keep the browser's profile in the run folder, so that a later opening on the same run folder
   * finds VS Code's state again (the web workbench keeps it in the browser) as a user's browser does.
   */
  readonly keepBrowserProfile?: boolean;
  /** The server's port: an earlier workbench's, to reopen the same workspace as a user would (see `CodeServerOptions.port`). */
  readonly port?: number;
  /** A `.code-workspace` file in the run folder to open instead of a folder (its folders made by the test). */
  readonly workspaceFile?: string;
  /** More helper extensions (folders: names under test/fixtures/extensions, or absolute paths) besides the fake AI completions and the test bridge. */
  readonly helperExtensions?: readonly string[];
  /** More environment for the extension host. */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * `'web'`: the extension runs in the browser's web-worker extension host from its `browser`
   * entry, as in vscode.dev and github.dev; the helper extensions stay in the Node one. (The user
   * setting `remote.extensionKind` chooses the host: the development option
   * `extensionDevelopmentKind` is not read by the web workbench.)
   */
  readonly extensionHost?: 'node' | 'web';
}

export class Workbench {
  private constructor(
    readonly server: RunningCodeServer,
    private readonly browser: Browser,
    private readonly snapshotFile: string,
    private readonly ownsRunDir: boolean,
  ) {}

  get page(): Page {
    return this.browser.page;
  }

  static async open(options: WorkbenchOptions): Promise<Workbench> {
    const runDir = options.runDir ?? (await makeRunDir(options.name));
    const folder = join(runDir, options.folder ?? 'workspace');
    const workspace = options.workspaceFile === undefined ? folder : join(runDir, options.workspaceFile);
    if (options.workspaceFile === undefined) {
      await mkdir(folder, { recursive: true });
    }
    for (const [path, content] of Object.entries(options.files ?? {})) {
      await writeFile(join(folder, path), content);
    }
    const snapshotFile = join(runDir, 'snapshot.json');
    const server = await startCodeServer({
      name: options.name,
      runDir,
      workspace,
      settings: options.extensionHost === 'web' ? { ...options.settings, 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } } : options.settings,
      // The package as a user installs it; the marker lets it honour the tests' overrides.
      vsix: await testedPackage(),
      helperExtensions: ['fake-ai-completions', 'test-bridge', 'test-hooks', ...(options.helperExtensions ?? [])].map((helper) => resolve(FIXTURE_EXTENSIONS, helper)),
      env: { ...options.env, OWNERSHIP_TEST_SNAPSHOT_FILE: snapshotFile },
      port: options.port,
    });
    const browser = await launchBrowser({ colorScheme: options.colorScheme, profile: options.keepBrowserProfile ? join(runDir, 'browser-profile') : undefined });
    const workbench = new Workbench(server, browser, snapshotFile, options.runDir === undefined);
    try {
      await workbench.load();
    } catch (error) {
      await workbench.close(true);
      throw error;
    }
    return workbench;
  }

  /** Opens (or reloads) the window, with the installed package. */
  async load(): Promise<void> {
    await openWorkbenchPage(this.page, this.server);
  }

  /** A second window (browser tab) on the same folder, with its own extension host. */
  async openSecondWindow(): Promise<Page> {
    const page = await this.browser.context.newPage();
    await openWorkbenchPage(page, this.server);
    return page;
  }

  /** Reloads the window the way a user does (Developer: Reload Window) and waits for it. */
  async reload(): Promise<void> {
    const navigated = this.page.waitForEvent('framenavigated', { predicate: (frame) => frame === this.page.mainFrame(), timeout: 60_000 });
    // Focus out of any webview first: a focused webview takes the focus back from the palette.
    const sidebarTitle = this.page.locator('.part.sidebar .title').first();
    if (await sidebarTitle.isVisible()) {
      await sidebarTitle.click();
    }
    await this.runCommand('Developer: Reload Window');
    await navigated;
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await this.statusBarItem().waitFor({ state: 'visible', timeout: 60_000 });
  }


  /** The extension's folder in this workspace's storage, the one all its windows share (no `-1` suffix). */
  async storageFolder(): Promise<string> {
    const root = join(this.server.userDataDir, 'User', 'workspaceStorage');
    const folders = (await readdir(root)).filter((name) => !/-[1-9]$/.test(name) && existsSync(join(root, name, EXTENSION_ID)));
    if (folders.length !== 1) {
      throw new Error(`expected one workspace storage folder of the extension, found: ${folders.join() || 'none'}`);
    }
    return join(root, folders[0], EXTENSION_ID);
  }

  /**
   * A notification with `text`, from its toast or, once the toast has hidden itself (information
   * messages do after a few seconds), from the notification center.
   */
  async notification(text: string, timeoutMs = 30_000): Promise<Locator> {
    const deadline = Date.now() + timeoutMs;
    const toast = this.page.locator('.notification-toast', { hasText: text });
    const listed = this.page.locator('.notifications-center .notification-list-item', { hasText: text });
    while (Date.now() < deadline) {
      if (await toast.isVisible()) {
        return toast;
      }
      if (!(await this.page.locator('.notifications-center').isVisible())) {
        await this.runCommand('Notifications: Show Notifications');
      }
      if (await listed.first().isVisible()) {
        return listed.first();
      }
      await delay(500);
    }
    throw new Error(`no notification says "${text}"`);
  }

  statusBarItem(): Locator {
    return this.page.locator(`[id="${STATUS_BAR_ID}"]`);
  }

  async statusBarText(): Promise<string> {
    const text = await this.statusBarItem().locator('a.statusbar-item-label').innerText();
    return text.replace(/\u00a0/g, ' ').trim();
  }

  /** Runs a command from the palette, clicking the row whose label matches exactly. */
  async runCommand(label: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    const row = this.page.locator('.quick-input-list .monaco-list-row').filter({
      has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }),
    }).first();
    // A key pressed while focus is moving can be lost, and a webview that a reload restores can take
    // the focus back and close the palette while it is being filled: then start again.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.page.keyboard.press('F1');
        await input.waitFor({ state: 'visible', timeout: 5_000 });
        await input.fill(`>${label}`, { timeout: 5_000 });
        await row.click({ timeout: 10_000 });
        break;
      } catch (error) {
        if (attempt === 3) {
          throw error;
        }
        await this.page.keyboard.press('Escape').catch(() => undefined);
        await delay(500);
      }
    }
    await input.waitFor({ state: 'hidden' });
  }

  /** Opens a workspace file with Quick Open and puts the cursor in its editor. */
  async openFile(name: string): Promise<Locator> {
    return openFileIn(this.page, name);
  }

  /**
   * Waits until ghost text is shown and has settled: the decoration renders a moment before the
   * editor's `inlineSuggestionVisible` context is set, and a Tab in between would indent instead.
   */
  async waitForGhostText(): Promise<void> {
    const ghost = this.page.locator('.monaco-editor .ghost-text-decoration, .monaco-editor .ghost-text').first();
    await ghost.waitFor({ timeout: 10_000 });
    await delay(300);
    await ghost.waitFor({ timeout: 5_000 });
  }

  /**
   * Waits for a next-edit suggestion away from the cursor: a jump hint in the gutter. (Its overlay
   * host has no size of its own, so wait for its content to be attached, then let it render.)
   */
  async waitForNextEditHint(): Promise<void> {
    await this.page.locator('.monaco-editor .inline-edits-view-gutter-indicator > *').first().waitFor({ state: 'attached', timeout: 10_000 });
    await delay(500);
  }

  /** Accepts a next-edit suggestion away from the cursor: Tab jumps to it, a second Tab accepts it. */
  async acceptNextEdit(targetLine: number): Promise<void> {
    await this.waitForNextEditHint();
    await this.page.keyboard.press('Tab');
    const line = await this.waitFor(() => this.cursorLine(), (value) => value === targetLine, 5_000);
    if (line !== targetLine) {
      throw new Error(`Tab did not jump to the next edit on line ${targetLine} (the cursor is on line ${String(line)})`);
    }
    await this.page.keyboard.press('Tab');
  }

  /** Everything the extension wrote to its log ("Ownership Ratio" output channel) in this run. */
  async extensionLog(): Promise<string> {
    const logs = join(this.server.userDataDir, 'logs');
    const files = (await readdir(logs, { recursive: true })).filter((path) => path.endsWith(join('ownership.ownership-ratio', 'Ownership Ratio.log')));
    if (files.length === 0) {
      throw new Error(`no log of the extension under ${logs}`);
    }
    const texts = await Promise.all(files.map((path) => readFile(join(logs, path), 'utf8')));
    return texts.join('\n');
  }

  activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /**
   * Waits until the active editor shows `text`. Accepting a suggestion runs through the extension
   * host, so an act that moves focus at once (the palette) could otherwise cancel it.
   */
  async waitForEditorText(text: string): Promise<void> {
    const shown = await this.waitFor(() => this.editorText(), (value) => value.includes(text), 5_000);
    if (!shown.includes(text)) {
      throw new Error(`the editor does not show ${JSON.stringify(text)}:\n${shown}`);
    }
  }

  /** The active editor's visible text, without ghost text (which is rendered among the lines). */
  /** The cursor's line (one-based) as the status bar shows it, or undefined when it shows none. */
  async cursorLine(): Promise<number | undefined> {
    const text = await this.page.locator('[id="status.editor.selection"]').innerText({ timeout: 2_000 }).catch(() => '');
    const match = /Ln (\d+)/.exec(text);
    return match ? Number(match[1]) : undefined;
  }

  async editorText(): Promise<string> {
    const text = await this.activeEditor().locator('.view-lines').first().evaluate((lines) => {
      const copy = lines.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[class*="ghost-text"]').forEach((ghost) => ghost.remove());
      return [...copy.querySelectorAll('.view-line')]
        .sort((a, b) => parseFloat((a as HTMLElement).style.top) - parseFloat((b as HTMLElement).style.top))
        .map((line) => line.textContent ?? '')
        .join('\n');
    });
    return text.replace(/\u00a0/g, ' ');
  }

  /** The extension's public snapshot, read through the test bridge's palette command. */
  async snapshot(): Promise<Snapshot> {
    await rm(this.snapshotFile, { force: true });
    await this.runCommand('Ownership Tests: Write Snapshot');
    const deadline = Date.now() + 10_000;
    while (!existsSync(this.snapshotFile)) {
      if (Date.now() > deadline) {
        throw new Error('the test bridge wrote no snapshot');
      }
      await delay(50);
    }
    return JSON.parse(await readFile(this.snapshotFile, 'utf8')) as Snapshot;
  }

  /** Polls `read` until `accept` holds or the time is up; returns the last value read. */
  async waitFor<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let value = await read();
    while (!accept(value) && Date.now() < deadline) {
      await delay(100);
      value = await read();
    }
    return value;
  }

  /**
   * What the page's web-worker extension host has done, from its own performance timeline: the
   * extensions it activated (`code/extHost/didActivateExtension/<id>` marks) and the URLs it
   * fetched (extension code comes as `…/vscode-remote-resource?path=<folder>/<browser entry>`).
   */
  async webWorkerExtensionHost(): Promise<{ activated: string[]; fetched: string[] }> {
    const prefix = 'code/extHost/didActivateExtension/';
    const timelines = await Promise.all(this.page.workers().map((worker) => worker.evaluate(() => ({
      host: self.name === 'ExtensionHostWorker',
      marks: performance.getEntriesByType('mark').map((mark) => mark.name),
      fetched: performance.getEntriesByType('resource').map((entry) => entry.name),
    })).catch(() => undefined)));
    const host = timelines.filter((timeline) => timeline?.host === true);
    return {
      activated: host.flatMap((timeline) => timeline?.marks ?? []).filter((name) => name.startsWith(prefix)).map((name) => name.slice(prefix.length)),
      fetched: host.flatMap((timeline) => timeline?.fetched ?? []),
    };
  }

  /** The dashboard's content frame (the webview's inner iframe). */
  dashboardFrame(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  }

  async screenshot(name: string): Promise<string> {
    const path = join(this.server.runDir, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  /** Stops everything; on failure keeps a screenshot and the logs in test-output/. */
  async close(failed = false): Promise<void> {
    if (failed) {
      await this.screenshot('failure').catch(() => undefined);
      console.error(`    artifacts kept in ${await keepFailureArtifacts(this.server.runDir, 'ui')}`);
    }
    await this.browser.close();
    await this.server.stop();
    if (!failed && this.ownsRunDir) {
      await removeRunDir(this.server.runDir);
    }
  }
}

/** Opens `name` with Quick Open in the window `page` shows and clicks into its editor; returns the editor. */
export async function openFileIn(page: Page, name: string): Promise<Locator> {
  const activeTab = page.locator('.tab.active', { hasText: name });
  // The quick-open list reuses its row elements while the filter applies: a click can land on a
  // row that has just been given another file. Open again until the file's tab is the active one.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await input.fill(name);
    // The list re-sorts while recent files and fuzzy matches arrive (work-crlf.ts also matches
    // "work.ts"): let it settle before clicking, longer on a retry.
    await delay(attempt === 1 ? 250 : 1_000);
    // Click the matching row: Enter could pick a row of the list from before the filter applied.
    await page.locator('.quick-input-list .monaco-list-row').filter({
      has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }),
    }).first().click();
    const opened = await activeTab.waitFor({ timeout: attempt < 3 ? 10_000 : 30_000 }).then(() => true, () => false);
    if (opened) {
      break;
    }
    if (attempt === 3) {
      throw new Error(`${name} did not become the active editor`);
    }
    await page.keyboard.press('Escape');
  }
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await editor.locator('.view-lines').first().click({ force: true });
  return editor;
}

async function openWorkbenchPage(page: Page, server: RunningCodeServer): Promise<void> {
  await page.goto(server.workbenchUrl());
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator(`[id="${STATUS_BAR_ID}"]`).waitFor({ state: 'visible', timeout: 60_000 });
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
