/**
 * Attribution accuracy on the labelled corpus (test/fixtures/corpus, recorded in VS Code 1.139 by
 * `npm run corpus:record`). Every recorded fact is replayed, with the intents the host saw, through
 * the stable path (`detailedReason` hidden, exact sources off: desktop VS Code, Cursor, Windsurf) and
 * through the exact path, and compared with the ground truth: VS Code's own edit source mapped to a
 * category by src/core/attribution/exactPath.ts, except where that mapping needs a human decision
 * (HUMAN_LABELS below).
 */
import { classify } from '../src/core/attribution/classify';
import { exactVerdict } from '../src/core/attribution/exactPath';
import { IntentLog } from '../src/core/attribution/intents';
import type { ChangeFact, EditFact } from '../src/core/attribution/types';
import { CATEGORIES, emptyCounts, type Category, type CategoryCounts } from '../src/core/categories';
import { ownershipRatio } from '../src/core/ratio';
import { countCodePoints } from '../src/core/text';
import { readCorpus, type CorpusSession } from '../test/corpus/corpus';
import type { Figure } from './report';

/**
 * Events whose edit source does not say who made the edit, labelled by what the session did.
 * `unknown` without a name is any extension's `workspace.applyEdit` — and, since VS Code 1.139, also a
 * completion's additional edits (the auto-import) — and `pushEditOperation` is a workspace edit to a
 * document that is not open, or trim-on-save. The exact path decides these by shape (an AI-like
 * insert is aiChat, otherwise tool); the truth says who did it.
 */
const HUMAN_LABELS: Readonly<Record<string, Readonly<Record<string, Category>>>> = {
  // The completion's auto-import (`import { clamp } from "./math"`, `, ratio`): IntelliSense, a tool.
  intellisense: { unknown: 'tool' },
  // The fake AI agent's streamed inserts and its edit of a file that is not open: AI.
  agent: { unknown: 'aiChat', 'unknown/pushEditOperation': 'aiChat' },
};

export interface Scored {
  readonly session: string;
  readonly change: ChangeFact;
  readonly chars: number;
  readonly truth: Category;
  readonly stable: Category;
  readonly exact: Category;
}

function sourceKey(fact: EditFact): string {
  const reason = fact.detailedReason;
  if (reason === undefined) {
    return '';
  }
  const name = reason.metadata.name;
  return typeof name === 'string' ? `${reason.source}/${name}` : reason.source;
}

/** The ground truth of one recorded event, or undefined when it carries no label (never in this corpus). */
function truthOf(session: string, fact: EditFact, intents: IntentLog): Category | undefined {
  const human = HUMAN_LABELS[session]?.[sourceKey(fact)];
  if (human !== undefined) {
    return human;
  }
  return fact.detailedReason === undefined ? undefined : exactVerdict(fact.detailedReason, fact, intents)?.category;
}

/** Replays one session in the order the host saw it: intents as they came, facts as the host classified them. */
export function scoreSession(session: CorpusSession): Scored[] {
  const name = session.header.name;
  const logs = { truth: new IntentLog(), stable: new IntentLog(), exact: new IntentLog() };
  const scored: Scored[] = [];
  for (const record of session.events) {
    if (record.type === 'intent') {
      logs.truth.record(record.intent);
      logs.stable.record(record.intent);
      logs.exact.record(record.intent);
    } else if (record.type === 'change') {
      const fact = record.fact;
      const truth = truthOf(name, fact, logs.truth);
      if (truth === undefined) {
        throw new Error(`${name}: no ground truth for ${JSON.stringify(fact.detailedReason)}`);
      }
      const stable = classify({ ...fact, detailedReason: undefined }, { intents: logs.stable, exactSources: false });
      const exact = classify(fact, { intents: logs.exact, exactSources: true });
      fact.changes.forEach((change, index) => {
        scored.push({ session: name, change, chars: countCodePoints(change.text), truth, stable: stable[index].category, exact: exact[index].category });
      });
    }
  }
  return scored;
}

interface ClassScore {
  readonly precision: number;
  readonly recall: number;
  /** Characters (or changes) truly of the category. */
  readonly support: number;
}

function classScores(scored: readonly Scored[], path: 'stable' | 'exact', weight: (item: Scored) => number): Record<Category, ClassScore> {
  const result = {} as Record<Category, ClassScore>;
  for (const category of CATEGORIES) {
    let truePositive = 0;
    let predicted = 0;
    let actual = 0;
    for (const item of scored) {
      const w = weight(item);
      if (item[path] === category) {
        predicted += w;
      }
      if (item.truth === category) {
        actual += w;
        if (item[path] === category) {
          truePositive += w;
        }
      }
    }
    result[category] = { precision: predicted === 0 ? Number.NaN : truePositive / predicted, recall: actual === 0 ? Number.NaN : truePositive / actual, support: actual };
  }
  return result;
}

function accuracy(scored: readonly Scored[], path: 'stable' | 'exact'): number {
  let right = 0;
  let total = 0;
  for (const item of scored) {
    total += item.chars;
    right += item[path] === item.truth ? item.chars : 0;
  }
  return total === 0 ? Number.NaN : right / total;
}

function counts(scored: readonly Scored[], path: 'truth' | 'stable' | 'exact'): CategoryCounts {
  const result = emptyCounts();
  for (const item of scored) {
    result[item[path]] += item.chars;
  }
  return result;
}

/** |ratio by the path − true ratio|, pastes excluded (the default); 1 when only one of them has a ratio. */
function ratioError(scored: readonly Scored[], path: 'stable' | 'exact'): number {
  const truth = ownershipRatio(counts(scored, 'truth'), 'excluded');
  const measured = ownershipRatio(counts(scored, path), 'excluded');
  if (truth === null || measured === null) {
    return truth === measured ? 0 : 1;
  }
  return Math.abs(measured - truth);
}

const byChars = (item: Scored): number => item.chars;
const byChange = (): number => 1;

function format(value: number): string {
  return Number.isNaN(value) ? '   –' : value.toFixed(3);
}

/** The confusions that cost characters, biggest first: where the classifier should improve. */
function confusions(scored: readonly Scored[], path: 'stable' | 'exact'): string[] {
  const lost = new Map<string, { chars: number; changes: number }>();
  for (const item of scored) {
    if (item[path] !== item.truth) {
      const key = `${item.session}: ${item.truth} → ${item[path]}`;
      const entry = lost.get(key) ?? { chars: 0, changes: 0 };
      entry.chars += item.chars;
      entry.changes += 1;
      lost.set(key, entry);
    }
  }
  return [...lost.entries()].sort((a, b) => b[1].chars - a[1].chars).map(([key, { chars, changes }]) => `${key}: ${chars} chars in ${changes} changes`);
}

function printTable(scored: readonly Scored[]): void {
  const lines = ['', 'Attribution on the recorded corpus: precision / recall per category (by characters; by changes)',
    `${'category'.padEnd(10)}  ${'support'.padStart(7)}  stable P   stable R   exact P    exact R    | stable P/R by changes`];
  const stable = classScores(scored, 'stable', byChars);
  const exact = classScores(scored, 'exact', byChars);
  const stableByChange = classScores(scored, 'stable', byChange);
  for (const category of CATEGORIES) {
    lines.push(`${category.padEnd(10)}  ${String(stable[category].support).padStart(7)}  ${format(stable[category].precision)}      ${format(stable[category].recall)}      `
      + `${format(exact[category].precision)}      ${format(exact[category].recall)}      | ${format(stableByChange[category].precision)} / ${format(stableByChange[category].recall)} (${stableByChange[category].support})`);
  }
  const misses = confusions(scored, 'stable');
  lines.push('', misses.length ? 'Stable-path confusions (truth → verdict):' : 'Stable path: no confusions.', ...misses.map((miss) => `  ${miss}`));
  const exactMisses = confusions(scored, 'exact');
  if (exactMisses.length) {
    lines.push('Exact-path confusions (truth → verdict):', ...exactMisses.map((miss) => `  ${miss}`));
  }
  console.log(lines.join('\n'));
}

/** The figures against their budgets; prints the per-category table and the confusions unless told not to. */
export function accuracyFigures(sessions: readonly CorpusSession[] = readCorpus(), options: { print?: boolean } = {}): Figure[] {
  const bySession = sessions.map((session) => ({ name: session.header.name, scored: scoreSession(session) }));
  const all = bySession.flatMap((session) => session.scored);
  if (options.print ?? true) {
    printTable(all);
  }
  const stable = classScores(all, 'stable', byChars);
  const stableByChange = classScores(all, 'stable', byChange);
  const note = `${all.length} changes, ${all.reduce((sum, item) => sum + item.chars, 0)} chars in ${sessions.length} sessions`;
  return [
    { name: 'accuracy, stable path (by characters)', value: accuracy(all, 'stable'), unit: '', budget: 0.95, atLeast: true, note },
    { name: 'accuracy, exact path (by characters)', value: accuracy(all, 'exact'), unit: '', budget: 0.99, atLeast: true },
    ...(['typed', 'aiInline', 'paste'] as const).map((category): Figure => ({
      name: `precision ${category}, stable path`,
      value: stable[category].precision,
      unit: '',
      budget: 0.97,
      atLeast: true,
      note: `recall ${format(stable[category].recall)}; by changes P ${format(stableByChange[category].precision)} R ${format(stableByChange[category].recall)}`,
    })),
    ...bySession.map(({ name, scored }): Figure => ({
      name: `ownership-ratio error, ${name}`,
      value: ratioError(scored, 'stable'),
      unit: '',
      budget: 0.03,
      note: `exact path ${format(ratioError(scored, 'exact'))}`,
    })),
  ];
}

if (require.main === module) {
  const figures = accuracyFigures();
  for (const figure of figures) {
    console.log(`${figure.name}: ${figure.value.toFixed(4)} (budget ${figure.atLeast ? '≥' : '≤'} ${figure.budget}) ${figure.note ?? ''}`);
  }
}
