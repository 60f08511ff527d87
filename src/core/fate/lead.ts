import type { Category } from '../categories';

/**
 * Who led the work on one file in one session:
 * - `you`: you wrote (nearly) all of it, or you drafted first and AI refined;
 * - `ai`: AI wrote (nearly) all of it, or AI drafted first and you refined;
 * - `mixed`: neither drafted the file's first half clearly.
 */
export type Lead = 'you' | 'ai' | 'mixed';

export interface LeadCounts {
  you: number;
  ai: number;
  mixed: number;
}

export function emptyLead(): LeadCounts {
  return { you: 0, ai: 0, mixed: 0 };
}

/** A file with fewer own and AI characters than this in a session has no lead (a glance, a one-word fix). */
export const LEAD_MIN_CHARS = 20;
/** One side wrote at least this share of the file's characters in the session: it did (nearly) all of it. */
export const LEAD_SOLO_SHARE = 0.9;
/** One side wrote at least this share of the first half (the draft): it led. */
export const LEAD_DRAFT_SHARE = 2 / 3;
/** Runs kept in order per file; what comes later only counts in the totals (the draft is the first half). */
const MAX_RUNS = 32;

/**
 * The order and share of one file's own and AI characters in a session: alternating runs (who,
 * how many), then totals. Typed characters are yours; inline and chat AI characters are the AI's;
 * pasted text counts for neither (its origin is unknown), tools, undo and outside changes neither.
 */
export class LeadTally {
  /** Run lengths, alternating sides; `firstIsYou` says which side the first run is. */
  private readonly runs: number[] = [];
  private firstIsYou = false;
  private lastIsYou = false;
  /** More side changes than runs kept: later characters only count in the totals. */
  private overflowed = false;
  you = 0;
  ai = 0;

  add(category: Category, chars: number): void {
    const isYou = category === 'typed';
    if (chars <= 0 || (!isYou && category !== 'aiInline' && category !== 'aiChat')) {
      return;
    }
    if (isYou) {
      this.you += chars;
    } else {
      this.ai += chars;
    }
    const runs = this.runs;
    if (this.overflowed) {
      return;
    }
    if (runs.length === 0) {
      this.firstIsYou = isYou;
      this.lastIsYou = isYou;
      runs.push(chars);
    } else if (this.lastIsYou === isYou) {
      runs[runs.length - 1] += chars;
    } else if (runs.length < MAX_RUNS) {
      this.lastIsYou = isYou;
      runs.push(chars);
    } else {
      this.overflowed = true;
    }
  }

  lead(): Lead | undefined {
    return decideLead(this.you, this.ai, this.draftShareOfYou());
  }

  /**
   * Your share of the first half of the file's characters, in the order they were written. Runs
   * beyond the kept ones are taken in their overall proportion.
   */
  private draftShareOfYou(): number {
    const total = this.you + this.ai;
    const half = total / 2;
    let seen = 0;
    let you = 0;
    let isYou = this.firstIsYou;
    for (const run of this.runs) {
      const take = Math.min(run, half - seen);
      if (take <= 0) {
        break;
      }
      seen += take;
      if (isYou) {
        you += take;
      }
      isYou = !isYou;
    }
    if (seen < half) {
      const restYou = Math.max(0, this.you - you);
      const restAll = Math.max(1, total - seen);
      you += (half - seen) * (restYou / restAll);
    }
    return half > 0 ? you / half : 0;
  }
}

/**
 * The rule, in one place: with too few characters there is no lead; a side with 90 % or more of
 * the characters did (nearly) all of it; else the side that wrote two thirds or more of the first
 * half (the draft) led; else it was mixed.
 */
export function decideLead(you: number, ai: number, draftShareOfYou: number): Lead | undefined {
  const total = you + ai;
  if (total < LEAD_MIN_CHARS) {
    return undefined;
  }
  if (you >= LEAD_SOLO_SHARE * total) {
    return 'you';
  }
  if (ai >= LEAD_SOLO_SHARE * total) {
    return 'ai';
  }
  if (draftShareOfYou >= LEAD_DRAFT_SHARE) {
    return 'you';
  }
  if (1 - draftShareOfYou >= LEAD_DRAFT_SHARE) {
    return 'ai';
  }
  return 'mixed';
}

/** A file's lead in a session and its own and AI characters there. */
export interface FileLead {
  readonly lead: Lead;
  readonly chars: number;
}

/**
 * Who led a session: the side whose led files hold most of its own and AI characters (`mixed` when
 * the mixed files hold most, or on a tie); none without a file with a lead.
 */
export function sessionLead(files: readonly FileLead[]): Lead | undefined {
  if (files.length === 0) {
    return undefined;
  }
  const chars = emptyLead();
  for (const file of files) {
    chars[file.lead] += file.chars;
  }
  if (chars.you > chars.ai && chars.you > chars.mixed) {
    return 'you';
  }
  return chars.ai > chars.you && chars.ai > chars.mixed ? 'ai' : 'mixed';
}

/** Files of a session by who led (files without a lead are left out). */
export function countLeads(files: Iterable<LeadTally>, into: LeadCounts = emptyLead()): LeadCounts {
  for (const file of files) {
    const lead = file.lead();
    if (lead !== undefined) {
      into[lead]++;
    }
  }
  return into;
}
