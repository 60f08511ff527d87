import * as vscode from 'vscode';
import type { ActionSignals } from '../core/attribution/actions';
import { someAiExtension } from '../core/attribution/extensionLists';
import { isAiDiffScheme } from '../core/attribution/schemes';
import { Disposable } from './disposable';

export interface EditContextOptions {
  readonly aiExtensions: () => readonly string[];
  readonly toolExtensions: () => readonly string[];
}

/**
 * What the editor shows around an anonymous edit, kept up to date from events so that the
 * classifier's questions cost nothing: is an AI extension's diff view open, is an AI extension
 * installed and enabled. The extension list (a few milliseconds to read) is read just after
 * activation rather than during it, or at the first question if one comes sooner.
 */
export class EditContext extends Disposable implements ActionSignals {
  private diffOpen = false;
  private aiExtension: boolean | undefined;

  constructor(private readonly options: EditContextOptions) {
    super();
    this.register(vscode.window.tabGroups.onDidChangeTabs(() => this.updateTabs()));
    this.register(vscode.extensions.onDidChange(() => this.updateExtensions()));
    this.register(vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('ownershipRatio.detection')) {
        this.updateExtensions();
      }
    }));
    this.updateTabs();
    const warmUp = setTimeout(() => this.aiExtensionActive(), 0);
    this.register({ dispose: () => clearTimeout(warmUp) });
  }

  aiDiffViewOpen(): boolean {
    return this.diffOpen;
  }

  aiExtensionActive(): boolean {
    return this.aiExtension ??= this.readExtensions();
  }

  private updateTabs(): void {
    this.diffOpen = vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) =>
      tab.input instanceof vscode.TabInputTextDiff && isAiDiffScheme(tab.input.original.scheme)));
  }

  private updateExtensions(): void {
    this.aiExtension = this.readExtensions();
  }

  private readExtensions(): boolean {
    return someAiExtension(vscode.extensions.all.map((extension) => extension.id), this.options.aiExtensions(), this.options.toolExtensions());
  }
}
