/** The ranges the dashboard offers, in days (`all`: since the first day with data). */
export const RANGES = ['7', '30', '90', '365', 'all'] as const;
export type RangeKey = (typeof RANGES)[number];
/** The range a dashboard opens with until the user picks another (kept per panel after that). */
export const DEFAULT_RANGE: RangeKey = '30';

export function isRangeKey(value: unknown): value is RangeKey {
  return (RANGES as readonly unknown[]).includes(value);
}
