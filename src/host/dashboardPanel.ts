import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { dashboardHtml } from '../core/dashboardHtml';
import type { Snapshot } from '../core/history/snapshot';
import { Throttle } from '../core/throttle';
import { parseFromWebview, type FromWebviewMessage, type ToWebviewMessage } from '../protocol';
import { dashboardStrings } from './dashboardStrings';
import { Disposable } from './disposable';

export const DASHBOARD_VIEW_TYPE = 'ownershipRatio.dashboard';

export interface DashboardSource {
  readonly onDidChange: vscode.Event<void>;
  getSnapshot(): Snapshot;
}

/** The one dashboard panel: a ready handshake, then a snapshot, then live updates. */
export class DashboardPanel extends Disposable {
  private ready = false;
  /** Live updates at most four times a second while typing. */
  private readonly updates = new Throttle(() => this.postSnapshot(), 250, () => Date.now());

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly source: DashboardSource,
    private readonly log: vscode.LogOutputChannel,
    private readonly onDisposed: () => void,
  ) {
    super();
    this.register(panel);
    panel.webview.options = webviewOptions(extensionUri);
    this.register(panel.onDidDispose(() => this.dispose()));
    this.register(panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message)));
    this.register(panel.onDidChangeViewState(() => {
      if (panel.visible) {
        this.postSnapshot();
      }
    }));
    this.register({ dispose: () => this.updates.dispose() });
    this.register(source.onDidChange(() => this.updates.request()));
    this.render();
  }

  static create(extensionUri: vscode.Uri, source: DashboardSource, log: vscode.LogOutputChannel, onDisposed: () => void): DashboardPanel {
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, vscode.l10n.t('Ownership Ratio'), vscode.ViewColumn.Active, webviewOptions(extensionUri));
    return new DashboardPanel(panel, extensionUri, source, log, onDisposed);
  }

  /** Revives a panel VS Code restored after a reload (see `WebviewPanelSerializer`). */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, source: DashboardSource, log: vscode.LogOutputChannel, onDisposed: () => void): DashboardPanel {
    return new DashboardPanel(panel, extensionUri, source, log, onDisposed);
  }

  reveal(): void {
    this.panel.reveal();
  }

  override dispose(): void {
    if (!this.isDisposed) {
      super.dispose();
      this.onDisposed();
    }
  }

  private render(): void {
    this.ready = false;
    const webview = this.panel.webview;
    const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...path)).toString();
    webview.html = dashboardHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: asset('dist', 'webview', 'dashboard.js'),
      styleUri: asset('media', 'dashboard.css'),
      language: vscode.env.language,
      title: vscode.l10n.t('Ownership Ratio'),
    });
  }

  private onMessage(raw: unknown): void {
    const message = parseFromWebview(raw);
    if (!message) {
      this.log.warn('Dashboard: ignored a message that does not match the protocol.');
      return;
    }
    this.handle(message);
  }

  private handle(message: FromWebviewMessage): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post({ type: 'init', locale: vscode.env.language, strings: dashboardStrings() });
        this.postSnapshot();
        return;
      case 'refresh':
        this.postSnapshot();
        return;
    }
  }

  private postSnapshot(): void {
    if (this.ready && this.panel.visible) {
      this.post({ type: 'snapshot', snapshot: this.source.getSnapshot() });
    }
  }

  private post(message: ToWebviewMessage): void {
    if (this.isDisposed) {
      return;
    }
    this.panel.webview.postMessage(message).then(undefined, (error: unknown) => this.log.warn(`Dashboard: could not post a message: ${String(error)}`));
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}
