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
 * installed and enabled.
 */
export class EditContext extends Disposable implements ActionSignals {
  private diffOpen = false;
  private aiExtension = false;

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
    this.updateExtensions();
  }

  aiDiffViewOpen(): boolean {
    return this.diffOpen;
  }

  aiExtensionActive(): boolean {
    return this.aiExtension;
  }

  private updateTabs(): void {
    this.diffOpen = vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) =>
      tab.input instanceof vscode.TabInputTextDiff && isAiDiffScheme(tab.input.original.scheme)));
  }

  private updateExtensions(): void {
    this.aiExtension = someAiExtension(vscode.extensions.all.map((extension) => extension.id), this.options.aiExtensions(), this.options.toolExtensions());
  }
}
