import * as vscode from 'vscode';
import type { PasteCountsAs } from '../core/categories';

/** Typed reads of the `ownershipRatio.*` settings; read when needed, so changes apply at once. */
export const settings = {
  exactSources(): boolean {
    return section().get<boolean>('detection.exactSources', true);
  },
  interceptAcceptCommands(): boolean {
    return section().get<boolean>('detection.interceptAcceptCommands', true);
  },
  pasteCountsAs(): PasteCountsAs {
    const value = section().get<string>('pasteCountsAs', 'excluded');
    return value === 'own' || value === 'ai' ? value : 'excluded';
  },
};

function section(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('ownershipRatio');
}
