import type { Attribution } from './attribution/types';
import type { Totals } from './tally';

/** The read-only picture the public API, the `ownershipRatio.snapshot` command and the UI share. */
export interface Snapshot {
  readonly version: 1;
  readonly session: Totals & { readonly id: string; readonly start: string; readonly end: string };
  readonly today: Totals & { readonly date: string };
  readonly recent: readonly Attribution[];
}
