import * as vscode from 'vscode';
import { DASHBOARD_VIEW_TYPE, DashboardPanel, type DashboardDeps, type DashboardSection } from './dashboardPanel';
import { Disposable } from './disposable';

/** Keeps at most one dashboard panel, and revives it after a window reload. */
export class Dashboard extends Disposable {
  private current: DashboardPanel | undefined;

  constructor(private readonly deps: DashboardDeps) {
    super();
    this.register(vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, {
      deserializeWebviewPanel: async (webviewPanel) => {
        this.current?.dispose();
        this.track((onDisposed) => DashboardPanel.revive(webviewPanel, this.deps, onDisposed));
      },
    }));
    this.register({ dispose: () => this.current?.dispose() });
  }

  /** Opens (or reveals) the dashboard on the place asked for: the charts, or today's reflection. */
  open(section: DashboardSection = 'dashboard'): void {
    if (this.current) {
      this.current.reveal(section);
    } else {
      this.track((onDisposed) => DashboardPanel.create(this.deps, onDisposed, section));
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
