import type { FromWebviewMessage } from '../protocol';

/** The webview side of VS Code's API (`acquireVsCodeApi()`, which may be called only once). */
export interface VsCodeApi {
  postMessage(message: FromWebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}

/** What the boot script hands over to the main bundle. */
export interface DashboardBoot {
  readonly vscode: VsCodeApi;
  /** Stops keeping messages and returns those that arrived so far, oldest first. */
  takeOver(): unknown[];
}

/** The global under which the boot script leaves `DashboardBoot`. */
export const BOOT_GLOBAL = 'ownershipDashboardBoot';
