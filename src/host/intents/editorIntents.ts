import * as vscode from 'vscode';
import { ANY_DOCUMENT, type IntentLog } from '../../core/attribution/intents';
import type { Clock } from '../../core/clock';
import { Disposable } from '../disposable';

/** Documents that exist only while a chat or agent editing session is proposing changes. */
const CHAT_EDITING_SCHEMES = new Set(['chat-editing-text-model', 'chat-editing-snapshot-text-model']);
/** Diff views that AI extensions open while they apply their edits. */
const AI_DIFF_SCHEMES = new Set(['cline-diff', 'roo-diff', 'continue-diff']);

export function isAiEditingScheme(scheme: string): boolean {
  return CHAT_EDITING_SCHEMES.has(scheme) || AI_DIFF_SCHEMES.has(scheme);
}

/** Save windows, files changed on disk and chat editing sessions, as intents for the classifier. */
export class EditorIntents extends Disposable {
  constructor(private readonly intents: IntentLog, private readonly clock: Clock) {
    super();
    this.register(vscode.workspace.onWillSaveTextDocument((event) => this.record('save', event.document.uri.toString())));
    const watcher = this.register(vscode.workspace.createFileSystemWatcher('**/*', true, false, true));
    this.register(watcher.onDidChange((uri) => this.record('fileChangedOnDisk', uri.toString())));
    this.register(vscode.workspace.onDidOpenTextDocument((document) => this.noteChatEditing(document.uri.scheme)));
    for (const document of vscode.workspace.textDocuments) {
      this.noteChatEditing(document.uri.scheme);
    }
  }

  /** Called by the change watcher for every change to a chat-editing document: the session is live. */
  noteChatEditing(scheme: string): void {
    if (isAiEditingScheme(scheme)) {
      this.record('chatEditingActive', ANY_DOCUMENT);
    }
  }

  private record(kind: 'save' | 'fileChangedOnDisk' | 'chatEditingActive', documentKey: string): void {
    this.intents.record({ kind, documentKey, at: this.clock.now() });
  }
}
