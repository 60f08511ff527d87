/**
 * Scores recorded sessions: every recorded fact replayed, with the intents the host saw, through the
 * product's classifier on both paths — exact (`detailedReason` and exact sources on: code-server)
 * and stable (`detailedReason` removed, exact sources off: desktop VS Code, Cursor, VSCodium) — and
 * compared with the truth: VS Code's own edit source mapped by src/core/attribution/exactPath.ts,
 * except for the edits that source leaves anonymous, whose truth the session declares (the
 * generator's plan says what each fake extension is; scripted sessions in HUMAN_LABELS).
 */
import type { ActionSignals } from '../../src/core/attribution/actions';
import { Attributor } from '../../src/core/attribution/attributor';
import { exactVerdict } from '../../src/core/attribution/exactPath';
import { IntentLog } from '../../src/core/attribution/intents';
import type { Attribution, ChangeFact, EditFact } from '../../src/core/attribution/types';
import { CATEGORIES, emptyCounts, type Category, type CategoryCounts } from '../../src/core/categories';
import { ownershipRatio } from '../../src/core/ratio';
import { countCodePoints } from '../../src/core/text';
import type { CorpusSession, RecordedSignals, StepRecord } from './corpus';

/**
 * Scripted sessions' events whose edit source does not say who made the edit. `unknown` without a
 * name is any extension's `workspace.applyEdit` — and, since VS Code 1.139, also a completion's
 * additional edits (the auto-import) — and `pushEditOperation` a workspace edit to a document that
 * is not open, or trim-on-save.
 */
const HUMAN_LABELS: Readonly<Record<string, Readonly<Record<string, Category>>>> = {
  // The completion's auto-import (`import { clamp } from "./math"`, `, ratio`): IntelliSense, a tool.
  intellisense: { unknown: 'tool' },
  // The fake AI agent's streamed inserts and its edit of a file that is not open: AI.
  agent: { unknown: 'aiChat', 'unknown/pushEditOperation': 'aiChat' },
};

/** Names VS Code gives an extension's edits (or none): they say nothing of who made them. */
const ANONYMOUS_NAMES: ReadonlySet<string | undefined> = new Set([undefined, '', 'unknown', 'MainThreadTextEditor', 'pushEditOperation']);
/** The IDE's own commands (format, rename, quick fix): never AI. */
const IDE_SOURCES: ReadonlySet<string> = new Set(['codeAction', 'rename']);

export type Path = 'stable' | 'exact';

export interface Scored {
  readonly session: string;
  readonly change: ChangeFact;
  readonly chars: number;
  readonly truth: Category;
  readonly stable: Category;
  readonly exact: Category;
  /** Made by one of the IDE's commands (format, rename, quick fix). */
  readonly ideCommand: boolean;
  readonly documentKey: string;
  readonly at: number;
  /** Each path's attribution as finally decided (for what became of AI text). */
  readonly attributions: Readonly<Record<Path, Attribution>>;
}

function nameOf(fact: EditFact): string | undefined {
  const name = fact.detailedReason?.metadata.name;
  return typeof name === 'string' ? name : undefined;
}

function sourceKey(fact: EditFact): string {
  const name = nameOf(fact);
  return fact.detailedReason === undefined ? '' : name === undefined ? fact.detailedReason.source : `${fact.detailedReason.source}/${name}`;
}

function isAnonymous(fact: EditFact): boolean {
  return fact.detailedReason?.source === 'unknown' && ANONYMOUS_NAMES.has(nameOf(fact));
}

function isIdeCommand(fact: EditFact): boolean {
  const source = fact.detailedReason?.source ?? '';
  return IDE_SOURCES.has(source) || (source === 'unknown' && (nameOf(fact) ?? '').startsWith('format'));
}

/** The truth of one recorded event, or undefined when nothing labels it. */
function truthOf(session: CorpusSession, step: StepRecord | undefined, fact: EditFact, intents: IntentLog): Category | undefined {
  const human = HUMAN_LABELS[session.header.name]?.[sourceKey(fact)];
  if (session.header.group !== 'train' && session.header.group !== 'heldOut' && human !== undefined) {
    return human;
  }
  if (step?.anonymous !== undefined && isAnonymous(fact)) {
    return step.anonymous;
  }
  return fact.detailedReason === undefined ? undefined : exactVerdict(fact.detailedReason, fact, intents)?.category;
}

/**
 * The step during which an edit happened, by the edit's own time: the host records a change only
 * after pairing it with its selection change, so a record can come after the next step began.
 */
function stepAt(steps: readonly StepRecord[], at: number): StepRecord | undefined {
  let found: StepRecord | undefined;
  for (const step of steps) {
    if (step.t > at) {
      break;
    }
    found = step;
  }
  return found;
}

/**
 * The product's classifier on one path, replayed: attributions in the order of the changes, each
 * moved in place when its action is decided otherwise.
 */
class ReplayedPath {
  readonly attributions: Attribution[] = [];
  private readonly positions = new Map<Attribution, number>();
  readonly attributor: Attributor;

  constructor(readonly intents: IntentLog, exactSources: boolean, signals: ActionSignals) {
    this.attributor = new Attributor({
      intents,
      exactSources: () => exactSources,
      signals,
      sink: {
        record: (attribution) => {
          this.positions.set(attribution, this.attributions.length);
          this.attributions.push(attribution);
        },
        replace: (previous, next) => {
          const position = this.positions.get(previous);
          if (position !== undefined) {
            this.attributions[position] = next;
            this.positions.set(next, position);
          }
        },
      },
    });
  }
}

/**
 * What the host's edit context said at each recorded change; recordings made before it was recorded
 * answer as the classifier does without an edit context (no diff view, an AI extension installed).
 */
class ReplayedSignals implements ActionSignals {
  current: RecordedSignals | undefined;

  aiDiffViewOpen(): boolean {
    return this.current?.diffView ?? false;
  }

  aiExtensionActive(): boolean {
    return this.current?.aiExtension ?? true;
  }
}

/** Replays one session in the order the host saw it: intents as they came, facts as the host classified them. */
export function scoreSession(session: CorpusSession): Scored[] {
  const name = session.header.name;
  const truthIntents = new IntentLog();
  const signals = new ReplayedSignals();
  const stable = new ReplayedPath(new IntentLog(), false, signals);
  const exact = new ReplayedPath(new IntentLog(), true, signals);
  const pending: Array<Omit<Scored, 'stable' | 'exact' | 'attributions'>> = [];
  const steps = session.events.filter((record): record is StepRecord => record.type === 'step');
  for (const record of session.events) {
    if (record.type === 'intent') {
      truthIntents.record(record.intent);
      stable.intents.record(record.intent);
      exact.intents.record(record.intent);
    } else if (record.type === 'change') {
      const fact = record.fact;
      const truth = truthOf(session, stepAt(steps, fact.at), fact, truthIntents);
      if (truth === undefined) {
        throw new Error(`${name}: no truth for ${JSON.stringify(fact.detailedReason)}`);
      }
      signals.current = record.signals;
      stable.attributor.attribute({ ...fact, detailedReason: undefined });
      exact.attributor.attribute(fact);
      const ideCommand = isIdeCommand(fact);
      for (const change of fact.changes) {
        pending.push({ session: name, change, chars: countCodePoints(change.text), truth, ideCommand, documentKey: fact.documentKey, at: fact.at });
      }
    }
  }
  return pending.map((item, index) => ({
    ...item,
    stable: stable.attributions[index].category,
    exact: exact.attributions[index].category,
    attributions: { stable: stable.attributions[index], exact: exact.attributions[index] },
  }));
}

export interface ClassScore {
  readonly precision: number;
  readonly recall: number;
  /** Characters (or changes) truly of the category. */
  readonly support: number;
}

export function classScores(scored: readonly Scored[], path: Path, weight: (item: Scored) => number = byChars): Record<Category, ClassScore> {
  const result = {} as Record<Category, ClassScore>;
  for (const category of CATEGORIES) {
    let truePositive = 0;
    let predicted = 0;
    let actual = 0;
    for (const item of scored) {
      const w = weight(item);
      predicted += item[path] === category ? w : 0;
      if (item.truth === category) {
        actual += w;
        truePositive += item[path] === category ? w : 0;
      }
    }
    result[category] = { precision: predicted === 0 ? Number.NaN : truePositive / predicted, recall: actual === 0 ? Number.NaN : truePositive / actual, support: actual };
  }
  return result;
}

export const byChars = (item: Scored): number => item.chars;
export const byChange = (): number => 1;

/** Character-weighted accuracy: the share of inserted characters put in their true category. */
export function accuracy(scored: readonly Scored[], path: Path): number {
  let right = 0;
  let total = 0;
  for (const item of scored) {
    total += item.chars;
    right += item[path] === item.truth ? item.chars : 0;
  }
  return total === 0 ? Number.NaN : right / total;
}

function counts(scored: readonly Scored[], path: 'truth' | Path): CategoryCounts {
  const result = emptyCounts();
  for (const item of scored) {
    result[item[path]] += item.chars;
  }
  return result;
}

/** |ratio by the path − true ratio|, with the product's own ratio (pastes excluded, the default); 1 when only one has a ratio. */
export function ratioError(scored: readonly Scored[], path: Path): number {
  const truth = ownershipRatio(counts(scored, 'truth'), 'excluded');
  const measured = ownershipRatio(counts(scored, path), 'excluded');
  if (truth === null || measured === null) {
    return truth === measured ? 0 : 1;
  }
  return Math.abs(measured - truth);
}

/** Characters of the IDE's own commands the path counted as AI-assisted. */
export function ideCharsAsAi(scored: readonly Scored[], path: Path): number {
  return scored.filter((item) => item.ideCommand && (item[path] === 'aiInline' || item[path] === 'aiChat')).reduce((sum, item) => sum + item.chars, 0);
}

export interface PathFigures {
  readonly accuracy: number;
  readonly ratioError: number;
  readonly precision: Readonly<Record<'typed' | 'aiInline' | 'paste', number>>;
  readonly ideCharsAsAi: number;
}

export interface SessionScore {
  readonly name: string;
  readonly chars: number;
  readonly scored: readonly Scored[];
  readonly exact: PathFigures;
  readonly stable: PathFigures;
}

function pathFigures(scored: readonly Scored[], path: Path): PathFigures {
  const classes = classScores(scored, path);
  return {
    accuracy: accuracy(scored, path),
    ratioError: ratioError(scored, path),
    precision: { typed: classes.typed.precision, aiInline: classes.aiInline.precision, paste: classes.paste.precision },
    ideCharsAsAi: ideCharsAsAi(scored, path),
  };
}

/** Every figure of one session, on both paths. */
export function scoreFigures(session: CorpusSession): SessionScore {
  const scored = scoreSession(session);
  return {
    name: session.header.name,
    chars: scored.reduce((sum, item) => sum + item.chars, 0),
    scored,
    exact: pathFigures(scored, 'exact'),
    stable: pathFigures(scored, 'stable'),
  };
}

/** The confusions that cost characters, biggest first: where the classifier should improve. */
export function confusions(scored: readonly Scored[], path: Path): string[] {
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
