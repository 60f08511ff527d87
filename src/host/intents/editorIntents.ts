import * as vscode from 'vscode';
import { ANY_DOCUMENT, type IntentLog } from '../../core/attribution/intents';
import { isCountedScheme } from '../../core/attribution/classify';
import { CHAT_INPUT_SCHEME, isChatActivity, isChatEditingModel } from '../../core/attribution/schemes';
import type { IntentKind } from '../../core/attribution/types';
import type { Clock } from '../../core/clock';
import { Disposable } from '../disposable';

/** Save windows, created files and chat editing sessions (start, requests, end), as intents for the classifier. */
export class EditorIntents extends Disposable {
  /** Chat-editing models open now: the session ends when the last one closes. */
  private readonly chatModels = new Set<vscode.TextDocument>();

  constructor(private readonly intents: IntentLog, private readonly clock: Clock) {
    super();
    this.register(vscode.workspace.onWillSaveTextDocument((event) => this.record('save', event.document.uri.toString())));
    this.register(vscode.workspace.onDidCreateFiles((event) => {
      for (const uri of event.files) {
        this.record('fileCreated', uri.toString());
      }
    }));
    this.register(vscode.workspace.onDidOpenTextDocument((document) => this.opened(document)));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.closed(document)));
    for (const document of vscode.workspace.textDocuments) {
      this.opened(document);
    }
  }

  /**
   * Called by the change watcher for changes to documents it does not count: a chat-editing model
   * changed by the chat (not a mirror of the user's edit), an AI diff view, or typing in the chat
   * input (a request on its way).
   */
  noteChatActivity(scheme: string, how: 'opened' | 'changed', path?: string): void {
    if (how === 'changed' && scheme === CHAT_INPUT_SCHEME) {
      this.record('chatRequest', ANY_DOCUMENT);
    } else if (isChatActivity(scheme, how)) {
      this.record('chatEditingActive', isChatEditingModel(scheme) && path !== undefined ? this.documentAt(path) : ANY_DOCUMENT);
    }
  }

  /**
   * The open document a chat-editing model holds (the model's path is the document's): the chat's
   * activity marks that document only, so a tool's edit elsewhere meanwhile stays a tool's. Every
   * document when none is open by that path.
   */
  private documentAt(path: string): string {
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.path === path && isCountedScheme(candidate.uri.scheme));
    return document === undefined ? ANY_DOCUMENT : document.uri.toString();
  }

  private opened(document: vscode.TextDocument): void {
    if (isChatEditingModel(document.uri.scheme)) {
      this.chatModels.add(document);
    }
    this.noteChatActivity(document.uri.scheme, 'opened', document.uri.path);
  }

  private closed(document: vscode.TextDocument): void {
    if (this.chatModels.delete(document) && this.chatModels.size === 0) {
      this.record('chatEditingEnded', ANY_DOCUMENT);
    }
  }

  private record(kind: IntentKind, documentKey: string): void {
    this.intents.record({ kind, documentKey, at: this.clock.now() });
  }
}
