import type { Lead, LeadCounts } from './lead';

/** What became of the AI characters inserted in a span, once settled at the horizon (characters). */
export interface FateCounts {
  kept: number;
  reworked: number;
  removed: number;
}

/**
 * Who led, measured three ways: `lead` counts files (per session), `leadSessions` sessions, and
 * `leadChars` the own and AI characters of the files by who led them.
 */
export type LeadMeasure = 'lead' | 'leadSessions' | 'leadChars';
export const LEAD_MEASURES: readonly LeadMeasure[] = ['lead', 'leadSessions', 'leadChars'];

/**
 * The figures of a span on the fate of AI text and on who led, each `undefined` until one was
 * measured there: days from before they were measured have none, and none is ever invented.
 */
export class SpanOutcome {
  fate: FateCounts | undefined = undefined;
  /** Files (in a session) by who led. */
  lead: LeadCounts | undefined = undefined;
  /** Sessions by who led them. */
  leadSessions: LeadCounts | undefined = undefined;
  /** Own and AI characters of the files, by who led each file. */
  leadChars: LeadCounts | undefined = undefined;

  addFate(fate: Readonly<FateCounts>): void {
    this.fate ??= { kept: 0, reworked: 0, removed: 0 };
    this.fate.kept += fate.kept;
    this.fate.reworked += fate.reworked;
    this.fate.removed += fate.removed;
  }

  addLead(lead: Lead, amount = 1, measure: LeadMeasure = 'lead'): void {
    const counts = this[measure] ?? { you: 0, ai: 0, mixed: 0 };
    counts[lead] += amount;
    this[measure] = counts;
  }

  addOutcome(other: SpanOutcome): void {
    if (other.fate !== undefined) {
      this.addFate(other.fate);
    }
    for (const measure of LEAD_MEASURES) {
      const counts = other[measure];
      if (counts !== undefined) {
        this.addLead('you', counts.you, measure);
        this.addLead('ai', counts.ai, measure);
        this.addLead('mixed', counts.mixed, measure);
      }
    }
  }

  get hasOutcome(): boolean {
    return this.fate !== undefined || LEAD_MEASURES.some((measure) => this[measure] !== undefined);
  }
}

/**
 * Kept, reworked and removed as whole percentages of the settled AI characters that add up to
 * 100 (largest remainders), or undefined when none is settled.
 */
export function fatePercents(fate: Readonly<FateCounts> | undefined): [number, number, number] | undefined {
  const parts = fate === undefined ? [] : [fate.kept, fate.reworked, fate.removed];
  const total = parts.reduce((sum, n) => sum + n, 0);
  if (total <= 0) {
    return undefined;
  }
  const exact = parts.map((n) => (n * 100) / total);
  const percents = exact.map(Math.floor);
  let left = 100 - percents.reduce((sum, n) => sum + n, 0);
  const byRemainder = [0, 1, 2].sort((a, b) => exact[b] - percents[b] - (exact[a] - percents[a]) || a - b);
  for (const i of byRemainder) {
    if (left <= 0) {
      break;
    }
    percents[i]++;
    left--;
  }
  return [percents[0], percents[1], percents[2]];
}
