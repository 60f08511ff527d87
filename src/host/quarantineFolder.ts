import * as vscode from 'vscode';
import type { QuarantineEntry, QuarantineSink } from '../core/history/ports';
import { QUARANTINE_FOLDER } from '../core/storageKeys';
import { writeFileAtomic } from './atomicFile';
import { jsonBytes } from './jsonFiles';

/** Keeps each damaged value as `quarantine/<key>.<time>.json` in `storageFolder`, with the reason beside it. */
export function quarantineFolder(storageFolder: vscode.Uri): QuarantineSink {
  return {
    put: async (entry: QuarantineEntry) => {
      const name = `${entry.key.replace(/[^A-Za-z0-9._-]/g, '_')}.${entry.at}.json`;
      await writeFileAtomic(vscode.Uri.joinPath(storageFolder, QUARANTINE_FOLDER, name), jsonBytes(entry));
    },
  };
}
