import * as vscode from 'vscode';
import type { DashboardDeps, DashboardPanel, DashboardSection } from './dashboardPanel';
import { DASHBOARD_VIEW_TYPE } from './dashboardView';
import { Disposable } from './disposable';
import type { OnDemand } from './featureBundle';

/** The panel's class, from the feature bundle: loaded when a dashboard is first opened or revived. */
export type DashboardPanels = OnDemand<Pick<typeof DashboardPanel, 'create' | 'revive'>>;

/** Keeps at most one dashboard panel, and revives it after a window reload. */
export class Dashboard extends Disposable {
  private current: DashboardPanel | undefined;
  /** A panel being created while its code loads: a second open waits for it, then reveals. */
  private opening: Promise<void> | undefined;

  constructor(private readonly deps: DashboardDeps, private readonly panels: DashboardPanels) {
    super();
    this.register(vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, {
      deserializeWebviewPanel: async (webviewPanel) => {
        const panels = await this.panels.get();
        if (this.isDisposed) {
          webviewPanel.dispose();
          return;
        }
        this.current?.dispose();
        this.track((onDisposed) => panels.revive(webviewPanel, this.deps, onDisposed));
      },
    }));
    this.register({ dispose: () => this.current?.dispose() });
  }

  /** Opens (or reveals) the dashboard on the place asked for: the charts, or today's reflection. */
  open(section: DashboardSection = 'dashboard'): Promise<void> {
    if (this.current) {
      this.current.reveal(section);
      return Promise.resolve();
    }
    if (this.opening) {
      return this.opening.then(() => this.current?.reveal(section));
    }
    const loaded = this.panels.now;
    if (loaded) {
      this.track((onDisposed) => loaded.create(this.deps, onDisposed, section));
      return Promise.resolve();
    }
    const opening = this.opening = this.panels.get().then((panels) => {
      if (!this.isDisposed) {
        this.track((onDisposed) => panels.create(this.deps, onDisposed, section));
      }
    }).finally(() => {
      this.opening = undefined;
    });
    return opening;
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
