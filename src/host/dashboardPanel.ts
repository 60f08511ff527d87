import * as vscode from 'vscode';
import type { Calendar } from '../core/calendar';
import { systemScheduler, type Scheduler } from '../core/clock';
import { dashboardHtml } from '../core/dashboardHtml';
import type { Snapshot } from '../core/history/snapshot';
import { LIVE_HISTORY_INTERVAL_MS, LIVE_UPDATE_INTERVAL_MS } from '../core/liveUpdates';
import { RateControl } from '../core/rateControl';
import type { ReflectionStore } from '../core/reflection/store';
import { DEFAULT_RANGE, parseFromWebview, type FromWebviewMessage, type RangeKey, type Scope, type ToWebviewMessage } from '../protocol';
import { buildHistory, buildInsights, buildSessions, type HistoryReader } from './dashboardData';
import { buildGlance } from './dashboardGlance';
import { DashboardScope, type DashboardProjects } from './dashboardScope';
import { DASHBOARD_VIEW_TYPE } from './dashboardView';
import { dashboardStrings } from './dashboardStrings';
import { Disposable } from './disposable';
import { languageNames } from './languageNames';
import { randomBase64 } from './randomText';
import { settings } from './settings';


export interface DashboardSource {
  readonly onDidChange: vscode.Event<void>;
  getSnapshot(): Snapshot;
  /** The merged history of all windows (`HistoryStore`). */
  readonly store: HistoryReader & { refresh(): void };
}

export interface DashboardReflections {
  enabled(): boolean;
  readonly store: ReflectionStore;
}

export interface DashboardDeps {
  readonly extensionUri: vscode.Uri;
  readonly source: DashboardSource;
  readonly reflections: DashboardReflections;
  readonly log: vscode.LogOutputChannel;
  readonly calendar: Calendar;
  /** Timers for the live updates (the system's unless a test passes its own). */
  readonly scheduler?: Scheduler;
  /** The other projects' copies, for "All projects" (none without a folder open). */
  readonly projects?: DashboardProjects;
}

export type DashboardSection = 'dashboard' | 'reflection';

/** The one dashboard panel: a ready handshake, then the page's data, then live updates and answers to requests. */
export class DashboardPanel extends Disposable {
  private ready = false;
  private pendingFocus: DashboardSection | undefined;
  /** The range the page shows, so that live updates of the history send that one. */
  private range: RangeKey = DEFAULT_RANGE;
  private readonly glanceUpdates: RateControl;
  private readonly historyUpdates: RateControl;
  /**
   * Messages from the page: a burst of 60, then 20 a second. A page flooding the host is a bug or
   * an attack, never a user: the rest is dropped, and said in the log at most every 5 s.
   */
  private readonly incoming: RateControl;
  private readonly dropNotice: RateControl;
  /** This project or all projects, and the other projects' copies. */
  private readonly scope: DashboardScope;
  /** A first view was posted behind the HTML and the page has not said "ready" yet. */
  private firstViewPosted = false;

  private constructor(private readonly panel: vscode.WebviewPanel, private readonly deps: DashboardDeps, private readonly onDisposed: () => void) {
    super();
    const now = () => deps.calendar.now();
    this.scope = new DashboardScope(deps.projects, now);
    this.glanceUpdates = new RateControl(() => this.postGlance(), { intervalMs: LIVE_UPDATE_INTERVAL_MS, trailing: true }, now, deps.scheduler);
    this.historyUpdates = new RateControl(() => this.postHistory(this.range), { intervalMs: LIVE_HISTORY_INTERVAL_MS, trailing: true }, now, deps.scheduler);
    this.incoming = new RateControl(() => undefined, { intervalMs: 50, burst: 60, trailing: false }, now);
    this.dropNotice = new RateControl(() => this.log.warn(`Dashboard: too many messages from the page; ${this.incoming.dropped} dropped so far.`), { intervalMs: 5_000, trailing: false }, now);
    this.register(panel);
    panel.webview.options = webviewOptions(deps.extensionUri);
    this.register(panel.onDidDispose(() => this.dispose()));
    this.register(panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message)));
    this.register(panel.onDidChangeViewState(() => {
      // Without retained context the page is gone while hidden; shown again, it loads anew and
      // says "ready" again. Nothing is posted to it before that.
      if (!panel.visible) {
        this.ready = false;
        this.firstViewPosted = false;
      }
    }));
    this.register({ dispose: () => [this.glanceUpdates, this.historyUpdates].forEach((control) => control.dispose()) });
    this.register(deps.source.onDidChange(() => {
      if (this.ready) {
        this.glanceUpdates.request();
        this.historyUpdates.request();
      }
    }));
    this.register(vscode.window.onDidChangeWindowState((state) => {
      // Back in this window: another one may have written its project's copy meanwhile.
      if (state.focused && this.ready && this.scope.scope === 'all') {
        void this.showScope();
      }
    }));
    this.register(vscode.workspace.onDidChangeConfiguration((event) => {
      // Reflection turned on or off, or paste counted differently: reload the page (its view state is kept).
      if (event.affectsConfiguration('ownershipRatio.reflection.enabled') || event.affectsConfiguration('ownershipRatio.pasteCountsAs')) {
        this.render();
      }
    }));
    this.render();
  }

  static create(deps: DashboardDeps, onDisposed: () => void, focus?: DashboardSection): DashboardPanel {
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, vscode.l10n.t('Ownership Ratio'), vscode.ViewColumn.Active, webviewOptions(deps.extensionUri));
    const created = new DashboardPanel(panel, deps, onDisposed);
    created.pendingFocus = focus;
    created.postFirstView();
    return created;
  }

  /** Revives a panel VS Code restored after a reload (see `WebviewPanelSerializer`). */
  static revive(panel: vscode.WebviewPanel, deps: DashboardDeps, onDisposed: () => void): DashboardPanel {
    return new DashboardPanel(panel, deps, onDisposed);
  }

  reveal(focus?: DashboardSection): void {
    this.panel.reveal();
    if (focus) {
      // Before the page's "ready" (also with its first view posted) the answer to it shows the place.
      if (this.ready && !this.firstViewPosted) {
        this.post({ type: 'focus', section: focus });
      } else {
        this.pendingFocus = focus;
      }
    }
  }

  override dispose(): void {
    if (!this.isDisposed) {
      super.dispose();
      this.onDisposed();
    }
  }

  private render(): void {
    this.ready = false;
    this.firstViewPosted = false;
    const webview = this.panel.webview;
    const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, ...path)).toString();
    webview.html = dashboardHtml({
      cspSource: webview.cspSource,
      nonce: randomBase64(16),
      scriptUri: asset('dist', 'webview', 'dashboard.js'),
      bootUri: asset('dist', 'webview', 'boot.js'),
      chartsUri: asset('dist', 'webview', 'charts.js'),
      styleUri: asset('media', 'dashboard.css'),
      language: vscode.env.language,
      title: vscode.l10n.t('Ownership Ratio'),
      renderedAt: this.deps.calendar.now(),
    });
  }

  /**
   * A new panel's page has no view state yet, so it will show the default range of this project:
   * its messages go right behind the HTML. VS Code hands them to the page once it has loaded, a
   * round trip before an answer to its "ready" could arrive.
   */
  private postFirstView(): void {
    if (!this.panel.visible) {
      return;
    }
    this.ready = true;
    this.firstViewPosted = true;
    this.postOpening();
  }

  /** What the page needs first: the strings, and today and the range's history in its scope. */
  private postOpening(): void {
    this.deps.source.store.refresh();
    this.post({ type: 'init', locale: vscode.env.language, strings: dashboardStrings(), reflection: this.deps.reflections.enabled() });
    if (this.scope.scope === 'all') {
      // The other projects' copies first: the page never shows this project's figures as all of them.
      void this.showScope(true);
    } else {
      this.postGlance();
      // The range's history right away (no extra round trip before the first chart); insights after it.
      this.postHistory(this.range);
    }
  }

  private onMessage(raw: unknown): void {
    if (!this.incoming.request()) {
      this.dropNotice.request();
      return;
    }
    const message = parseFromWebview(raw);
    if (!message) {
      this.log.warn('Dashboard: ignored a message that does not match the protocol.');
      return;
    }
    try {
      this.handle(message);
    } catch (error) {
      this.log.error(`Dashboard: could not answer ${message.type}: ${String(error)}`);
    }
  }

  private get log(): vscode.LogOutputChannel {
    return this.deps.log;
  }

  private today(): string {
    return this.deps.calendar.today();
  }

  private handle(message: FromWebviewMessage): void {
    switch (message.type) {
      case 'ready':
        this.onReady(message.range ?? DEFAULT_RANGE, message.scope ?? 'this');
        return;
      case 'setScope':
        this.scope.set(message.scope);
        void this.showScope(true);
        return;
      case 'removeProject':
        void this.removeProject(message.key);
        return;
      case 'getHistory':
        this.range = message.range;
        this.postHistory(message.range);
        return;
      case 'getSessions':
        this.post({ type: 'sessions', date: message.date, sessions: buildSessions(this.deps.source.store, message.date, settings.pasteCountsAs()) });
        return;
      case 'getReflection':
        this.postReflection(message.date);
        return;
      case 'saveReflection':
        this.saveReflection(message);
        return;
    }
  }

  private onReady(range: RangeKey, scope: Scope): void {
    this.firstViewPosted = false;
    this.ready = true;
    this.range = range;
    this.scope.set(scope);
    // Always, also after the first view posted behind the HTML: under load the editor may hand the
    // page none of what was posted before it loaded, and a page without its strings stays blank.
    this.postOpening();
    if (this.pendingFocus) {
      this.post({ type: 'focus', section: this.pendingFocus });
      this.pendingFocus = undefined;
    }
    // The insights read a year of days and sessions: a task later, so that the first view's
    // messages leave first (the extension host sends what is posted once the current task ends).
    (this.deps.scheduler ?? systemScheduler).setTimeout(() => this.postInsights(), 0);
  }

  private postGlance(): void {
    if (this.ready && this.panel.visible) {
      const paste = settings.pasteCountsAs();
      const reader = this.scope.reader(this.deps.source.store, paste);
      this.post({ type: 'glance', glance: buildGlance(reader, this.scope.today(this.deps.source.getSnapshot().today, paste), paste) });
    }
  }

  /** The range's history, and with it (when there are projects to sum) the per-project table. */
  private postHistory(range: RangeKey): void {
    if (this.ready && this.panel.visible) {
      const paste = settings.pasteCountsAs();
      const store = this.deps.source.store;
      this.post({ type: 'history', history: buildHistory(this.scope.reader(store, paste), range, this.today(), paste, languageNames()) });
      if (this.scope.available) {
        this.post({ type: 'projects', projects: this.scope.payload(store, range, this.today(), paste) });
      }
    }
  }

  /** The other projects' copies read again (unless just read), then the page's figures in its scope. */
  private async showScope(force = false): Promise<void> {
    try {
      await this.scope.reread(force);
    } catch (error) {
      this.log.warn(`Dashboard: could not read the other projects' copies: ${String(error)}`);
    }
    this.postGlance();
    this.postHistory(this.range);
  }

  /** Removes another project's copy from All projects, after a confirmation (its own history stays). */
  private async removeProject(key: string): Promise<void> {
    const name = this.scope.nameOf(key);
    if (name === undefined) {
      return;
    }
    const remove = vscode.l10n.t('Remove');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Remove “{0}” from All projects?', name),
      { modal: true, detail: vscode.l10n.t('This deletes only its copy of daily totals on this machine. Its history stays in its workspace, and opening it there writes the copy again.') },
      remove,
    );
    if (choice !== remove) {
      return;
    }
    if (!(await this.scope.remove(key))) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The copy of “{0}” could not be removed.', name));
    }
    this.postGlance();
    this.postHistory(this.range);
  }

  private postReflection(date: string): void {
    const { reflections } = this.deps;
    if (reflections.enabled()) {
      const entry = reflections.store.get(date) ?? null;
      this.post({ type: 'reflection', date, today: this.today(), entry, dates: reflections.store.dates().slice(0, 400) });
    }
  }

  private saveReflection(message: Extract<FromWebviewMessage, { type: 'saveReflection' }>): void {
    const { reflections } = this.deps;
    if (!reflections.enabled() || message.date > this.today()) {
      this.log.warn('Dashboard: refused to save a reflection (turned off, or a future day).');
      this.post({ type: 'saved', date: message.date, ok: false });
      return;
    }
    // The save completes even when the panel closes meanwhile; only the answer is skipped then.
    reflections.store.save(message.date, { ratings: message.ratings, answers: message.answers }).then(
      () => {
        this.post({ type: 'saved', date: message.date, ok: true });
        this.postInsights();
      },
      (error: unknown) => {
        this.log.error(`Could not save the reflection: ${String(error)}`);
        this.post({ type: 'saved', date: message.date, ok: false });
      },
    );
  }

  private postInsights(): void {
    if (!this.ready || !this.deps.reflections.enabled()) {
      return;
    }
    this.post({ type: 'insights', insights: buildInsights(this.deps.source.store, this.deps.reflections.store.all(), this.today(), settings.pasteCountsAs()) });
  }

  private post(message: ToWebviewMessage): void {
    if (this.isDisposed) {
      return;
    }
    try {
      this.panel.webview.postMessage(message).then(undefined, (error: unknown) => this.log.warn(`Dashboard: could not post a message: ${String(error)}`));
    } catch (error) {
      this.log.warn(`Dashboard: could not post a message: ${String(error)}`);
    }
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}
