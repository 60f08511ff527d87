import * as vscode from 'vscode';
import type { OwnershipRatioApi } from './host/api';
import { useAtomicWriter, writeThroughWorkspaceFs } from './host/atomicFile';
import { activateOn } from './extension';

export { deactivate } from './extension';

/**
 * The entry point of the browser's web-worker extension host (`browser` in package.json:
 * vscode.dev, github.dev): every file through `vscode.workspace.fs`, no Git. Counting, the
 * history, the status bar, the dashboard, reflections, backups and the CSV export work as on the
 * desktop; the Agent Trace export says why it cannot.
 */
export function activate(context: vscode.ExtensionContext): OwnershipRatioApi {
  useAtomicWriter(writeThroughWorkspaceFs);
  return activateOn(context, {
    kind: 'web',
    gitCommand: undefined,
    gitExtension: async () => ({
      problem: vscode.l10n.t('In the browser (vscode.dev, github.dev) the extension cannot reach Git. Open the folder in VS Code on the desktop to export it.'),
    }),
    env: {},
  });
}
