/** The vocabulary of the whole product: code, UI, CSV headers and docs use these names. */
export const CATEGORIES = ['typed', 'aiInline', 'aiChat', 'paste', 'tool', 'undoRedo', 'external'] as const;
export type Category = (typeof CATEGORIES)[number];

export type Confidence = 'exact' | 'estimated';

/** How paste is treated in the ownership ratio (setting `ownershipRatio.pasteCountsAs`). */
export type PasteCountsAs = 'excluded' | 'own' | 'ai';

export const AI_CATEGORIES: readonly Category[] = ['aiInline', 'aiChat'];

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}

export type CategoryCounts = Record<Category, number>;

export function emptyCounts(): CategoryCounts {
  return { typed: 0, aiInline: 0, aiChat: 0, paste: 0, tool: 0, undoRedo: 0, external: 0 };
}
