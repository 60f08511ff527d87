import * as vscode from 'vscode';
import { ANY_DOCUMENT, type IntentLog } from '../../core/attribution/intents';
import { isChatActivity } from '../../core/attribution/schemes';
import type { Clock } from '../../core/clock';
import { Disposable } from '../disposable';

/** Save windows, files changed on disk and chat editing sessions, as intents for the classifier. */
export class EditorIntents extends Disposable {
  constructor(private readonly intents: IntentLog, private readonly clock: Clock) {
    super();
    this.register(vscode.workspace.onWillSaveTextDocument((event) => this.record('save', event.document.uri.toString())));
    const watcher = this.register(vscode.workspace.createFileSystemWatcher('**/*', true, false, true));
    this.register(watcher.onDidChange((uri) => this.record('fileChangedOnDisk', uri.toString())));
    this.register(vscode.workspace.onDidOpenTextDocument((document) => this.noteChatActivity(document.uri.scheme, 'opened')));
    for (const document of vscode.workspace.textDocuments) {
      this.noteChatActivity(document.uri.scheme, 'opened');
    }
  }

  /**
   * Called for documents that open and, by the change watcher, for changes to documents it does not
   * count: a chat-editing model, an AI diff view or typing in the chat input is chat activity, so
   * that even a very small chat edit that follows is not taken for the user's own.
   */
  noteChatActivity(scheme: string, how: 'opened' | 'changed'): void {
    if (isChatActivity(scheme, how)) {
      this.record('chatEditingActive', ANY_DOCUMENT);
    }
  }

  private record(kind: 'save' | 'fileChangedOnDisk' | 'chatEditingActive', documentKey: string): void {
    this.intents.record({ kind, documentKey, at: this.clock.now() });
  }
}
