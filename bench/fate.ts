/**
 * Following AI text (core/fate): what its ranges hold in memory for 50 open documents with 500 AI
 * ranges each, by the tracker's own count of its typed arrays; and, on the recorded sessions, how
 * far its kept, reworked and removed are from a reference that follows every character with the
 * sessions' truth (test/corpus/fateScore.ts), tuned-on and held-out apart. What it adds to a
 * keystroke is measured with the whole keystroke path, in hotPath.ts.
 */
import type { Attribution } from '../src/core/attribution/types';
import { FateTracker } from '../src/core/fate/fateTracker';
import { readGroup, type CorpusSession } from '../test/corpus/corpus';
import { aiChars, fateError, scoreFate, type FateTotals, type SessionFate } from '../test/corpus/fateScore';
import type { Figure } from './report';

/** Kept, reworked and removed within this share of the AI characters of a session. */
const FATE_ERROR_BUDGET = 0.02;

const DOCUMENTS = 50;
const RANGES_PER_DOCUMENT = 500;

function aiInsert(at: number, chars: number): Attribution {
  return { at, category: 'aiInline', confidence: 'exact', chars, deleted: 0, languageId: 'typescript', evidence: [] };
}

export function fateFigures(): Figure[] {
  const now = Date.now();
  // A long horizon: nothing settles while the ranges are added, so every one stays followed.
  const tracker = new FateTracker({ horizonMs: 24 * 3_600_000, onSettled: () => undefined });
  for (let d = 0; d < DOCUMENTS; d++) {
    for (let r = 0; r < RANGES_PER_DOCUMENT; r++) {
      // Inserts 40 units apart, 20 long: ranges that neither touch nor merge.
      tracker.observe(`file:///workspace/doc-${d}.ts`, { rangeOffset: r * 40, rangeLength: 0, text: 'x'.repeat(20) }, aiInsert(now, 20));
    }
  }
  const footprint = tracker.footprint();
  if (footprint.ranges !== DOCUMENTS * RANGES_PER_DOCUMENT) {
    throw new Error(`expected ${DOCUMENTS * RANGES_PER_DOCUMENT} ranges followed, found ${footprint.ranges}`);
  }
  return [{
    name: `AI ranges followed in memory (${DOCUMENTS} documents × ${RANGES_PER_DOCUMENT})`,
    value: footprint.bytes / 1024,
    unit: 'KB',
    budget: 200,
    note: `${footprint.ranges.toLocaleString('en')} ranges in ${footprint.documents} documents (the tracker's own count)`,
  }];
}

function sum(totals: readonly FateTotals[]): FateTotals {
  return totals.reduce((all, t) => ({ kept: all.kept + t.kept, reworked: all.reworked + t.reworked, removed: all.removed + t.removed }), { kept: 0, reworked: 0, removed: 0 });
}

function shares(totals: FateTotals): string {
  const total = aiChars(totals);
  const pct = (n: number) => `${total === 0 ? 0 : Math.round((n * 100) / total)} %`;
  return `${pct(totals.kept)} kept, ${pct(totals.reworked)} reworked, ${pct(totals.removed)} removed of ${total} AI chars`;
}

/** The worst session's error on each path, and what the truth says became of the AI text. */
function fateAccuracyOf(label: string, sessions: readonly CorpusSession[]): Figure[] {
  const fates: SessionFate[] = sessions.map((session) => scoreFate(session)).filter((fate) => aiChars(fate.truth) > 0);
  if (fates.length === 0) {
    return [];
  }
  const truth = sum(fates.map((fate) => fate.truth));
  return (['exact', 'stable'] as const).map((path): Figure => {
    const errors = fates.map((fate) => ({ name: fate.name, error: fateError(fate[path], fate.truth) }));
    const worst = errors.reduce((a, b) => (b.error > a.error ? b : a));
    return {
      name: `${label}: ${path} fate of AI text, worst session error`,
      value: worst.error,
      unit: '',
      budget: FATE_ERROR_BUDGET,
      note: `worst ${worst.name}; over ${fates.length} sessions with AI text ${shares(sum(fates.map((fate) => fate[path])))}; truth ${shares(truth)}`,
    };
  });
}

/** Tuned-on (scripted + train) and held-out apart, as for attribution accuracy. */
export function fateAccuracyFigures(): Figure[] {
  return [
    ...fateAccuracyOf('tuned-on', [...readGroup('scripted'), ...readGroup('train')]),
    ...fateAccuracyOf('held-out', readGroup('heldOut')),
  ];
}

if (require.main === module) {
  for (const figure of fateAccuracyFigures()) {
    console.log(`${figure.name}: ${figure.value.toFixed(4)} (budget ≤ ${figure.budget}) ${figure.note ?? ''}`);
  }
  for (const figure of fateFigures()) {
    console.log(`${figure.name}: ${figure.value.toFixed(3)} ${figure.unit} (budget ≤ ${figure.budget}) ${figure.note ?? ''}`);
  }
}
