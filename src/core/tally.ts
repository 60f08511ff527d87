import type { Attribution } from './attribution/types';
import { emptyCounts, isAiCategory, type CategoryCounts, type PasteCountsAs } from './categories';
import { ownershipRatio } from './ratio';
import { aiChatSource, emptyAiChatBy, type AiChatBy } from './terminal/aiChatBy';

/** Figures of a span of work (a session, a day, a range), as the API and the UI show them. */
export interface Totals {
  readonly chars: CategoryCounts;
  /** The part of the AI-assisted characters attributed by a heuristic rather than a sure signal. */
  readonly estimatedAiChars: number;
  /**
   * Where the `aiChat` characters came from: the editor's chat, an agent extension, a terminal
   * agent. They add up to `chars.aiChat` except for work counted before the split was recorded
   * (see `aiChatNotSplit`), which is in none of them.
   */
  readonly aiChatBy: AiChatBy;
  readonly ownershipRatio: number | null;
}

/** A running count of attributed characters. Mutated in place on the hot path: no allocation per edit. */
export class Tally {
  readonly chars: CategoryCounts = emptyCounts();
  estimatedAiChars = 0;
  deletedChars = 0;
  /** `aiChat` characters by source; a span read from history written before the split has less here than in `chars.aiChat`. */
  readonly aiChatBy: AiChatBy = emptyAiChatBy();

  add(attribution: Attribution): void {
    this.addSigned(attribution, 1);
  }

  /** Takes back what `add` counted for this attribution (its action was decided otherwise). */
  remove(attribution: Attribution): void {
    this.addSigned(attribution, -1);
  }

  protected addSigned(attribution: Attribution, sign: 1 | -1): void {
    this.chars[attribution.category] += sign * attribution.chars;
    this.deletedChars += sign * attribution.deleted;
    if (attribution.confidence === 'estimated' && isAiCategory(attribution.category)) {
      this.estimatedAiChars += sign * attribution.chars;
    }
    if (attribution.category === 'aiChat') {
      this.aiChatBy[aiChatSource(attribution.evidence)] += sign * attribution.chars;
    }
  }

  totals(pasteCountsAs: PasteCountsAs): Totals {
    return {
      chars: { ...this.chars },
      estimatedAiChars: this.estimatedAiChars,
      aiChatBy: { ...this.aiChatBy },
      ownershipRatio: ownershipRatio(this.chars, pasteCountsAs),
    };
  }
}
