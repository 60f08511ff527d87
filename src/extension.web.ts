import * as vscode from 'vscode';
import type { OwnershipRatioApi } from './host/api';
import { useAtomicWriter, writeThroughWorkspaceFs } from './host/atomicFile';
import { evaluateFeatureBundle } from './host/webFeatureBundle';
import { activateOn } from './extension';

export { deactivate } from './extension';
// What the Node entry (extension.node.ts) takes from this bundle, which it loads in place of a copy of its own.
export { activateOn } from './extension';
export { ReadOnlyFileError, useAtomicWriter, writeThroughWorkspaceFs } from './host/atomicFile';
export { builtInGit } from './host/gitRepository';
export { testHooks } from './core/testHooks';
export { testHooksAllowed } from './host/testHooksAllowed';

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
    limits: [
      'Files are written through the editor\'s file system API, which cannot flush to a disk: a crash leaves the old or the new file, a power loss may lose the newest write.',
      'No Git here: the workspace is recognised by its folders and names only, and the Agent Trace export says why it cannot run.',
      'Terminal agents are followed only where this editor has an integrated terminal with shell integration (vscode.dev and github.dev have none).',
    ],
    loadFeatures: () => evaluateFeatureBundle(context.extensionUri, browserEntry(context)),
  });
}

/** package.json's `browser` (what this host runs): the feature bundle lies beside it. */
function browserEntry(context: vscode.ExtensionContext): string {
  const { browser } = context.extension.packageJSON as { browser?: unknown };
  if (typeof browser !== 'string') {
    throw new Error('package.json names no browser entry');
  }
  return browser;
}
