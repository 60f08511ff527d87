import * as vscode from 'vscode';
import { CATEGORIES } from '../core/categories';
import { categoryLabel } from './statusBar';

/** Every text the dashboard shows, localised here so the webview stays free of l10n plumbing. */
export function dashboardStrings(): Record<string, string> {
  const strings: Record<string, string> = {
    title: vscode.l10n.t('Ownership Ratio'),
    today: vscode.l10n.t('Today'),
    yours: vscode.l10n.t('yours'),
    noEditsYet: vscode.l10n.t('No edits counted yet today. Start typing and this fills in.'),
    category: vscode.l10n.t('Category'),
    characters: vscode.l10n.t('Characters'),
    estimatedShare: vscode.l10n.t('{0} of {1} AI-assisted characters are estimated.'),
    unitNote: vscode.l10n.t('Characters are Unicode code points; a line break counts as one.'),
    refresh: vscode.l10n.t('Refresh'),
    session: vscode.l10n.t('This session'),
  };
  for (const category of CATEGORIES) {
    strings[`category.${category}`] = categoryLabel(category);
  }
  return strings;
}
