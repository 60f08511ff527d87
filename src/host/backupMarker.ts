import * as vscode from 'vscode';
import type { Clock } from '../core/clock';
import { backupMarker } from '../core/history/backupRestore';
import type { QuarantineSink } from '../core/history/ports';
import { BACKUP_FILE } from '../core/storageKeys';
import { isFileNotFound } from './jsonFiles';

/**
 * Reads the history backup as the sign that history existed (see `backupMarker`). A file that is
 * there but cannot be read is no sign: it is set aside to the quarantine with the reason (the next
 * backup replaces it); `keepFile` is true when that failed, and then it must not be replaced.
 */
export async function readBackupMarker(
  uri: vscode.Uri,
  quarantine: QuarantineSink,
  clock: Clock,
  log: Pick<vscode.LogOutputChannel, 'warn'>,
): Promise<{ readonly dataExpected: boolean; readonly keepFile: boolean }> {
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (!isFileNotFound(error)) {
      log.warn(`The history backup could not be read (${String(error)}); it is not taken as a sign that history existed.`);
      return { dataExpected: false, keepFile: true };
    }
    return { dataExpected: false, keepFile: false };
  }
  const { marks, issue } = backupMarker(text);
  if (issue === undefined) {
    return { dataExpected: marks, keepFile: false };
  }
  log.warn(`The history backup is damaged (${issue}); it is not taken as a sign that history existed and is set aside.`);
  try {
    await quarantine.put({ key: BACKUP_FILE, at: clock.now(), issues: [issue], raw: text });
    return { dataExpected: false, keepFile: false };
  } catch (error) {
    log.warn(`The damaged history backup could not be set aside (${String(error)}); it is left as it is.`);
    return { dataExpected: false, keepFile: true };
  }
}
