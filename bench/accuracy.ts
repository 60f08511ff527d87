/**
 * Attribution accuracy on the recorded corpus (test/fixtures/corpus, recorded in VS Code 1.139 by
 * `npm run corpus:record`), scored by test/corpus/score.ts on both paths. Two groups, reported
 * apart: the sessions the classifier was tuned on (the scripted ones and the generated train seeds)
 * and the held-out generated seeds, which nobody tunes on — the figure the README states.
 */
import { CATEGORIES } from '../src/core/categories';
import { readGroup, type CorpusSession } from '../test/corpus/corpus';
import { byChange, classScores, confusions, scoreFigures, type Path, type Scored, type SessionScore } from '../test/corpus/score';
import type { Figure } from './report';

/** Per session, on every session of a group. */
export const BUDGETS = {
  exact: { accuracy: 0.99, ratioError: 0.01 },
  stable: { accuracy: 0.97, ratioError: 0.02 },
  /** Over the group, stable path: typed, aiInline and paste. */
  precision: 0.98,
} as const;

function format(value: number): string {
  return Number.isNaN(value) ? '   –' : value.toFixed(3);
}

function printTable(title: string, scored: readonly Scored[]): void {
  const lines = ['', `${title}: precision / recall per category (by characters; by changes)`,
    `${'category'.padEnd(10)}  ${'support'.padStart(7)}  stable P   stable R   exact P    exact R    | stable P/R by changes`];
  const stable = classScores(scored, 'stable');
  const exact = classScores(scored, 'exact');
  const stableByChange = classScores(scored, 'stable', byChange);
  for (const category of CATEGORIES) {
    lines.push(`${category.padEnd(10)}  ${String(stable[category].support).padStart(7)}  ${format(stable[category].precision)}      ${format(stable[category].recall)}      `
      + `${format(exact[category].precision)}      ${format(exact[category].recall)}      | ${format(stableByChange[category].precision)} / ${format(stableByChange[category].recall)} (${stableByChange[category].support})`);
  }
  for (const path of ['stable', 'exact'] as const) {
    const misses = confusions(scored, path);
    lines.push(misses.length ? `${path} path, biggest confusions (truth → verdict):` : `${path} path: no confusions.`, ...misses.slice(0, 12).map((miss) => `  ${miss}`));
  }
  console.log(lines.join('\n'));
}

function worst(sessions: readonly SessionScore[], read: (session: SessionScore) => number, lowest: boolean): { value: number; name: string; mean: number } {
  const values = sessions.map(read).filter((value) => !Number.isNaN(value));
  const value = values.length === 0 ? Number.NaN : lowest ? Math.min(...values) : Math.max(...values);
  const index = sessions.findIndex((session) => read(session) === value);
  return { value, name: sessions[index]?.name ?? '–', mean: values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length) };
}

function pathRows(label: string, sessions: readonly SessionScore[], path: Path): Figure[] {
  const acc = worst(sessions, (session) => session[path].accuracy, true);
  const err = worst(sessions, (session) => session[path].ratioError, false);
  const budget = BUDGETS[path];
  return [
    { name: `${label}: ${path} accuracy, worst session`, value: acc.value, unit: '', budget: budget.accuracy, atLeast: true, note: `mean ${format(acc.mean)}; worst ${acc.name}` },
    { name: `${label}: ${path} ratio error, worst session`, value: err.value, unit: '', budget: budget.ratioError, note: `mean ${format(err.mean)}; worst ${err.name}` },
  ];
}

/** The figures of one group against their budgets. */
export function groupFigures(label: string, sessions: readonly CorpusSession[], options: { print?: boolean } = {}): Figure[] {
  if (sessions.length === 0) {
    return [];
  }
  const scores = sessions.map(scoreFigures);
  const all = scores.flatMap((session) => session.scored);
  if (options.print ?? true) {
    printTable(`${label} (${sessions.length} sessions)`, all);
  }
  const stable = classScores(all, 'stable');
  const chars = all.reduce((sum, item) => sum + item.chars, 0);
  const ideAsAi = (path: Path) => scores.reduce((sum, session) => sum + session[path].ideCharsAsAi, 0);
  return [
    ...pathRows(label, scores, 'exact'),
    ...pathRows(label, scores, 'stable'),
    ...(['typed', 'aiInline', 'paste'] as const).map((category): Figure => ({
      name: `${label}: stable precision ${category}`,
      value: stable[category].precision,
      unit: '',
      budget: BUDGETS.precision,
      atLeast: true,
      note: `recall ${format(stable[category].recall)}, ${stable[category].support} chars`,
    })),
    { name: `${label}: IDE-command chars counted as AI`, value: ideAsAi('stable'), unit: 'chars', budget: 0, note: `stable path; exact path ${ideAsAi('exact')}; ${all.length} changes, ${chars} chars in ${sessions.length} sessions` },
  ];
}

/** Tuned-on (scripted + train) and held-out, each against the budgets. */
export function accuracyFigures(options: { print?: boolean } = {}): Figure[] {
  return [
    ...groupFigures('tuned-on', [...readGroup('scripted'), ...readGroup('train')], options),
    ...groupFigures('held-out', readGroup('heldOut'), options),
  ];
}

if (require.main === module) {
  for (const figure of accuracyFigures()) {
    console.log(`${figure.name}: ${figure.value.toFixed(4)} (budget ${figure.atLeast ? '≥' : '≤'} ${figure.budget}) ${figure.note ?? ''}`);
  }
}
