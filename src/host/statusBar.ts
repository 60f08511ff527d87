import * as vscode from 'vscode';
import { CATEGORIES, type Category } from '../core/categories';
import { systemScheduler, type Clock, type Scheduler } from '../core/clock';
import { fatePercents } from '../core/fate/outcome';
import type { Snapshot } from '../core/history/snapshot';
import { aiChars, countedChars } from '../core/ratio';
import type { Totals } from '../core/tally';
import { LIVE_UPDATE_INTERVAL_MS } from '../core/liveUpdates';
import { RateControl } from '../core/rateControl';
import { aiChatNotSplit } from '../core/terminal/aiChatBy';
import { Disposable } from './disposable';
import { settings, type StatusBarPeriod } from './settings';

/** A status bar with nothing counted in this many days shows the way to the walkthrough. */
const FIRST_RUN_DAYS = 30;

export interface StatusBarSource {
  readonly onDidChange: vscode.Event<void>;
  getSnapshot(): Snapshot;
  /** Totals of the last `days` days including today. */
  lastDays(days: number): Totals;
  /** Counting goes on but nothing reaches storage now (writes fail, history read-only or missing). */
  readonly countsOnlyInMemory: boolean;
}

/** What the tooltip should add about what cannot be seen now. */
export interface StatusBarNotices {
  readonly onDidChange: vscode.Event<void>;
  /** An open terminal has no shell integration: agent CLIs run there are not recognised. */
  readonly missing: boolean;
}

export interface StatusBarState {
  readonly text: string;
  /** The tooltip's Markdown source. */
  readonly tooltip: string;
  readonly visible: boolean;
}

/** The status-bar indicator: your share of the work at a glance, the breakdown on hover. */
export class OwnershipStatusBar extends Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly updates: RateControl;
  private visible = false;

  constructor(private readonly source: StatusBarSource, clock: Clock, scheduler: Scheduler = systemScheduler, private readonly notices?: StatusBarNotices) {
    super();
    this.item = this.register(vscode.window.createStatusBarItem('ownershipRatio.status', vscode.StatusBarAlignment.Right, 100));
    this.item.name = vscode.l10n.t('Ownership Ratio');
    this.item.command = 'ownershipRatio.openDashboard';
    this.updates = new RateControl(() => this.render(), { intervalMs: LIVE_UPDATE_INTERVAL_MS, trailing: true }, () => clock.now(), scheduler);
    this.register({ dispose: () => this.updates.dispose() });
    this.register(source.onDidChange(() => this.updates.request()));
    if (notices !== undefined) {
      this.register(notices.onDidChange(() => this.updates.request()));
    }
    this.register(vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('ownershipRatio.statusBar')) {
        this.render();
      }
    }));
    // First paint right after activation: number formatting loads ICU data (~10 ms), which
    // must not count against activation.
    const firstPaint = scheduler.setTimeout(() => this.render(), 0);
    this.register({ dispose: () => scheduler.clearTimeout(firstPaint) });
  }

  /** What the item shows now (for the read-only API). */
  get state(): StatusBarState {
    return { text: this.item.text, tooltip: (this.item.tooltip as vscode.MarkdownString | undefined)?.value ?? '', visible: this.visible };
  }

  private render(): void {
    if (this.isDisposed) {
      return;
    }
    if (!settings.statusBarEnabled()) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const period = settings.statusBarPeriod();
    const snapshot = this.source.getSnapshot();
    const totals = period === 'session' ? snapshot.session : period === 'today' ? snapshot.today : this.source.lastDays(7);
    const percent = totals.ownershipRatio === null ? undefined : Math.round(totals.ownershipRatio * 100);
    this.item.text = percent === undefined ? `$(person) ${vscode.l10n.t('No edits yet')}` : `$(person) ${vscode.l10n.t('{0}% yours', percent)}`;
    this.item.accessibilityInformation = { label: accessibleLabel(percent, period) };
    this.item.backgroundColor = outsideTarget(percent) ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    // Nothing counted in the last month: most likely a first run, so the tooltip points at the walkthrough.
    const firstRun = countedChars(this.source.lastDays(FIRST_RUN_DAYS).chars) === 0;
    this.item.tooltip = tooltip(totals, period, snapshot, firstRun, this.notices?.missing === true, this.source.countsOnlyInMemory);
    this.item.show();
    this.visible = true;
  }
}

/** Colour only when the user set a personal target band and the share is outside it: no shaming by default. */
function outsideTarget(percent: number | undefined): boolean {
  const band = settings.targetBand();
  return band !== undefined && percent !== undefined && (percent < band.min || percent > band.max);
}

function periodLabel(period: StatusBarPeriod): string {
  switch (period) {
    case 'session':
      return vscode.l10n.t('this session');
    case 'today':
      return vscode.l10n.t('today');
    case 'last7Days':
      return vscode.l10n.t('the last 7 days');
  }
}

function accessibleLabel(percent: number | undefined, period: StatusBarPeriod): string {
  return percent === undefined
    ? vscode.l10n.t('Ownership Ratio: no edits counted for {0} yet', periodLabel(period))
    : vscode.l10n.t('Ownership Ratio: {0} percent of the characters counted for {1} are yours', percent, periodLabel(period));
}

function tooltip(totals: Totals, period: StatusBarPeriod, { session, today }: Snapshot, firstRun: boolean, noShellIntegration: boolean, inMemoryOnly: boolean): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(undefined, true);
  markdown.isTrusted = { enabledCommands: ['ownershipRatio.openDashboard', 'ownershipRatio.gettingStarted'] };
  markdown.appendMarkdown(`**${vscode.l10n.t('Ownership Ratio — {0}', periodLabel(period))}**\n\n`);
  markdown.appendMarkdown(`| ${vscode.l10n.t('Category')} | ${vscode.l10n.t('Characters')} |\n|:--|--:|\n`);
  for (const category of CATEGORIES) {
    markdown.appendMarkdown(`| ${categoryLabel(category)} | ${totals.chars[category].toLocaleString()} |\n`);
  }
  const ai = aiChars(totals.chars);
  if (ai > 0) {
    markdown.appendMarkdown(`\n${vscode.l10n.t('{0} of {1} AI-assisted characters are estimated.', totals.estimatedAiChars.toLocaleString(), ai.toLocaleString())}\n`);
  }
  if (totals.chars.aiChat > 0) {
    markdown.appendMarkdown(`\n${aiChatByLine(totals)}\n`);
  }
  const fate = fatePercents(today.aiFate);
  if (fate !== undefined) {
    markdown.appendMarkdown(`\n${vscode.l10n.t('AI text today: {0} % kept, {1} % reworked by you, {2} % removed', ...fate)}\n`);
  }
  if (session.id !== '') {
    const minutes = Math.max(0, Math.round((Date.parse(session.end) - Date.parse(session.start)) / 60_000));
    markdown.appendMarkdown(`\n${vscode.l10n.t('Current session: {0} min', minutes)}\n`);
  }
  if (inMemoryOnly) {
    markdown.appendMarkdown(`\n$(warning) ${vscode.l10n.t('Your counts cannot be saved right now: counting continues in memory, and the log says why.')}\n`);
  }
  if (noShellIntegration) {
    markdown.appendMarkdown(`\n$(terminal) ${vscode.l10n.t('A terminal without shell integration is open: AI agents run there are not recognised, and their changes to open files count as changed outside the editor.')}\n`);
  }
  markdown.appendMarkdown(`\n${vscode.l10n.t('Characters are Unicode code points; a line break counts as one.')}\n\n`);
  markdown.appendMarkdown(`[$(graph) ${vscode.l10n.t('Open dashboard')}](command:ownershipRatio.openDashboard)`);
  if (firstRun) {
    markdown.appendMarkdown(`\n\n${vscode.l10n.t('New here?')} [$(book) ${vscode.l10n.t('Get started')}](command:ownershipRatio.gettingStarted)`);
  }
  return markdown;
}

/** Where the AI chat and agent work came from, in one line; what was counted before the split is said to be not split. */
function aiChatByLine(totals: Totals): string {
  const { chat, extension, terminal } = totals.aiChatBy;
  const notSplit = aiChatNotSplit(totals.chars.aiChat, totals.aiChatBy);
  const [c, e, t, n] = [chat, extension, terminal, notSplit].map((value) => value.toLocaleString());
  return notSplit === 0
    ? vscode.l10n.t('AI chat and agents: {0} in chat, {1} by extensions, {2} by terminal agents', c, e, t)
    : vscode.l10n.t('AI chat and agents: {0} in chat, {1} by extensions, {2} by terminal agents; {3} counted earlier, not split', c, e, t, n);
}

export function categoryLabel(category: Category): string {
  switch (category) {
    case 'typed':
      return vscode.l10n.t('Typed (yours)');
    case 'aiInline':
      return vscode.l10n.t('AI inline completions');
    case 'aiChat':
      return vscode.l10n.t('AI chat and agents');
    case 'paste':
      return vscode.l10n.t('Pasted');
    case 'tool':
      return vscode.l10n.t('Tools (IntelliSense, format, refactor)');
    case 'undoRedo':
      return vscode.l10n.t('Undo and redo');
    case 'external':
      return vscode.l10n.t('Changed outside the editor');
  }
}
