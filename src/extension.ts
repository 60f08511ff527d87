import * as vscode from 'vscode';
import { IntentLog } from './core/attribution/intents';
import { systemClock } from './core/clock';
import type { OwnershipRatioApi } from './host/api';
import { backupHistory, restoreHistory } from './host/backupCommands';
import { ChangeWatcher } from './host/changeWatcher';
import { Dashboard } from './host/dashboard';
import { explainRecentAttributions } from './host/explainCommand';
import { AcceptCommandInterceptor } from './host/intents/acceptCommands';
import { EditorIntents } from './host/intents/editorIntents';
import { PasteObserver } from './host/intents/pasteObserver';
import { settings } from './host/settings';
import { OwnershipStatusBar } from './host/statusBar';
import { WorkspaceHistory } from './host/workspaceHistory';

/** Kept for `deactivate()`, which must await the final write. */
let history: WorkspaceHistory | undefined;

/** Composition root: builds the pieces, wires them, and hands every disposable to VS Code. */
export function activate(context: vscode.ExtensionContext): OwnershipRatioApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Ownership Ratio', { log: true });
  const clock = systemClock;
  const intents = new IntentLog();
  const counts = new WorkspaceHistory(context, clock, log);
  history = counts;
  const dashboard = new Dashboard(context.extensionUri, counts, log);
  const statusBar = new OwnershipStatusBar(counts, clock);
  const editorIntents = new EditorIntents(intents, clock);
  const acceptCommands = new AcceptCommandInterceptor(intents, clock, log);
  acceptCommands.setEnabled(settings.interceptAcceptCommands());

  context.subscriptions.push(
    log,
    counts,
    dashboard,
    statusBar,
    editorIntents,
    acceptCommands,
    new PasteObserver(intents, clock),
    new ChangeWatcher({
      clock,
      intents,
      exactSources: settings.exactSources,
      onAttribution: (attribution) => counts.record(attribution),
      onUncountedChange: (scheme) => editorIntents.noteChatEditing(scheme),
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('ownershipRatio.detection.interceptAcceptCommands')) {
        acceptCommands.setEnabled(settings.interceptAcceptCommands());
      }
    }),
    vscode.commands.registerCommand('ownershipRatio.openDashboard', () => dashboard.open()),
    vscode.commands.registerCommand('ownershipRatio.explainAttributions', () => explainRecentAttributions(counts.getSnapshot().recent)),
    vscode.commands.registerCommand('ownershipRatio.backup', (target?: vscode.Uri) => backupHistory(counts, target)),
    vscode.commands.registerCommand('ownershipRatio.restore', (source?: vscode.Uri) => restoreHistory(counts, source)),
    vscode.commands.registerCommand('ownershipRatio.snapshot', () => counts.getSnapshot()),
  );

  log.info(`Activated in ${(performance.now() - started).toFixed(2)} ms`);
  return { getSnapshot: () => counts.getSnapshot(), onDidChange: counts.onDidChange, getStatusBar: () => statusBar.state };
}

/** The final write of this window's counts; everything else is disposed through context.subscriptions. */
export async function deactivate(): Promise<void> {
  await history?.close();
  history = undefined;
}
