/**
 * The dashboard's first script, loaded in the head before the main bundle (chart.js and all): it
 * says "ready" at once and keeps what the extension answers until the main bundle takes over, so
 * that the extension's answer travels while the main bundle is still loading.
 */
import type { FromWebviewMessage } from '../protocol';
import { DEFAULT_RANGE, isRangeKey } from '../ranges';
import { BOOT_GLOBAL, type DashboardBoot, type VsCodeApi } from './vscodeApi';

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const early: unknown[] = [];
const keep = (event: MessageEvent<unknown>): void => {
  early.push(event.data);
};
window.addEventListener('message', keep);

const saved = vscode.getState() as { range?: unknown; scope?: unknown } | undefined;
const range = isRangeKey(saved?.range) ? saved.range : DEFAULT_RANGE;
const ready: FromWebviewMessage = { type: 'ready', range, ...(saved?.scope === 'all' ? { scope: 'all' as const } : {}) };
vscode.postMessage(ready);

const boot: DashboardBoot = {
  vscode,
  takeOver() {
    window.removeEventListener('message', keep);
    return early.splice(0);
  },
};
(window as unknown as Record<string, DashboardBoot>)[BOOT_GLOBAL] = boot;
