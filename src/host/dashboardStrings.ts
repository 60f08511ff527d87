import * as vscode from 'vscode';
import { CATEGORIES } from '../core/categories';
import { categoryLabel } from './statusBar';

/** Every text the dashboard shows, localised here so the webview stays free of l10n plumbing. */
export function dashboardStrings(): Record<string, string> {
  const strings: Record<string, string> = { ...pageStrings(), ...reflectionStrings(), ...insightStrings() };
  for (const category of CATEGORIES) {
    strings[`category.${category}`] = categoryLabel(category);
  }
  return strings;
}

/** The page, today and the history charts. */
function pageStrings(): Record<string, string> {
  return {
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
    period: vscode.l10n.t('Period'),
    'range.7': vscode.l10n.t('7 days'),
    'range.30': vscode.l10n.t('30 days'),
    'range.90': vscode.l10n.t('90 days'),
    'range.365': vscode.l10n.t('A year'),
    'range.all': vscode.l10n.t('All'),
    daily: vscode.l10n.t('Day by day'),
    periodShare: vscode.l10n.t('{0}% yours over this period'),
    noHistory: vscode.l10n.t('No history in this period yet. Days you work on appear here.'),
    shareLine: vscode.l10n.t('Share yours (%)'),
    rollingLine: vscode.l10n.t('7-day average (%)'),
    date: vscode.l10n.t('Date'),
    showTable: vscode.l10n.t('Show as a table'),
    languages: vscode.l10n.t('By language'),
    language: vscode.l10n.t('Language'),
    own: vscode.l10n.t('Yours'),
    ai: vscode.l10n.t('AI-assisted'),
    share: vscode.l10n.t('Share yours'),
    noLanguages: vscode.l10n.t('No languages counted in this period yet.'),
    sessions: vscode.l10n.t('Sessions'),
    chooseDay: vscode.l10n.t('Day'),
    noSessions: vscode.l10n.t('No sessions kept for this day. Sessions are kept in detail for two weeks, days after that as totals.'),
    start: vscode.l10n.t('Start'),
    end: vscode.l10n.t('End'),
    minutes: vscode.l10n.t('Active minutes'),
    noValue: vscode.l10n.t('no ratio'),
  };
}

/** The reflection form. */
function reflectionStrings(): Record<string, string> {
  return {
    reflection: vscode.l10n.t('End-of-day reflection'),
    reflectionIntro: vscode.l10n.t('Optional and quick: tap what fits, skip the rest. Saved as you go and kept on this machine.'),
    scale: vscode.l10n.t('1 = not at all, 5 = very much'),
    'rating.energy': vscode.l10n.t('I had energy today'),
    'rating.meaning': vscode.l10n.t('Today\'s work felt meaningful'),
    'rating.autonomy': vscode.l10n.t('I decided myself when to use AI today'),
    'rating.challenge': vscode.l10n.t('Today\'s work challenged me'),
    'rating.pride': vscode.l10n.t('I am proud of what I made today'),
    'rating.enjoyment': vscode.l10n.t('I enjoyed the work itself today'),
    'rating.boredom': vscode.l10n.t('Today\'s work felt boring'),
    'answer.energySource': vscode.l10n.t('Where did you get energy from today?'),
    'answer.valuable': vscode.l10n.t('What made today\'s work valuable to you?'),
    'answer.hardest': vscode.l10n.t('What was the hardest thing you worked out yourself?'),
    'answer.proud': vscode.l10n.t('What are you proud of today that is yours?'),
    clear: vscode.l10n.t('Clear'),
    saving: vscode.l10n.t('Saving…'),
    saved: vscode.l10n.t('Saved'),
    saveFailed: vscode.l10n.t('Not saved. Your answers are still here and are saved with your next change.'),
    reflectionDay: vscode.l10n.t('Reflection for'),
  };
}

/** Your patterns. */
function insightStrings(): Record<string, string> {
  return {
    insights: vscode.l10n.t('Your patterns'),
    notEnough: vscode.l10n.t('Once {0} days carry a reflection, this compares how your days felt with how much of the work was yours ({1} so far).'),
    higher: vscode.l10n.t('Days with more of your own work'),
    lower: vscode.l10n.t('Days with more AI-assisted work'),
    groupRange: vscode.l10n.t('{0} days, {1}–{2}% yours'),
    rating: vscode.l10n.t('Rating (1–5, average)'),
    caveat: vscode.l10n.t('Your own small sample, not a verdict. One study (writing tasks, not coding) found less intrinsic motivation and more boredom after working with generative AI; surveys of developers found heavier AI users reporting more flow. The evidence is mixed, and a pattern here does not say what caused what.'),
    solo: vscode.l10n.t('Solo blocks'),
    soloText: vscode.l10n.t('{0} of {1} sessions were solo blocks (at least 90% of the characters yours). Time in solo blocks: {2} min, the longest {3} min. Longest run of days with a solo block: {4}.'),
    noSolo: vscode.l10n.t('No sessions kept in detail yet.'),
  };
}
