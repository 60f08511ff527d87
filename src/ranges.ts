/** The ranges the dashboard offers, in days (`all`: since the first day with data). */
export const RANGES = ['7', '30', '90', '365', 'all'] as const;
export type RangeKey = (typeof RANGES)[number];
