import * as vscode from 'vscode';
import type { Attribution } from '../core/attribution/types';
import { categoryLabel } from './statusBar';

/**
 * "Explain recent attributions": the last edits with their category, confidence, size and the
 * evidence behind each decision. Never the text itself, which is not kept anywhere.
 */
export async function explainRecentAttributions(recent: readonly Attribution[]): Promise<void> {
  if (recent.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No edits have been attributed in this window yet.'));
    return;
  }
  const items = [...recent].reverse().map((attribution): vscode.QuickPickItem => ({
    label: `${icon(attribution)} ${categoryLabel(attribution.category)}`,
    description: vscode.l10n.t('{0} inserted, {1} deleted · {2} · {3}', attribution.chars, attribution.deleted, confidenceLabel(attribution), attribution.languageId),
    detail: `${new Date(attribution.at).toLocaleTimeString()} · ${attribution.evidence.join(', ')}`,
  }));
  await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Recent attributions (newest first)'),
    placeHolder: vscode.l10n.t('Why each edit was counted the way it was. Only sizes and reasons are kept, never the text.'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
}

function confidenceLabel(attribution: Attribution): string {
  return attribution.confidence === 'exact' ? vscode.l10n.t('exact') : vscode.l10n.t('estimated');
}

function icon(attribution: Attribution): string {
  switch (attribution.category) {
    case 'typed':
      return '$(person)';
    case 'aiInline':
    case 'aiChat':
      return '$(sparkle)';
    case 'paste':
      return '$(clippy)';
    case 'tool':
      return '$(tools)';
    case 'undoRedo':
      return '$(discard)';
    case 'external':
      return '$(file-symlink-file)';
  }
}
