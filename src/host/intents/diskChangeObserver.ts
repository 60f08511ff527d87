import * as vscode from 'vscode';
import type { IntentLog } from '../../core/attribution/intents';
import type { Clock } from '../../core/clock';
import { Disposable } from '../disposable';

/** Files larger than this are not compared with their document; their change stays another program's. */
const MAX_COMPARED_BYTES = 4 * 1024 * 1024;

/**
 * Files that changed on disk, as intents: the change of a clean open document right after it is
 * another program's (`external`). The file watcher also reports the editor's own saves; the intent
 * is recorded at once (the reload may come first), and an echo is recorded after it when the file on
 * disk turns out to hold exactly what the document holds and the document did not reload meanwhile.
 */
export class DiskChangeObserver extends Disposable {
  constructor(private readonly intents: IntentLog, private readonly clock: Clock) {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher('**/*', true, false, true));
    this.register(watcher.onDidChange((uri) => this.changed(uri)));
  }

  private changed(uri: vscode.Uri): void {
    const documentKey = uri.toString();
    const at = this.clock.now();
    this.intents.record({ kind: 'fileChangedOnDisk', documentKey, at });
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === documentKey);
    if (document !== undefined && !document.isDirty) {
      void this.noteIfEcho(document, documentKey, document.version);
    }
  }

  private async noteIfEcho(document: vscode.TextDocument, documentKey: string, version: number): Promise<void> {
    try {
      const stat = await vscode.workspace.fs.stat(document.uri);
      if (stat.size > MAX_COMPARED_BYTES) {
        return;
      }
      const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(document.uri));
      if (!document.isClosed && !document.isDirty && document.version === version && sameText(onDisk, document.getText())) {
        this.intents.record({ kind: 'fileChangeEchoed', documentKey, at: this.clock.now() });
      }
    } catch {
      // Unreadable now (deleted, moved): the change stays another program's.
    }
  }
}

/** The document's text equals the file's, whatever line ends and byte-order mark the file uses. */
function sameText(onDisk: string, inEditor: string): boolean {
  const file = onDisk.charCodeAt(0) === 0xfeff ? onDisk.slice(1) : onDisk;
  return file === inEditor || file.replace(/\r\n/g, '\n') === inEditor.replace(/\r\n/g, '\n');
}
