import * as vscode from 'vscode';

/**
 * A file of the extension that could not be written (a window's shared copy of its counts, a
 * backup) is a failure the user would otherwise only find in the log. The first one of a session
 * is shown as a warning with *Show Log*; later ones only reach the log, so a disk that stays full
 * does not raise a message at every write.
 */
export class StorageAlert {
  private shown = false;

  constructor(private readonly log: Pick<vscode.LogOutputChannel, 'warn' | 'show'>) {}

  /** Logs `detail` (English, for the log) and tells the user once per session. */
  failed(detail: string): void {
    this.log.warn(detail);
    if (this.shown) {
      return;
    }
    this.shown = true;
    const showLog = vscode.l10n.t('Show Log');
    void Promise.resolve(vscode.window.showWarningMessage(
      vscode.l10n.t('Ownership Ratio could not write one of its files (a backup, or the copy other windows read). Your counts are still saved in VS Code’s storage; the log says what failed.'),
      showLog,
    )).then((choice) => {
      if (choice === showLog) {
        this.log.show();
      }
    });
  }
}
