import * as vscode from 'vscode';
import { DASHBOARD_VIEW_TYPE, DashboardPanel, type DashboardSource } from './dashboardPanel';
import { Disposable } from './disposable';

/** Keeps at most one dashboard panel, and revives it after a window reload. */
export class Dashboard extends Disposable {
  private current: DashboardPanel | undefined;

  constructor(private readonly extensionUri: vscode.Uri, private readonly source: DashboardSource, private readonly log: vscode.LogOutputChannel) {
    super();
    this.register(vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, {
      deserializeWebviewPanel: async (webviewPanel) => {
        this.current?.dispose();
        this.track((onDisposed) => DashboardPanel.revive(webviewPanel, this.extensionUri, this.source, this.log, onDisposed));
      },
    }));
    this.register({ dispose: () => this.current?.dispose() });
  }

  open(): void {
    if (this.current) {
      this.current.reveal();
    } else {
      this.track((onDisposed) => DashboardPanel.create(this.extensionUri, this.source, this.log, onDisposed));
    }
  }

  private track(createPanel: (onDisposed: () => void) => DashboardPanel): void {
    const panel: DashboardPanel = createPanel(() => {
      if (this.current === panel) {
        this.current = undefined;
      }
    });
    this.current = panel;
  }
}
