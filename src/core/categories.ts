/** The vocabulary of the whole product: code, UI, CSV headers and docs use these names. */
export const CATEGORIES = ['typed', 'aiInline', 'aiChat', 'paste', 'tool', 'undoRedo', 'external'] as const;
export type Category = (typeof CATEGORIES)[number];

export type Confidence = 'exact' | 'estimated';

/** How paste is treated in the ownership ratio (setting `ownershipRatio.pasteCountsAs`). */
export type PasteCountsAs = 'excluded' | 'own' | 'ai';

/** The AI-assisted categories: inline completions, and chat and agent edits. */
export function isAiCategory(category: Category): boolean {
  return category === 'aiInline' || category === 'aiChat';
}

export type CategoryCounts = Record<Category, number>;

export function emptyCounts(): CategoryCounts {
  return { typed: 0, aiInline: 0, aiChat: 0, paste: 0, tool: 0, undoRedo: 0, external: 0 };
}
