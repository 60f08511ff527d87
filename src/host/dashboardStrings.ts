import * as vscode from 'vscode';
import { CATEGORIES } from '../core/categories';
import { categoryLabel } from './statusBar';

/** Every text the dashboard shows, localised here so the webview stays free of l10n plumbing. */
export function dashboardStrings(): Record<string, string> {
  const strings: Record<string, string> = { ...pageStrings(), ...glanceStrings(), ...fateStrings(), ...reflectionStrings(), ...insightStrings(), ...projectStrings() };
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
    period: vscode.l10n.t('Period'),
    'range.7': vscode.l10n.t('7 days'),
    'range.30': vscode.l10n.t('30 days'),
    'range.90': vscode.l10n.t('90 days'),
    'range.365': vscode.l10n.t('A year'),
    'range.all': vscode.l10n.t('All'),
    daily: vscode.l10n.t('Day by day'),
    'rollingLine.day': vscode.l10n.t('7-day average (%)'),
    'rollingLine.week': vscode.l10n.t('4-week average (%)'),
    'rollingLine.month': vscode.l10n.t('3-month average (%)'),
    'unitNote.week': vscode.l10n.t('Each bar is a week, from the day shown.'),
    'unitNote.month': vscode.l10n.t('Each bar is a month.'),
    week: vscode.l10n.t('Week of'),
    month: vscode.l10n.t('Month'),
    weekOf: vscode.l10n.t('Week of {0}'),
    charactersCount: vscode.l10n.t('{0} characters'),
    shareAxis: vscode.l10n.t('Share yours'),
    dailyLabel: vscode.l10n.t('Characters per day with the share yours; {0} yours over this period. The table below has every figure.'),
    languagesLabel: vscode.l10n.t('Characters per language: {0}. The table below has every figure.'),
    hoursMinutes: vscode.l10n.t('{0} h {1} min'),
    minutesOnly: vscode.l10n.t('{0} min'),
    periodShare: vscode.l10n.t('{0}% yours over this period'),
    noHistory: vscode.l10n.t('No history in this period yet. Days you work on appear here.'),
    shareLine: vscode.l10n.t('Share yours (%)'),
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

/** The header: today, 7 and 30 days with their trends, and the way to the reflection. */
function glanceStrings(): Record<string, string> {
  return {
    'glance.today': vscode.l10n.t('Today'),
    'glance.7': vscode.l10n.t('Last 7 days'),
    'glance.30': vscode.l10n.t('Last 30 days'),
    'before.today': vscode.l10n.t('yesterday'),
    'before.7': vscode.l10n.t('the 7 days before'),
    'before.30': vscode.l10n.t('the 30 days before'),
    trendUp: vscode.l10n.t('↑ {0} points from {1}'),
    trendDown: vscode.l10n.t('↓ {0} points from {1}'),
    trendSame: vscode.l10n.t('the same as {0}'),
    trendNone: vscode.l10n.t('nothing counted {0} to compare with'),
    aiChatBy: vscode.l10n.t('AI chat and agents: {0} in chat, {1} by extensions, {2} by terminal agents'),
    aiChatByNotSplit: vscode.l10n.t('AI chat and agents: {0} in chat, {1} by extensions, {2} by terminal agents; {3} counted earlier, not split'),
    reflectOpen: vscode.l10n.t('Reflect on today'),
    reflectBack: vscode.l10n.t('Back to the dashboard'),
  };
}

/** This project or all projects, and the per-project table. */
function projectStrings(): Record<string, string> {
  return {
    scope: vscode.l10n.t('Show the figures of'),
    'scope.this': vscode.l10n.t('This project'),
    'scope.all': vscode.l10n.t('All projects'),
    projects: vscode.l10n.t('Projects'),
    projectsNote: vscode.l10n.t('Every project opened on this machine, over this period, summed above. Each keeps a copy of its daily totals here (counts only, never synced).'),
    project: vscode.l10n.t('Project'),
    projectDays: vscode.l10n.t('Days'),
    lastActive: vscode.l10n.t('Last active'),
    thisProject: vscode.l10n.t('{0} (this project)'),
    projectsTotal: vscode.l10n.t('All projects'),
    removeProject: vscode.l10n.t('Remove from All projects'),
    removeProjectLabel: vscode.l10n.t('Remove {0} from All projects'),
    unnamedProject: vscode.l10n.t('(no name)'),
    allOnly: vscode.l10n.t('Languages, what became of AI text, the sessions and your patterns are shown for this project only: choose “This project” to see them.'),
  };
}

/** What became of AI text, and who led. */
function fateStrings(): Record<string, string> {
  return {
    fate: vscode.l10n.t('What became of AI text'),
    'fate.none': vscode.l10n.t('Nothing measured in this period yet. Ten minutes after AI-assisted text is inserted, this shows how much of it you kept, reworked or removed.'),
    'fate.summary': vscode.l10n.t('Of {3} AI-assisted characters: {0} kept, {1} reworked by you, {2} removed.'),
    'fate.note': vscode.l10n.t('Measured ten minutes after each insert (or when its file closes), in files open in the editor. Who led: per file and session, whoever wrote two thirds of the first half, or 90% of all of it.'),
    'fate.kept': vscode.l10n.t('Kept'),
    'fate.reworked': vscode.l10n.t('Reworked by you'),
    'fate.removed': vscode.l10n.t('Removed'),
    'fate.axis': vscode.l10n.t('Share of AI-assisted characters'),
    'fate.label': vscode.l10n.t('AI-assisted characters per day by what became of them: kept, reworked by you, removed. The table below has every figure.'),
    'lead.summary': vscode.l10n.t('Files you led: {0}; files AI led: {1}; mixed: {2}.'),
    'lead.you': vscode.l10n.t('You led'),
    'lead.ai': vscode.l10n.t('AI led'),
    'lead.mixed': vscode.l10n.t('Mixed'),
    'lead.sessions': vscode.l10n.t('Sessions you led: {0}; sessions AI led: {1}; mixed: {2}. Of the characters in files with a lead, {3} were in files you led and {4} in files AI led.'),
    'lead.sessionsYou': vscode.l10n.t('Sessions you led'),
    'lead.sessionsAi': vscode.l10n.t('Sessions AI led'),
    'lead.sessionsMixed': vscode.l10n.t('Mixed sessions'),
  };
}

/** The reflection form. */
function reflectionStrings(): Record<string, string> {
  return {
    reflection: vscode.l10n.t('End-of-day reflection'),
    reflectionIntro: vscode.l10n.t('Optional and quick: choose what fits, skip the rest. Saved as you go, as today’s, and kept on this machine.'),
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
    scaleLow: vscode.l10n.t('not at all'),
    scaleHigh: vscode.l10n.t('very much'),
    ratingChoice: vscode.l10n.t('{0} of 5 (1 = {1}, 5 = {2})'),
    clearRating: vscode.l10n.t('Clear the answer to: {0}'),
    saving: vscode.l10n.t('Saving…'),
    saved: vscode.l10n.t('Saved'),
    saveFailed: vscode.l10n.t('Not saved. Your answers are still here and are saved with your next change.'),
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
    comparisonLead: vscode.l10n.t('Over the {0} days you reflected on, comparing the half with the most of your own work ({1}) with the half with the least ({2}):'),
    'insight.enjoyment': vscode.l10n.t('You enjoyed the work itself {0} out of 5 on average on days with more of your own work, and {1} on days with more AI-assisted work.'),
    'insight.boredom': vscode.l10n.t('Work felt boring {0} out of 5 on days with more of your own work, and {1} on days with more AI-assisted work (higher is more boring).'),
    'insight.energy': vscode.l10n.t('Your energy was {0} out of 5 on days with more of your own work, and {1} on days with more AI-assisted work.'),
    'insight.autonomy': vscode.l10n.t('You felt you decided yourself when to use AI {0} out of 5 on days with more of your own work, and {1} on days with more AI-assisted work.'),
    soloText: vscode.l10n.t('{0} of your {1} recent sessions were solo blocks: at least 90% of what you wrote in them was typed by you. You spent {2} in them, the longest {3}; your longest run of days with one was {4}.'),
    soloNone: vscode.l10n.t('None of your {0} recent sessions was a solo block, a session in which at least 90% of what you wrote was typed by you.'),
    soloCaveat: vscode.l10n.t('Recent means the last two weeks (sessions are kept in detail that long). A solo block tells how you worked, not whether the work was better.'),
    noSolo: vscode.l10n.t('No sessions kept in detail yet.'),
    leadHeading: vscode.l10n.t('Days you led and days AI led'),
    leadNotEnough: vscode.l10n.t('Once {0} reflected days on each side are known, this compares the days you led most files with the days AI did ({1} and {2} so far).'),
    leadIntro: vscode.l10n.t('On {0} of the days you reflected on you led most of the files you worked on; on {1}, AI did. Average answers (1–5):'),
    leadRating: vscode.l10n.t('“{0}”: {1} on days you led, {2} on days AI led.'),
    leadCaveat: vscode.l10n.t('Who led a file is decided from the order of your and the AI’s characters in a session: who drafted, who refined. One study (writing tasks, 2026) found that copying AI output lowered people’s sense of ownership and meaning while drafting first and refining with AI did not. Your own small sample, not a verdict: it does not say what caused what.'),
  };
}
