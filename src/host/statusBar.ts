import * as vscode from 'vscode';
import { CATEGORIES, type Category } from '../core/categories';
import type { Clock } from '../core/clock';
import type { Snapshot } from '../core/snapshot';
import { Throttle } from '../core/throttle';
import { Disposable } from './disposable';

/** At most four updates a second, whatever the typing speed. */
const UPDATE_INTERVAL_MS = 250;

export interface StatusBarSource {
  readonly onDidChange: vscode.Event<void>;
  getSnapshot(): Snapshot;
}

export interface StatusBarState {
  readonly text: string;
  /** The tooltip's Markdown source. */
  readonly tooltip: string;
  readonly visible: boolean;
}

/** The status-bar indicator: today's share of own work at a glance, the breakdown on hover. */
export class OwnershipStatusBar extends Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly throttle: Throttle;
  private visible = false;
  constructor(private readonly source: StatusBarSource, clock: Clock) {
    super();
    this.item = this.register(vscode.window.createStatusBarItem('ownershipRatio.status', vscode.StatusBarAlignment.Right, 100));
    this.item.name = vscode.l10n.t('Ownership Ratio');
    this.item.command = 'ownershipRatio.openDashboard';
    this.throttle = new Throttle(() => this.render(), UPDATE_INTERVAL_MS, () => clock.now());
    this.register({ dispose: () => this.throttle.dispose() });
    this.register(source.onDidChange(() => this.throttle.request()));
    this.register(vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('ownershipRatio')) {
        this.render();
      }
    }));
    // First paint right after activation: number formatting loads ICU data (~10 ms), which
    // must not count against activation.
    const firstPaint = setTimeout(() => this.render(), 0);
    this.register({ dispose: () => clearTimeout(firstPaint) });
  }

  /** What the item shows now (for the read-only API). */
  get state(): StatusBarState {
    return { text: this.item.text, tooltip: (this.item.tooltip as vscode.MarkdownString | undefined)?.value ?? '', visible: this.visible };
  }

  private render(): void {
    if (this.isDisposed) {
      return;
    }
    if (!vscode.workspace.getConfiguration('ownershipRatio').get<boolean>('statusBar.enabled', true)) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const { today } = this.source.getSnapshot();
    this.item.text = today.ownershipRatio === null
      ? `$(person) ${vscode.l10n.t('No edits yet')}`
      : `$(person) ${vscode.l10n.t('{0}% yours', Math.round(today.ownershipRatio * 100))}`;
    this.item.accessibilityInformation = { label: this.accessibleLabel(today.ownershipRatio) };
    this.item.tooltip = this.tooltip(today);
    this.item.show();
    this.visible = true;
  }

  private accessibleLabel(ratio: number | null): string {
    return ratio === null
      ? vscode.l10n.t('Ownership Ratio: no edits counted today yet')
      : vscode.l10n.t('Ownership Ratio: {0} percent of today’s counted characters are yours', Math.round(ratio * 100));
  }

  private tooltip(today: Snapshot['today']): vscode.MarkdownString {
    const markdown = new vscode.MarkdownString(undefined, true);
    markdown.isTrusted = { enabledCommands: ['ownershipRatio.openDashboard'] };
    markdown.appendMarkdown(`**${vscode.l10n.t('Ownership Ratio — today')}**\n\n`);
    markdown.appendMarkdown(`| ${vscode.l10n.t('Category')} | ${vscode.l10n.t('Characters')} |\n|:--|--:|\n`);
    for (const category of CATEGORIES) {
      markdown.appendMarkdown(`| ${categoryLabel(category)} | ${today.chars[category].toLocaleString()} |\n`);
    }
    const ai = today.chars.aiInline + today.chars.aiChat;
    if (ai > 0) {
      markdown.appendMarkdown(`\n${vscode.l10n.t('{0} of {1} AI-assisted characters are estimated.', today.estimatedAiChars.toLocaleString(), ai.toLocaleString())}\n`);
    }
    markdown.appendMarkdown(`\n${vscode.l10n.t('Characters are Unicode code points; a line break counts as one.')}\n\n`);
    markdown.appendMarkdown(`[$(graph) ${vscode.l10n.t('Open dashboard')}](command:ownershipRatio.openDashboard)`);
    return markdown;
  }
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
