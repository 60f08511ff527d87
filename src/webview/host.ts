/** The page's line to the extension: the API the boot script acquired, and the page's root element. */
import type { FromWebviewMessage } from '../protocol';
import { BOOT_GLOBAL, type DashboardBoot } from './vscodeApi';

/** The boot script (loaded first in the page) holds the API, has said "ready" and kept the answers. */
export const boot = (window as unknown as Record<string, DashboardBoot>)[BOOT_GLOBAL];

export const app = document.getElementById('app') as HTMLElement;

export function post(message: FromWebviewMessage): void {
  boot.vscode.postMessage(message);
}
