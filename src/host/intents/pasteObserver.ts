import * as vscode from 'vscode';
import type { IntentLog } from '../../core/attribution/intents';
import type { Clock } from '../../core/clock';
import { Disposable } from '../disposable';

/**
 * Observes pastes through a paste-edit provider that offers no edit of its own: it records the
 * intent and lets the editor's default paste proceed. It never reads the clipboard's content.
 */
export class PasteObserver extends Disposable {
  constructor(intents: IntentLog, clock: Clock) {
    super();
    this.register(vscode.languages.registerDocumentPasteEditProvider({ pattern: '**' }, {
      provideDocumentPasteEdits(document) {
        intents.record({ kind: 'paste', documentKey: document.uri.toString(), at: clock.now() });
        return undefined;
      },
    }, {
      providedPasteEditKinds: [vscode.DocumentDropOrPasteEditKind.Empty.append('ownershipRatio', 'observe')],
      pasteMimeTypes: ['text/plain'],
    }));
  }
}
