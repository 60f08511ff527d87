/**
 * Following AI text (core/fate): what its ranges hold in memory for 50 open documents with 500 AI
 * ranges each, by the tracker's own count of its typed arrays. What it adds to a keystroke is
 * measured with the whole keystroke path, in hotPath.ts.
 */
import type { Attribution } from '../src/core/attribution/types';
import { FateTracker } from '../src/core/fate/fateTracker';
import type { Figure } from './report';

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

if (require.main === module) {
  for (const figure of fateFigures()) {
    console.log(`${figure.name}: ${figure.value.toFixed(3)} ${figure.unit} (budget ≤ ${figure.budget}) ${figure.note ?? ''}`);
  }
}
